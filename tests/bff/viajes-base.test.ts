// Round trips to the database per request, for every /api endpoint with a typical request. A remote
// libSQL (sqld, Turso) pays for each one, so a change that adds one must fail here (and, if it is
// worth it, update this table and the one in docs/decisiones.md, "Viajes a la base por petición").
import { beforeEach, describe, expect, test } from 'vitest';
import { codigoEn } from '../../paquete/bff-real.js';
import { createApp } from '../../bff/app.js';
import type { MensajeCorreo } from '../../bff/mail/index.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { contarLlamadas, type BaseContada } from '../helpers/contador-db.js';
import { actualizacionTmacay, actualizarUsuario, cambioDeCorreo, iniciarSesion, MINUTO, pedir, type Pedido } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// A mailer that keeps messages in memory: the dev outbox would add its own INSERTs.
const enviados: MensajeCorreo[] = [];
const mailer = { enviar: async (m: MensajeCorreo) => void enviados.push(m) };

const e = usarEntorno({ mailer });
let base: BaseContada;
let app: ReturnType<typeof createApp>;
let token: string;

beforeEach(async () => {
  enviados.length = 0;
  base = contarLlamadas(e.db);
  app = createApp({ db: base.db, mailer, reloj: e.reloj.ahora, config: e.config });
  token = await iniciarSesion(app);
});

const NUEVO = 'tito.nuevo@example.com';
const NUEVA_CLAVE = 'Orquidea-Violeta-Tungurahua-77';

/** A security code for NUEVO, as mailed. */
async function codigo(): Promise<string> {
  expect((await pedir(app, '/api/correo/codigo', { cuerpo: { correo: NUEVO }, token })).status).toBe(202);
  return codigoEn(enviados.at(-1)!.texto);
}

/** The token of the "No reconozco este cambio" link of a saved email change. */
async function enlaceReversion(): Promise<string> {
  expect((await actualizarUsuario(app, token, cambioDeCorreo('tmacay', NUEVO, await codigo()))).status).toBe(200);
  // The notice to the old address leaves through the outbox, after the answer.
  await e.despachador.entregarPendientes();
  return enviados.at(-1)!.texto.match(/\/correo\/revertir\/([A-Za-z0-9_-]+)/)![1]!;
}

interface Caso {
  nombre: string;
  /** State the request needs (not counted); returns the request. */
  preparar?: () => Promise<Pedido & { ruta?: string }>;
  ruta: string;
  pedido?: Pedido;
  estado: number;
  /** Round trips: statements plus batches. */
  viajes: number;
}

const put = (cuerpo: unknown, version = 1): Pedido => ({ metodo: 'PUT', cuerpo, cabeceras: { 'If-Match': `"${version}"` } });

const CASOS: Caso[] = [
  { nombre: 'GET /api/salud (the write probe)', ruta: '/api/salud', estado: 200, viajes: 1 },
  { nombre: 'GET /api/catalogos/paises', ruta: '/api/catalogos/paises', estado: 200, viajes: 0 },
  { nombre: 'GET /api/catalogos/provincias/17/ciudades', ruta: '/api/catalogos/provincias/17/ciudades', estado: 200, viajes: 0 },
  { nombre: 'GET /api/openapi.json', ruta: '/api/openapi.json', estado: 200, viajes: 0 },
  { nombre: 'POST /api/sesiones (login)', ruta: '/api/sesiones', pedido: { cuerpo: { idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO } }, estado: 201, viajes: 2 },
  { nombre: 'POST /api/sesiones, wrong password', ruta: '/api/sesiones', pedido: { cuerpo: { idUsuario: 'mzambrano', contrasena: 'otra-cosa-123' } }, estado: 401, viajes: 2 },
  {
    nombre: 'POST /api/sesiones, over the limit',
    ruta: '/api/sesiones',
    preparar: async () => {
      for (let i = 0; i < 5; i++) await pedir(app, '/api/sesiones', { cuerpo: { idUsuario: 'mzambrano', contrasena: 'otra-cosa-123' } });
      return { cuerpo: { idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO } };
    },
    estado: 429,
    viajes: 2,
  },
  { nombre: 'GET /api/usuario', ruta: '/api/usuario', estado: 200, viajes: 1 },
  {
    nombre: 'GET /api/usuario, a minute after the recorded use (the extension)',
    ruta: '/api/usuario',
    preparar: async () => (e.reloj.avanzar(MINUTO), {}),
    estado: 200,
    viajes: 2,
  },
  { nombre: 'GET /api/usuario, no token', ruta: '/api/usuario', pedido: { token: '' }, estado: 401, viajes: 0 },
  { nombre: 'GET /api/usuario, unknown token', ruta: '/api/usuario', pedido: { token: 'x'.repeat(43) }, estado: 401, viajes: 1 },
  { nombre: 'PUT /api/usuario (data)', ruta: '/api/usuario', pedido: put(actualizacionTmacay({ telefono2: '042345679' })), estado: 200, viajes: 2 },
  {
    nombre: 'PUT /api/usuario (data), a minute after the recorded use: the extension rides in the batch',
    ruta: '/api/usuario',
    preparar: async () => (e.reloj.avanzar(MINUTO), put(actualizacionTmacay({ telefono2: '042345679' }))),
    estado: 200,
    viajes: 2,
  },
  { nombre: 'PUT /api/usuario, nothing changed', ruta: '/api/usuario', pedido: put(actualizacionTmacay()), estado: 200, viajes: 1 },
  { nombre: 'PUT /api/usuario, stale If-Match', ruta: '/api/usuario', pedido: put(actualizacionTmacay(), 7), estado: 412, viajes: 1 },
  { nombre: 'PUT /api/usuario, invalid body', ruta: '/api/usuario', pedido: put(actualizacionTmacay({ telefono1: 'x' })), estado: 422, viajes: 1 },
  {
    nombre: 'PUT /api/usuario (email, with its code)',
    ruta: '/api/usuario',
    preparar: async () => put(cambioDeCorreo('tmacay', NUEVO, await codigo())),
    estado: 200,
    viajes: 5,
  },
  {
    nombre: 'PUT /api/usuario (password)',
    ruta: '/api/usuario',
    pedido: put(actualizacionTmacay({ cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: NUEVA_CLAVE, confirmacion: NUEVA_CLAVE } })),
    estado: 200,
    viajes: 4,
  },
  { nombre: 'POST /api/usuario/clave/verificacion', ruta: '/api/usuario/clave/verificacion', pedido: { cuerpo: { contrasenaAnterior: CONTRASENA_DEMO } }, estado: 204, viajes: 4 },
  { nombre: 'POST /api/sesiones/reautenticacion', ruta: '/api/sesiones/reautenticacion', pedido: { cuerpo: { contrasena: CONTRASENA_DEMO } }, estado: 204, viajes: 4 },
  { nombre: 'GET /api/usuario/actividad', ruta: '/api/usuario/actividad', estado: 200, viajes: 3 },
  { nombre: 'POST /api/usuario/baja', ruta: '/api/usuario/baja', pedido: { cuerpo: { motivo: 'Cierre de la empresa' } }, estado: 202, viajes: 2 },
  { nombre: 'GET /api/sesiones', ruta: '/api/sesiones', estado: 200, viajes: 2 },
  { nombre: 'DELETE /api/sesiones/otras', ruta: '/api/sesiones/otras', pedido: { metodo: 'DELETE' }, estado: 200, viajes: 2 },
  { nombre: 'DELETE /api/sesiones/actual (logout)', ruta: '/api/sesiones/actual', pedido: { metodo: 'DELETE' }, estado: 204, viajes: 2 },
  { nombre: 'POST /api/correo/disponibilidad', ruta: '/api/correo/disponibilidad', pedido: { cuerpo: { correo: NUEVO } }, estado: 200, viajes: 3 },
  { nombre: 'POST /api/correo/codigo', ruta: '/api/correo/codigo', pedido: { cuerpo: { correo: NUEVO } }, estado: 202, viajes: 7 },
  {
    nombre: 'DELETE /api/correo/codigo',
    ruta: '/api/correo/codigo',
    preparar: async () => (await codigo(), { metodo: 'DELETE' }),
    estado: 204,
    viajes: 2,
  },
  {
    nombre: 'POST /api/correo/revertir',
    ruta: '/api/correo/revertir',
    preparar: async () => ({ cuerpo: { token: await enlaceReversion() }, token: '' }),
    estado: 204,
    viajes: 2,
  },
  { nombre: 'GET /api/dev/correos', ruta: '/api/dev/correos', estado: 200, viajes: 1 },
];

describe('database round trips per request (statements + batches)', () => {
  test.each(CASOS)('$nombre → $viajes', async (caso) => {
    const preparado = caso.preparar ? await caso.preparar() : {};
    const pedido: Pedido = { token, ...caso.pedido, ...preparado };
    base.reiniciar();
    const r = await pedir(app, caso.ruta, pedido);
    expect(r.status, await r.clone().text()).toBe(caso.estado);
    expect(base.llamadas.length, JSON.stringify(base.llamadas.map((l) => l.sentencias.map((x) => x.sql.slice(0, 90))), null, 1)).toBe(caso.viajes);
  });
});

describe('no statement of the hot paths reads a whole table', () => {
  // At 100,000 users a scan of `usuarios` per request was 25 requests per second.
  test.each([
    ['GET /api/usuario', '/api/usuario', {}],
    ['PUT /api/usuario', '/api/usuario', put(actualizacionTmacay({ telefono2: '042345679' }))],
    ['POST /api/sesiones', '/api/sesiones', { cuerpo: { idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO } }],
  ] as const)('%s: every table is searched by an index (EXPLAIN QUERY PLAN)', async (_nombre, ruta, pedido) => {
    e.reloj.avanzar(MINUTO); // the session's extension too
    base.reiniciar();
    expect((await pedir(app, ruta, { token, ...pedido })).status).toBeLessThan(300);
    const sentencias = base.llamadas.flatMap((l) => l.sentencias);
    expect(sentencias.length).toBeGreaterThan(0);
    for (const { sql, args } of sentencias) {
      const plan = await e.db.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args ?? [] });
      const recorridos = plan.rows.map((f) => String(f.detail)).filter((d) => /^SCAN /.test(d) && d !== 'SCAN CONSTANT ROW');
      expect(recorridos, sql).toEqual([]);
    }
  });
});
