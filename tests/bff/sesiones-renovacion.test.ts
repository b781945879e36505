// Reads stay reads: a session's idle limit is extended at most once a minute, the limits keep their
// meaning to within that minute, and a revocation counts at once on every instance.
import { beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { sha256Hex } from '../../bff/cripto.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { contarLlamadas, type BaseContada } from '../helpers/contador-db.js';
import { actualizacionTmacay, MINUTO, pedir, pedirSesion, type Pedido } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const SEGUNDO = 1000;
const HORA = 60 * MINUTO;

const e = usarEntorno();
let base: BaseContada;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  base = contarLlamadas(e.db);
  app = createApp({ db: base.db, reloj: e.reloj.ahora, config: e.config });
});

async function entrar(aplicacion = app, idUsuario = 'tmacay', ip?: string): Promise<string> {
  const r = await pedir(aplicacion, '/api/sesiones', { cuerpo: { idUsuario, contrasena: CONTRASENA_DEMO }, ...(ip ? { ip } : {}) });
  expect(r.status).toBe(201);
  return ((await r.json()) as { token: string }).token;
}

const leer = (token: string, extra: Pedido = {}, aplicacion = app) => pedir(aplicacion, '/api/usuario', { token, ...extra });

async function filaDe(token: string) {
  const r = await e.db.execute({ sql: 'SELECT ultimo_uso_en, expira_en, ultima_ip FROM sesiones WHERE token_hash = ?', args: [sha256Hex(token)] });
  return { ...r.rows[0] };
}

describe('reads stay reads', () => {
  test('200 GETs of one session within a minute commit one write: the extension, once the minute since the recorded use is over', async () => {
    const token = await entrar(); // recorded use: 15:00:00
    e.reloj.avanzar(30 * SEGUNDO);
    base.reiniciar();
    for (let i = 0; i < 200; i++) {
      expect((await leer(token)).status).toBe(200);
      e.reloj.avanzar(299); // 200 × 0.299 s = 59.8 s: 15:00:30 → 15:01:29.8
    }
    expect(base.llamadas).toHaveLength(201);
    const escrituras = base.escrituras();
    expect(escrituras).toHaveLength(1);
    expect(escrituras[0]!.sentencias[0]!.sql).toMatch(/^UPDATE sesiones SET ultimo_uso_en/);
    // The first GET at or after 15:01:00 (the 101st, at 15:01:00.199) extended it.
    expect(await filaDe(token)).toEqual({ ultimo_uso_en: '2026-03-02T15:01:00.199Z', expira_en: '2026-03-02T15:31:00.199Z', ultima_ip: null });
  });

  test('the address of the latest use is recorded with the extension only (precise to a minute)', async () => {
    const token = await entrar(app, 'tmacay', '190.1.1.1');
    e.reloj.avanzar(30 * SEGUNDO);
    expect((await leer(token, { ip: '200.2.2.2' })).status).toBe(200);
    expect(await filaDe(token)).toMatchObject({ ultimo_uso_en: '2026-03-02T15:00:00.000Z', ultima_ip: null });
    e.reloj.avanzar(30 * SEGUNDO);
    expect((await leer(token, { ip: '200.2.2.2' })).status).toBe(200);
    expect(await filaDe(token)).toMatchObject({ ultimo_uso_en: '2026-03-02T15:01:00.000Z', ultima_ip: '200.2.2.2' });
  });

  test('a PUT carries the due extension in its own write batch', async () => {
    const token = await entrar();
    e.reloj.avanzar(2 * MINUTO);
    base.reiniciar();
    const r = await pedir(app, '/api/usuario', { metodo: 'PUT', token, cuerpo: actualizacionTmacay({ telefono2: '042345679' }), cabeceras: { 'If-Match': '"1"' } });
    expect(r.status).toBe(200);
    expect(base.llamadas.map((l) => l.tipo)).toEqual(['execute', 'batch']);
    expect(await filaDe(token)).toMatchObject({ ultimo_uso_en: '2026-03-02T15:02:00.000Z', expira_en: '2026-03-02T15:32:00.000Z' });
  });

  test('a request that fails with a server error does not extend the session', async () => {
    const token = await entrar();
    e.reloj.avanzar(2 * MINUTO);
    // GET /api/usuario/actividad fails after the session read: its table is gone.
    await e.db.execute('ALTER TABLE auditoria RENAME TO auditoria_fuera');
    expect((await pedir(app, '/api/usuario/actividad', { token })).status).toBe(500);
    await e.db.execute('ALTER TABLE auditoria_fuera RENAME TO auditoria');
    expect(await filaDe(token)).toMatchObject({ ultimo_uso_en: '2026-03-02T15:00:00.000Z' });
  });
});

describe('the limits keep their meaning to within the minute', () => {
  // The last real use falls anywhere in the minute after the recorded one.
  test.each([0, SEGUNDO, 30 * SEGUNDO, MINUTO - 1])(
    'last use %i ms after the recorded one: 29 minutes idle are accepted, 30 minutes idle are refused',
    async (desfase) => {
      const paraAceptar = await entrar(app, 'tmacay');
      const paraRechazar = await entrar(app, 'mzambrano');
      e.reloj.avanzar(desfase);
      expect((await leer(paraAceptar)).status).toBe(200);
      expect((await leer(paraRechazar)).status).toBe(200);
      e.reloj.avanzar(29 * MINUTO);
      expect((await leer(paraAceptar)).status).toBe(200);
      e.reloj.avanzar(MINUTO);
      expect((await leer(paraRechazar)).status).toBe(401);
    },
  );

  test('once extended, the idle limit is exact: 30 minutes after the extending request', async () => {
    const token = await entrar();
    e.reloj.avanzar(90 * SEGUNDO);
    expect((await leer(token)).status).toBe(200); // extended: 15:01:30 + 30 min
    e.reloj.avanzar(30 * MINUTO - 1);
    expect((await leer(token)).status).toBe(200);
    const otra = await entrar(app, 'mzambrano');
    e.reloj.avanzar(90 * SEGUNDO);
    expect((await leer(otra)).status).toBe(200);
    e.reloj.avanzar(30 * MINUTO);
    expect((await leer(otra)).status).toBe(401);
  });

  test('8 hours after login the session ends, used every 10 minutes: 200 at 7:59:59.999, 401 at 8:00', async () => {
    const token = await entrar();
    for (let t = 10 * MINUTO; t < 8 * HORA; t += 10 * MINUTO) {
      e.reloj.fijar(new Date(Date.parse('2026-03-02T15:00:00.000Z') + t).toISOString());
      expect((await leer(token)).status).toBe(200);
    }
    e.reloj.fijar('2026-03-02T22:59:59.999Z');
    expect((await leer(token)).status).toBe(200);
    e.reloj.fijar('2026-03-02T23:00:00.000Z');
    expect((await leer(token)).status).toBe(401);
  });
});

describe('revocation counts at once on every instance (nothing is cached)', () => {
  // Two instances of the BFF, each with its own connection to the same database.
  let otra: ReturnType<typeof createApp>;
  beforeEach(async () => {
    const db = await abrirBaseDeDatos(e.url, { tiempoLimiteMs: e.config.tiempoLimiteBaseMs });
    otra = createApp({ db, reloj: e.reloj.ahora, config: e.config });
    return () => db.close();
  });

  test('logout on one instance: the other refuses the token at the same instant', async () => {
    const token = await entrar();
    expect((await leer(token, {}, otra)).status).toBe(200);
    expect((await pedir(app, '/api/sesiones/actual', { metodo: 'DELETE', token })).status).toBe(204);
    expect((await leer(token, {}, otra)).status).toBe(401);
  });

  test('"close the other sessions" on one instance: the other refuses them at once', async () => {
    const esta = await entrar();
    const aquella = await entrar();
    expect((await leer(aquella, {}, otra)).status).toBe(200);
    expect((await pedir(app, '/api/sesiones/otras', { metodo: 'DELETE', token: esta })).status).toBe(200);
    expect((await leer(aquella, {}, otra)).status).toBe(401);
    expect((await leer(esta, {}, otra)).status).toBe(200);
  });

  test('a password change on one instance: the other refuses the old sessions and the old password at once', async () => {
    const nueva = 'Orquidea-Violeta-Tungurahua-77';
    const token = await entrar();
    const vieja = await entrar();
    expect((await leer(vieja, {}, otra)).status).toBe(200);
    const cambio = actualizacionTmacay({ cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: nueva, confirmacion: nueva } });
    expect((await pedir(app, '/api/usuario', { metodo: 'PUT', token, cuerpo: cambio, cabeceras: { 'If-Match': '"1"' } })).status).toBe(200);
    expect((await leer(vieja, {}, otra)).status).toBe(401);
    expect((await leer(token, {}, otra)).status).toBe(401);
    expect((await pedirSesion(otra, 'tmacay', CONTRASENA_DEMO)).status).toBe(401);
    expect((await pedirSesion(otra, 'tmacay', nueva)).status).toBe(201);
  });

  test('a baja on one instance: the other refuses the session at once', async () => {
    const token = await entrar();
    expect((await leer(token, {}, otra)).status).toBe(200);
    expect((await pedir(app, '/api/usuario/baja', { token, cuerpo: { motivo: 'Cierre de la empresa' } })).status).toBe(202);
    expect((await leer(token, {}, otra)).status).toBe(401);
  });
});
