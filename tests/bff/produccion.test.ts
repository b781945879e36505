// The production entry (`npm run serve`: dist/server.js, built by `npm run build`) as an operator
// runs it: the BFF alone, JSON log lines, strict about what it needs, importing only the packages
// of "dependencies" (what `npm ci --omit=dev` installs).
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { arrancarServidor, ENTORNO_PRODUCCION, lineasJson, RAIZ, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { puertoLibre } from '../helpers/puerto.mjs';
import { iniciarResendFalso, type ResendFalso } from '../helpers/resend-falso.js';

const ejecutar = promisify(execFile);

describe('npm run serve with a Resend key, a public https origin and the code secret', () => {
  let servidor: ServidorE2e;
  let resend: ResendFalso;
  beforeAll(async () => {
    resend = await iniciarResendFalso();
    servidor = await arrancarServidor({ ...ENTORNO_PRODUCCION, RESEND_BASE_URL: resend.url, SEED_DEMO: '' }, { produccion: true });
  });
  afterAll(async () => {
    await servidor?.cerrar();
    await resend?.cerrar();
  });

  test('serves /api, /widget and its own pages; no portal, no dev outbox', async () => {
    expect(await (await fetch(`${servidor.url}/api/salud`)).json()).toEqual({ estado: 'ok', correo: { estado: 'ok' } });
    const widget = await fetch(`${servidor.url}/widget/modificar-usuario-general.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('Content-Type')).toBe('text/javascript; charset=UTF-8');
    expect((await fetch(`${servidor.url}/api/catalogos/provincias`)).status).toBe(200);
    // The revert and reset pages answer (an unknown link: 410 with the page explaining it).
    for (const pagina of ['/correo/revertir/', '/clave/restablecer/']) {
      const r = await fetch(`${servidor.url}${pagina}${'A'.repeat(43)}`);
      expect(r.status, pagina).toBe(410);
      expect(r.headers.get('Content-Type'), pagina).toMatch(/^text\/html/);
    }
    for (const ruta of ['/', '/portal', '/portal/3.2.3/usuario-general', '/demo/estilos.css', '/dev/correos', '/api/dev/correos']) {
      expect((await fetch(`${servidor.url}${ruta}`)).status, ruta).toBe(404);
    }
  });

  test('the demo users exist only with SEED_DEMO=1: a login is refused', async () => {
    const r = await fetch(`${servidor.url}/api/sesiones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }),
    });
    expect(r.status).toBe(401);
  });

  test('logs JSON lines: the start (migrations, mail, where it listens, public origin, the purge), then one line per request', async () => {
    const lineas = lineasJson(servidor.salida());
    const inicio = lineas.slice(0, lineas.findIndex((l) => l.msg === 'solicitud atendida'));
    expect(inicio.map((l) => l.msg).sort()).toEqual([
      'Migraciones aplicadas: 001_esquema.sql, 002_correo.sql, 003_baja.sql, 004_restablecimiento.sql, 005_nombre_registrado_y_limites.sql, 006_sesiones_uso.sql, 007_sondeo_escritura.sql, 008_avisos_pendientes.sql, 010_retencion.sql',
      `Correo: Resend (${resend.url}).`,
      `BFF: ${servidor.url}/`,
      'Origen público (ORIGEN_PUBLICO, el de los enlaces y la cookie): https://ecuapass.example/',
      'Purga de datos vencidos: 0 filas borradas.',
    ].sort());
    expect(servidor.salida()).not.toMatch(/Página de un tercero|Portal de demostración|bandeja de desarrollo/);
    for (const linea of lineas) expect(linea).toMatchObject({ level: expect.any(Number), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), pid: expect.any(Number), hostname: expect.any(String) });
    expect(lineas).toContainEqual(
      expect.objectContaining({ msg: 'solicitud atendida', ruta: '/correo/revertir/:token', req: { method: 'GET', ip: '127.0.0.1' }, res: { status: 410 }, reqId: expect.stringMatching(/^[0-9a-f-]{36}$/), responseTime: expect.any(Number) }),
    );
  });
});

describe('npm run serve refuses to start', () => {
  test.each([['SECRETO_CODIGOS'], ['RESEND_API_KEY'], ['ORIGEN_PUBLICO']])('without %s: one line on stderr naming it, exit code 1', async (variable) => {
    const entorno: Record<string, string | undefined> = { ...process.env, ...ENTORNO_PRODUCCION, PORT: String(await puertoLibre()) };
    delete entorno[variable];
    const fallo = await ejecutar(process.execPath, ['dist/server.js'], { cwd: RAIZ, env: entorno }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(fallo).toMatchObject({ code: 1, stdout: '' });
    expect((fallo as { stderr: string }).stderr).toMatch(new RegExp(`^Configuración inválida: ${variable} es obligatorio en producción \\(npm run serve\\); [^\\n]+\\n$`));
  });

  test('with «*» among the allowed origins', async () => {
    const fallo = await ejecutar(process.execPath, ['dist/server.js'], {
      cwd: RAIZ,
      env: { ...process.env, ...ENTORNO_PRODUCCION, ORIGENES_PERMITIDOS: 'https://portal.example,*' },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(fallo).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^Configuración inválida: ORIGENES_PERMITIDOS no admite «\*» [^\n]+\n$/) });
  });
});

describe('the production bundle and its packages', () => {
  test('dist/server.js imports only Node built-ins and packages of "dependencies" (npm ci --omit=dev installs them)', async () => {
    const bundle = await readFile(join(RAIZ, 'dist/server.js'), 'utf8');
    const { dependencies } = JSON.parse(await readFile(join(RAIZ, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const especificadores = [...bundle.matchAll(/\bfrom\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    const paquetes = new Set(
      especificadores
        .filter((e) => !e.startsWith('node:') && !builtinModules.includes(e))
        .map((e) => (e.startsWith('@') ? e.split('/').slice(0, 2).join('/') : e.split('/')[0]!)),
    );
    expect([...paquetes].filter((p) => !(p in dependencies))).toEqual([]);
    // The packages that only build or run the demo are not needed at run time.
    for (const soloDesarrollo of ['tsx', 'esbuild', 'pino-pretty', 'lit']) expect(paquetes.has(soloDesarrollo), soloDesarrollo).toBe(false);
    expect(paquetes).toContain('@libsql/client');
    expect(paquetes).toContain('pino');
  });

  test('the product does not import its demo: no module of bff/ names demo/', async () => {
    const importan: string[] = [];
    for (const archivo of await readdir(join(RAIZ, 'bff'), { recursive: true })) {
      if (!archivo.endsWith('.ts')) continue;
      if (/from\s+['"][^'"]*\/demo\//.test(await readFile(join(RAIZ, 'bff', archivo), 'utf8'))) importan.push(archivo);
    }
    expect(importan).toEqual([]);
  });
});
