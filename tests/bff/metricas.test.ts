// Prometheus metrics (bff/metricas.ts): HTTP requests by route pattern and status, emails sent and
// failed by kind, rate-limit refusals by kind, database faults; served on PORT_METRICAS only.
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { leerConfig } from '../../bff/config.js';
import { abrirBaseDeDatos, type BaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';
import { CONTRASENA_DEMO, sembrarDemo } from '../../bff/db/semilla.js';
import { crearMetricas, type Metricas } from '../../bff/metricas.js';
import { actualizacionTmacay, actualizarUsuario, baseTemporal, iniciarSesion, MINUTO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';
import { arrancarServidor, ENTORNO_PRODUCCION, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { puertoLibre } from '../helpers/puerto.mjs';
import { iniciarResendFalso, type ResendFalso } from '../helpers/resend-falso.js';

/** The value of the sample `nombre` with exactly `etiquetas` in Prometheus's text `texto`; 0 when absent. */
function valorEn(texto: string, nombre: string, etiquetas: Record<string, string>): number {
  const buscada = JSON.stringify(Object.entries(etiquetas).sort());
  for (const [, suNombre, suyas = '', valor] of texto.matchAll(/^(\w+)(?:\{(.*)\})? (\S+)$/gm)) {
    const pares = [...suyas.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]);
    if (suNombre === nombre && JSON.stringify(pares.sort()) === buscada) return Number(valor);
  }
  return 0;
}

async function muestra(metricas: Metricas, nombre: string, etiquetas: Record<string, string>): Promise<number> {
  return valorEn(await metricas.registro.metrics(), nombre, etiquetas);
}

const SALUD_200 = { method: 'GET', status: '200', ok: 'true', route: '/api/salud' };

describe('the counters of one app', () => {
  let db: BaseDeDatos;
  let app: ReturnType<typeof createApp>;
  let metricas: Metricas;
  let resend: ResendFalso;
  let carpeta: string;
  beforeEach(async () => {
    resend = await iniciarResendFalso();
    const base = await baseTemporal();
    carpeta = base.carpeta;
    metricas = crearMetricas();
    db = await abrirBaseDeDatos(base.url, { tiempoLimiteMs: 2000, alFallar: metricas.falloBase });
    await migrar(db);
    await sembrarDemo(db, new Date());
    const { config } = leerConfig({ DATABASE_URL: base.url, SECRETO_CODIGOS: 's'.repeat(32), RESEND_API_KEY: 're_x', RESEND_BASE_URL: resend.url });
    app = createApp({ db, reloj: () => new Date(), config, metricas });
  });
  afterEach(async () => {
    db.close();
    await resend.cerrar();
    await rm(carpeta, { recursive: true, force: true });
  });

  const entrar = async () => {
    const r = await pedir(app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO } });
    return ((await r.json()) as { token: string }).token;
  };

  test('HTTP requests by method, route pattern (never the path) and status, with a latency histogram', async () => {
    await pedir(app, '/api/salud');
    await pedir(app, '/api/salud');
    await pedir(app, `/correo/revertir/${'Z'.repeat(43)}`);
    expect(await muestra(metricas, 'http_requests_total', SALUD_200)).toBe(2);
    expect(await muestra(metricas, 'http_requests_total', { method: 'GET', status: '410', ok: 'false', route: '/correo/revertir/:token' })).toBe(1);
    expect(await muestra(metricas, 'http_request_duration_seconds_count', SALUD_200)).toBe(2);
    expect(await metricas.registro.metrics()).not.toContain('Z'.repeat(43));
  });

  test('emails by kind: failed while the provider is down, sent once it answers', async () => {
    const token = await entrar();
    resend.programar({ tipo: 'error', estado: 500 }, { tipo: 'error', estado: 500 });
    expect((await pedir(app, '/api/correo/codigo', { token, cuerpo: { correo: 'tito.nuevo@example.com' } })).status).toBe(503);
    expect(await muestra(metricas, 'mug_correos_fallidos_total', { tipo: 'codigo' })).toBe(1);
    expect((await pedir(app, '/api/correo/codigo', { token, cuerpo: { correo: 'tito.nuevo@example.com' } })).status).toBe(202);
    expect(await muestra(metricas, 'mug_correos_enviados_total', { tipo: 'codigo' })).toBe(1);
    expect(await muestra(metricas, 'mug_correos_fallidos_total', { tipo: 'codigo' })).toBe(1);
  });

  test('rate-limit refusals by kind: the login and the password check', async () => {
    for (let i = 0; i < 6; i++) await pedir(app, '/api/sesiones', { cuerpo: { idUsuario: 'mzambrano', contrasena: 'no-es-la-clave' } });
    expect(await muestra(metricas, 'mug_limites_rechazos_total', { tipo: 'inicio-sesion' })).toBe(1);
    const token = await entrar();
    for (let i = 0; i < 7; i++) await pedir(app, '/api/usuario/clave/verificacion', { token, cuerpo: { contrasenaAnterior: 'no-es-la-clave' } });
    expect(await muestra(metricas, 'mug_limites_rechazos_total', { tipo: 'prueba-contrasena' })).toBe(2);
  });

  test('database faults by reason', async () => {
    const token = await entrar();
    db.close();
    expect((await pedir(app, '/api/salud')).status).toBe(503);
    expect((await pedir(app, '/api/usuario', { token })).status).toBe(503);
    expect(await muestra(metricas, 'mug_base_datos_errores_total', { motivo: 'no-responde' })).toBe(2);
  });
});

describe('the notices\' counters: where the sender delivers, not where the change queues', () => {
  let proveedor: ResendFalso;
  beforeEach(async () => {
    proveedor = await iniciarResendFalso();
  });
  afterEach(() => proveedor.cerrar());
  const e = usarEntorno(() => ({ entorno: { RESEND_API_KEY: 're_x', RESEND_BASE_URL: proveedor.url } }));

  test('a queued notice counts nothing; each try of the sender counts by kind: failed while the provider is down, then sent', async () => {
    const token = await iniciarSesion(e.app);
    const nueva = 'caballo correcto batería grapa';
    const cambio = actualizacionTmacay({ cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: nueva, confirmacion: nueva } });
    expect((await actualizarUsuario(e.app, token, cambio)).status).toBe(200);
    const avisoContrasena = async () => [
      await muestra(e.metricas, 'mug_correos_enviados_total', { tipo: 'aviso-clave' }),
      await muestra(e.metricas, 'mug_correos_fallidos_total', { tipo: 'aviso-clave' }),
    ];
    expect(await avisoContrasena()).toEqual([0, 0]);
    proveedor.programar({ tipo: 'error', estado: 500 }, { tipo: 'error', estado: 500 });
    expect(await e.despachador.entregarPendientes()).toBe(1);
    expect(await avisoContrasena()).toEqual([0, 1]);
    e.reloj.avanzar(MINUTO);
    expect(await e.despachador.entregarPendientes()).toBe(1);
    expect(await avisoContrasena()).toEqual([1, 1]);
    expect(await muestra(e.metricas, 'mug_correos_enviados_total', { tipo: 'aviso' })).toBe(0);
  });
});

describe('the real server with PORT_METRICAS', () => {
  let servidor: ServidorE2e;
  let puertoMetricas: number;
  afterAll(() => servidor?.cerrar());

  test('GET /metrics on its own port, in Prometheus\'s text format with Node\'s own metrics; not on the BFF\'s port', async () => {
    puertoMetricas = await puertoLibre();
    servidor = await arrancarServidor({ ...ENTORNO_PRODUCCION, PORT_METRICAS: String(puertoMetricas) }, { produccion: true });
    await fetch(`${servidor.url}/api/salud`);
    const r = await fetch(`http://127.0.0.1:${puertoMetricas}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const texto = await r.text();
    expect(valorEn(texto, 'http_requests_total', SALUD_200)).toBeGreaterThanOrEqual(2);
    expect(texto).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(texto).toContain('# TYPE mug_correos_enviados_total counter');
    expect((await fetch(`${servidor.url}/metrics`)).status).toBe(404);
    expect(servidor.salida()).toContain(`"msg":"Métricas de Prometheus: http://127.0.0.1:${puertoMetricas}/metrics"`);
  });

  test('off by default: nothing listens for metrics', async () => {
    const otro = await arrancarServidor({ ...ENTORNO_PRODUCCION }, { produccion: true });
    try {
      expect(otro.salida()).not.toContain('Métricas de Prometheus');
    } finally {
      await otro.cerrar();
    }
  });
});
