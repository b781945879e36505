import { execFile, spawn } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listarActividad } from '../../bff/db/auditoria.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay, MINUTO } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';
import { ENTORNO_PRODUCCION, RAIZ } from '../helpers/e2e-servidor.js';
import { puertoLibre } from '../helpers/puerto.mjs';

const ejecutar = promisify(execFile);

// The port is chosen first: the app's public origin (ORIGEN_PUBLICO, its own origin for CSRF) is the
// address the test reaches it at.
let puerto: number;
let base: string;
beforeAll(async () => {
  puerto = await puertoLibre();
  base = `http://127.0.0.1:${puerto}`;
});
const e = usarEntorno(() => ({ entorno: { ORIGEN_PUBLICO: base } }), 'todo el archivo');
let servidor: ServerType;
beforeAll(async () => {
  await new Promise<void>((listo) => {
    servidor = serve({ fetch: e.app.fetch, hostname: '127.0.0.1', port: puerto }, () => listo());
  });
});
afterAll(async () => {
  await new Promise((listo) => servidor.close(listo));
});

describe('the BFF on a real listening socket', () => {
  test('log in with the cookie, read, update with If-Match, log out', async () => {
    const login = await fetch(`${base}/api/sesiones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify({ idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }),
    });
    expect(login.status).toBe(201);
    const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^mug_sesion=[A-Za-z0-9_-]{43}$/);

    const lectura = await fetch(`${base}/api/usuario`, { headers: { Cookie: cookie } });
    expect(lectura.status).toBe(200);
    expect(lectura.headers.get('ETag')).toBe('"1"');

    const cambio = await fetch(`${base}/api/usuario`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'If-Match': '"1"', Origin: base },
      body: JSON.stringify(actualizacionTmacay({ telefono2: '042999888' })),
    });
    expect(cambio.status).toBe(200);
    expect(cambio.headers.get('ETag')).toBe('"2"');
    expect(await cambio.json()).toMatchObject({ telefono2: '042999888', version: 2 });

    // The audit log records the client's address from the socket.
    expect((await listarActividad(e.db, 'tmacay'))[0]).toMatchObject({ evento: 'DATOS_MODIFICADOS', campos: ['telefono2'], ip: '127.0.0.1' });

    const salida = await fetch(`${base}/api/sesiones/actual`, { method: 'DELETE', headers: { Cookie: cookie, Origin: base } });
    expect(salida.status).toBe(204);
    expect((await fetch(`${base}/api/usuario`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test('the open sessions show the address of their latest request (recorded with the once-a-minute extension), not only the login\'s', async () => {
    // Loopback is 127.0.0.0/8: the login comes from 127.0.0.2, the later use from 127.0.0.1.
    const login = await new Promise<{ token: string }>((resolver, rechazar) => {
      const pedido = request(
        `${base}/api/sesiones`,
        { method: 'POST', localAddress: '127.0.0.2', headers: { 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' } },
        (respuesta) => {
          let texto = '';
          respuesta.on('data', (parte) => (texto += parte));
          respuesta.on('end', () => resolver(JSON.parse(texto) as { token: string }));
        },
      );
      pedido.on('error', rechazar);
      pedido.end(JSON.stringify({ idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO }));
    });
    const antes = await e.db.execute("SELECT ip, ultima_ip FROM sesiones WHERE id_usuario = 'mzambrano' AND revocada_en IS NULL");
    expect(antes.rows.map((f) => ({ ...f }))).toEqual([{ ip: '127.0.0.2', ultima_ip: null }]);
    e.reloj.avanzar(MINUTO);
    const r = await fetch(`${base}/api/sesiones`, { headers: { Authorization: `Bearer ${login.token}` } });
    expect(await r.json()).toEqual([expect.objectContaining({ dispositivo: 'curl/8.5.0', ip: '127.0.0.1', actual: true })]);
  });

  test('a 16 KiB+ body streamed without Content-Length is cut off with 413', async () => {
    const r = await fetch(`${base}/api/sesiones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(control) {
          control.enqueue(new TextEncoder().encode(`{"idUsuario":"tmacay","contrasena":"${'x'.repeat(20_000)}"}`));
          control.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { codigo: string }).codigo).toBe('CUERPO_DEMASIADO_GRANDE');
  });
});

const ENTRADAS = [
  ['la demostración (demo/server.ts)', ['--import', 'tsx', 'demo/server.ts'], {}],
  ['la entrada de producción (dist/server.js)', ['dist/server.js'], ENTORNO_PRODUCCION],
] as const;

describe.each(ENTRADAS)('%s', (_, argumentos, requeridas) => {
  test('a bad variable stops the start with one clear line on stderr and exit code 1', async () => {
    const fallo = await ejecutar(process.execPath, argumentos, {
      cwd: RAIZ,
      env: { ...process.env, ...requeridas, PORT: 'ochenta' },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(fallo).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Configuración inválida: PORT = "ochenta"; se admite un número de puerto entre 1 y 65535.\n',
    });
  });

  test.each([
    ['ORIGEN_PUBLICO', 'https://ecuapass.example/portal', 'el origen con el que los usuarios llegan al BFF'],
    ['PROXY_CONFIABLE', '10.0.0.0/40', 'una lista separada por comas de direcciones IP o rangos CIDR'],
    ['NIVEL_REGISTRO', 'verboso', 'fatal, error, warn, info, debug, trace, silent'],
    ['RETENCION_AUDITORIA_DIAS', '7', 'un número entero de días entre 30 y 3650'],
  ])('%s=%s stops the start with one line naming the variable', async (variable, valor, admite) => {
    const fallo = await ejecutar(process.execPath, argumentos, {
      cwd: RAIZ,
      env: { ...process.env, ...requeridas, [variable]: valor },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(fallo).toMatchObject({ code: 1, stdout: '' });
    const { stderr } = fallo as { stderr: string };
    expect(stderr.split('\n')).toEqual([expect.stringContaining(`Configuración inválida: ${variable} = "${valor}"; se admite ${admite}`), '']);
  });
});

describe('the demo with a remote database that is down', () => {
  test('starts anyway, says so in one line, and GET /api/salud answers 503 with Retry-After', async () => {
    const [puerto, puertoTercero, puertoBase] = [await puertoLibre(), await puertoLibre(), await puertoLibre()];
    const url = `libsql://127.0.0.1:${puertoBase}`;
    const proceso = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
      cwd: RAIZ,
      env: { ...process.env, PORT: String(puerto), PORT_TERCERO: String(puertoTercero), DATABASE_URL: url, SECRETO_CODIGOS: 's'.repeat(32) },
    });
    let salida = '';
    proceso.stderr.on('data', (parte: Buffer) => (salida += parte.toString()));
    try {
      await new Promise<void>((listo, falla) => {
        proceso.stdout.on('data', (parte: Buffer) => {
          salida += parte.toString();
          if (salida.includes('Portal de demostración y BFF')) listo();
        });
        proceso.on('exit', (codigo) => falla(new Error(`salió con ${codigo}: ${salida}`)));
      });
      const salud = await fetch(`http://127.0.0.1:${puerto}/api/salud`);
      expect(salud.status).toBe(503);
      expect(salud.headers.get('Retry-After')).toBe('5');
      expect(((await salud.json()) as { codigo: string }).codigo).toBe('SERVICIO_NO_DISPONIBLE');
      expect(salida).toContain(`ERROR: Aviso: la base de datos no responde (DATABASE_URL = "${url}": connect ECONNREFUSED 127.0.0.1:${puertoBase}); el servidor atiende igual`);
    } finally {
      proceso.kill('SIGTERM');
      await new Promise((listo) => proceso.once('exit', listo));
    }
  }, 20_000);
});
