import { describe, expect, test } from 'vitest';
import { listarActividad } from '../../bff/db/auditoria.js';
import { MAXIMO_SESIONES, resumenDispositivo } from '../../bff/db/sesiones.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { iniciarSesion, MINUTO, ORIGEN_BFF, ORIGEN_TERCERO, pedir, pedirSesion } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// ASVS 7.5.2: the user sees the open sessions and ends the others (issue 8, finding 10).

const e = usarEntorno();

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Logs tmacay in with this User-Agent; the token. */
async function entrar(agente?: string, idUsuario = 'tmacay'): Promise<string> {
  const r = await pedirSesion(e.app, idUsuario, CONTRASENA_DEMO, agente ? { 'User-Agent': agente } : {});
  expect(r.status).toBe(201);
  return ((await r.json()) as { token: string }).token;
}

const listar = (token: string) => pedir(e.app, '/api/sesiones', { token });
const cerrarOtras = (token: string) => pedir(e.app, '/api/sesiones/otras', { metodo: 'DELETE', token });

describe('GET /api/sesiones', () => {
  test('lists the live sessions: the current one first, then by latest use; device, address, times; never a token or hash', async () => {
    const telefono = await entrar(SAFARI_IPHONE);
    e.reloj.avanzar(MINUTO);
    const curl = await entrar('curl/8.5.0');
    e.reloj.avanzar(MINUTO);
    const escritorio = await entrar(CHROME_WINDOWS);
    e.reloj.avanzar(MINUTO);
    const cerrada = await entrar();
    expect((await pedir(e.app, '/api/sesiones/actual', { metodo: 'DELETE', token: cerrada })).status).toBe(204);
    await iniciarSesion(e.app, 'mzambrano');
    e.reloj.avanzar(MINUTO);
    expect((await pedir(e.app, '/api/usuario', { token: telefono })).status).toBe(200); // the phone is used last

    e.reloj.avanzar(MINUTO);
    const r = await listar(escritorio);
    expect(r.status).toBe(200);
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    const lista = (await r.json()) as { id: string }[];
    expect(lista).toEqual([
      { id: expect.any(String), dispositivo: 'Chrome 126 · Windows 10', ip: null, iniciadaEn: '2026-03-02T15:02:00.000Z', ultimoUsoEn: '2026-03-02T15:05:00.000Z', actual: true },
      { id: expect.any(String), dispositivo: 'Safari 17.5 · iOS 17.5', ip: null, iniciadaEn: '2026-03-02T15:00:00.000Z', ultimoUsoEn: '2026-03-02T15:04:00.000Z', actual: false },
      { id: expect.any(String), dispositivo: 'curl/8.5.0', ip: null, iniciadaEn: '2026-03-02T15:01:00.000Z', ultimoUsoEn: '2026-03-02T15:01:00.000Z', actual: false },
    ]);
    const filas = await e.db.execute("SELECT id, token_hash FROM sesiones WHERE id_usuario = 'tmacay'");
    const texto = JSON.stringify(lista);
    for (const secreto of [telefono, curl, escritorio, ...filas.rows.map((f) => String(f.token_hash))]) expect(texto).not.toContain(secreto);
    expect(lista.map((s) => s.id).every((id) => filas.rows.some((f) => f.id === id))).toBe(true);
  });

  test('idle and expired sessions are not listed', async () => {
    const vieja = await entrar();
    e.reloj.avanzar(20 * MINUTO);
    const nueva = await entrar();
    e.reloj.avanzar(11 * MINUTO); // the first one is now 31 minutes idle
    const lista = (await (await listar(nueva)).json()) as { actual: boolean }[];
    expect(lista.map((s) => s.actual)).toEqual([true]);
    expect((await listar(vieja)).status).toBe(401);
  });

  test('without a session → 401 NO_AUTENTICADO', async () => {
    const r = await pedir(e.app, '/api/sesiones');
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ codigo: 'NO_AUTENTICADO' });
  });

  test('a short readable device from the User-Agent', () => {
    expect(resumenDispositivo(CHROME_WINDOWS)).toBe('Chrome 126 · Windows 10');
    expect(resumenDispositivo('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128 · Linux');
    expect(resumenDispositivo('node')).toBe('node');
    expect(resumenDispositivo('   ')).toBeNull();
    expect(resumenDispositivo(null)).toBeNull();
  });
});

describe('DELETE /api/sesiones/otras', () => {
  test('ends every other session of the user: their tokens get 401, the current one and other users\' survive; audited once', async () => {
    const otra = await entrar(SAFARI_IPHONE);
    const tercera = await entrar('curl/8.5.0');
    const ajena = await iniciarSesion(e.app, 'mzambrano');
    const actual = await entrar(CHROME_WINDOWS);

    const r = await cerrarOtras(actual);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ cerradas: 2 });
    for (const token of [otra, tercera]) expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { token: actual })).status).toBe(200);
    expect((await pedir(e.app, '/api/usuario', { token: ajena })).status).toBe(200);
    expect(((await (await listar(actual)).json()) as unknown[]).length).toBe(1);

    // Nothing left to end: 0, and no second audit row.
    expect(await (await cerrarOtras(actual)).json()).toEqual({ cerradas: 0 });
    const eventos = (await listarActividad(e.db, 'tmacay')).filter((a) => a.evento === 'SESIONES_CERRADAS');
    expect(eventos).toEqual([{ evento: 'SESIONES_CERRADAS', campos: [], conteo: 1, creadoEn: '2026-03-02T15:00:00.000Z', ip: null }]);
  });

  test('needs a password proof of the last 15 minutes: 403 REAUTENTICACION_REQUERIDA ends nothing; after re-authenticating it works', async () => {
    const otra = await entrar();
    const actual = await entrar();
    e.reloj.avanzar(16 * MINUTO);
    await pedir(e.app, '/api/usuario', { token: otra });
    const r = await cerrarOtras(actual);
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ codigo: 'REAUTENTICACION_REQUERIDA' });
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(200);
    expect((await pedir(e.app, '/api/sesiones/reautenticacion', { cuerpo: { contrasena: CONTRASENA_DEMO }, token: actual })).status).toBe(204);
    expect(await (await cerrarOtras(actual)).json()).toEqual({ cerradas: 1 });
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(401);
  });

  test('with the cookie it is a write like any other: a foreign Origin gets 403 ORIGEN_NO_PERMITIDO and ends nothing', async () => {
    const otra = await entrar();
    const actual = await entrar();
    const ajena = await pedir(e.app, '/api/sesiones/otras', { metodo: 'DELETE', cookie: actual, cabeceras: { Origin: 'https://atacante.example' } });
    expect(ajena.status).toBe(403);
    expect(await ajena.json()).toMatchObject({ codigo: 'ORIGEN_NO_PERMITIDO' });
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(200);
    for (const origen of [ORIGEN_BFF, ORIGEN_TERCERO]) {
      const propia = await pedir(e.app, '/api/sesiones/otras', { metodo: 'DELETE', cookie: actual, cabeceras: { Origin: origen } });
      expect(propia.status).toBe(200);
    }
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(401);
  });

  test('without a session → 401, nothing ended', async () => {
    const otra = await entrar();
    expect((await pedir(e.app, '/api/sesiones/otras', { metodo: 'DELETE' })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(200);
  });
});

describe(`at most ${MAXIMO_SESIONES} live sessions per user`, () => {
  test('a login beyond the cap ends the least recently used session, not the oldest in use', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < MAXIMO_SESIONES; i++) {
      tokens.push(await entrar());
      e.reloj.avanzar(MINUTO);
    }
    // The first one is still in use: the second becomes the least recently used.
    expect((await pedir(e.app, '/api/usuario', { token: tokens[0] })).status).toBe(200);
    e.reloj.avanzar(MINUTO);
    const nueva = await entrar();
    expect((await pedir(e.app, '/api/usuario', { token: tokens[1] })).status).toBe(401);
    for (const token of [tokens[0]!, ...tokens.slice(2), nueva]) expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
    expect(((await (await listar(nueva)).json()) as unknown[]).length).toBe(MAXIMO_SESIONES);
    // Other users are not touched.
    const ajena = await iniciarSesion(e.app, 'mzambrano');
    expect((await pedir(e.app, '/api/usuario', { token: ajena })).status).toBe(200);
  });
});
