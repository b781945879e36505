import { describe, expect, test } from 'vitest';
import { ASUNTO_RESTABLECIMIENTO } from '../../bff/mail/index.js';
import { DETALLE_CUENTA_BLOQUEADA } from '../../bff/middleware/cuenta.js';
import { listarActividad } from '../../bff/db/auditoria.js';
import { sha256Hex } from '../../bff/cripto.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { correosEntregados, iniciarSesion, MINUTO, ORIGEN_BFF, pedir, pedirSesion, problemaValidacion } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();

const login = (idUsuario: string, contrasena: string, cabeceras: Record<string, string> = {}) =>
  pedirSesion(e.app, idUsuario, contrasena, cabeceras);

const CREDENCIALES_INVALIDAS = {
  status: 401,
  title: 'No autenticado',
  detail: 'El ID.usuario o la contraseña no son correctos.',
  codigo: 'CREDENCIALES_INVALIDAS',
};

describe('POST /api/sesiones', () => {
  test('logs in: 201 {token, expiraEn}, HttpOnly SameSite=Lax cookie with the same token, stored only hashed', async () => {
    const r = await login('tmacay', CONTRASENA_DEMO);
    expect(r.status).toBe(201);
    const cuerpo = (await r.json()) as { token: string; expiraEn: string };
    expect(cuerpo).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiraEn: '2026-03-02T15:30:00.000Z' });
    expect(r.headers.get('Set-Cookie')).toBe(`mug_sesion=${cuerpo.token}; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax`);
    const filas = await e.db.execute('SELECT token_hash, id_usuario, reautenticado_en FROM sesiones');
    expect(filas.rows.map((f) => ({ ...f }))).toEqual([
      { token_hash: sha256Hex(cuerpo.token), id_usuario: 'tmacay', reautenticado_en: '2026-03-02T15:00:00.000Z' },
    ]);
    expect(JSON.stringify(filas.rows)).not.toContain(cuerpo.token);
    expect((await listarActividad(e.db, 'tmacay'))[0]).toMatchObject({ evento: 'INICIO_SESION', campos: [] });
  });

  test('a login ends the session the browser or client still presented (another user\'s included): the old token is refused', async () => {
    const anterior = await iniciarSesion(e.app, 'mzambrano');
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }, cookie: anterior });
    expect(r.status).toBe(201);
    const { token } = (await r.json()) as { token: string };
    expect(token).not.toBe(anterior);
    expect((await pedir(e.app, '/api/usuario', { cookie: anterior })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { cookie: token })).status).toBe(200);
    const conBearer = await iniciarSesion(e.app, 'jsmith');
    expect((await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'jsmith', contrasena: CONTRASENA_DEMO }, token: conBearer })).status).toBe(201);
    expect((await pedir(e.app, '/api/usuario', { token: conBearer })).status).toBe(401);
  });

  test('the ID is case-insensitive', async () => {
    expect((await login('TMacay', CONTRASENA_DEMO)).status).toBe(201);
  });

  test('the token works as cookie and as Bearer', async () => {
    const token = await iniciarSesion(e.app);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
    expect((await pedir(e.app, '/api/usuario', { cookie: token })).status).toBe(200);
    expect((await pedir(e.app, '/api/usuario', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  test('a wrong password and an unknown user get the same 401', async () => {
    const malaContrasena = await login('tmacay', 'Clave-Demo-2025');
    const desconocido = await login('nadie', CONTRASENA_DEMO);
    expect([malaContrasena.status, desconocido.status]).toEqual([401, 401]);
    expect(await malaContrasena.json()).toEqual(CREDENCIALES_INVALIDAS);
    expect(await desconocido.json()).toEqual(CREDENCIALES_INVALIDAS);
    expect(malaContrasena.headers.get('Set-Cookie')).toBeNull();
    expect((await listarActividad(e.db, 'tmacay'))[0]).toMatchObject({ evento: 'INICIO_SESION_FALLIDO' });
  });

  test('missing fields answer 422 naming them', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: '' } });
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual(problemaValidacion([
      { campo: 'idUsuario', codigo: 'REQUERIDO', mensaje: 'ID.usuario: es obligatorio.' },
      { campo: 'contrasena', codigo: 'REQUERIDO', mensaje: 'Contraseña: es obligatorio.' },
    ]));
  });

  test('an account in BAJA answers 403 CUENTA_INACTIVA with the right password, 401 with a wrong one', async () => {
    await e.db.execute("UPDATE usuarios SET estado = 'BAJA' WHERE id_usuario = 'mzambrano'");
    const r = await login('mzambrano', CONTRASENA_DEMO);
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({
      status: 403,
      title: 'Prohibido',
      detail: 'Este usuario fue dado de baja y ya no puede iniciar sesión. Para volver a operar registre un nuevo usuario.',
      codigo: 'CUENTA_INACTIVA',
    });
    expect((await login('mzambrano', 'otra')).status).toBe(401);
  });

  test('a BLOQUEADO account: a wrong password gets the usual 401; the right one 403 CUENTA_BLOQUEADA, no session, and a reset link only when none is pending', async () => {
    await e.db.execute("UPDATE usuarios SET estado = 'BLOQUEADO' WHERE id_usuario = 'jsmith'");
    const mala = await login('jsmith', 'otra-clave');
    expect(mala.status).toBe(401);
    expect(await mala.json()).toEqual(CREDENCIALES_INVALIDAS);
    expect(await correosEntregados(e)).toEqual([]);

    const buena = await login('jsmith', CONTRASENA_DEMO);
    expect(buena.status).toBe(403);
    expect(buena.headers.get('Set-Cookie')).toBeNull();
    expect(await buena.json()).toEqual({ status: 403, title: 'Prohibido', detail: DETALLE_CUENTA_BLOQUEADA, codigo: 'CUENTA_BLOQUEADA' });
    expect((await e.db.execute("SELECT count(*) AS n FROM sesiones WHERE id_usuario = 'jsmith'")).rows[0]?.n).toBe(0);
    const enlaces = async () =>
      (await correosEntregados(e)).map((m) => {
        expect(m).toMatchObject({ para: 'john.smith@example.org', asunto: ASUNTO_RESTABLECIMIENTO });
        return /^Crear una contraseña nueva: http:\/\/127\.0\.0\.1:8787\/clave\/restablecer\/([A-Za-z0-9_-]{43})$/m.exec(m.texto)![1]!;
      });
    const [primero] = await enlaces();

    // While that link is pending, whoever knows the password (maybe the attacker) gets no other mail.
    e.reloj.avanzar(59 * MINUTO);
    expect((await login('jsmith', CONTRASENA_DEMO)).status).toBe(403);
    expect(await enlaces()).toEqual([primero]);
    // Once it expired, the next right password sends a new one; the old one stays dead.
    e.reloj.avanzar(MINUTO);
    expect((await login('jsmith', CONTRASENA_DEMO)).status).toBe(403);
    const [segundo] = await enlaces();
    expect(segundo).not.toBe(primero);
    expect((await pedir(e.app, `/clave/restablecer/${primero}`)).status).toBe(410);
    expect((await pedir(e.app, `/clave/restablecer/${segundo}`)).status).toBe(200);
    expect((await e.db.execute("SELECT count(*) AS n FROM sesiones WHERE id_usuario = 'jsmith'")).rows[0]?.n).toBe(0);
  });

  test('limit hits of an ID nobody has are not audited (no user reads them; an anonymous client could fill the table)', async () => {
    for (let i = 0; i < 8; i++) await login('nadie', `mala-${i}`);
    expect((await login('nadie', 'mala')).status).toBe(429);
    expect((await e.db.execute("SELECT count(*) AS n FROM auditoria WHERE id_usuario = 'nadie'")).rows[0]?.n).toBe(0);
  });

  test('concurrent wrong logins cannot pass the limit: of 8 at once, 5 are tried (401) and 3 refused (429)', async () => {
    const respuestas = await Promise.all(Array.from({ length: 8 }, (_, i) => login('tmacay', `mala-${i}`)));
    const estados = respuestas.map((r) => r.status).sort();
    expect(estados).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect((await e.db.execute("SELECT conteo FROM limites WHERE clave = 'sesion:tmacay'")).rows[0]?.conteo).toBe(5);
  });

  test('5 failed logins per ID in 15 minutes → 429 with Retry-After, even with the right password; counted in the database', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('tmacay', `mala-${i}`)).status).toBe(401);
      e.reloj.avanzar(MINUTO);
    }
    const r = await login('tmacay', CONTRASENA_DEMO);
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('600');
    expect(await r.json()).toEqual({
      status: 429,
      title: 'Demasiadas solicitudes',
      detail: 'Demasiados intentos. Vuelva a intentarlo en 10 minutos.',
      codigo: 'DEMASIADAS_SOLICITUDES',
    });
    expect((await e.db.execute("SELECT conteo FROM limites WHERE clave = 'sesion:tmacay'")).rows[0]?.conteo).toBe(5);
    expect((await listarActividad(e.db, 'tmacay'))[0]).toMatchObject({ evento: 'LIMITE_EXCEDIDO', campos: ['sesion'] });
    // Other IDs are not affected; the limit holds across app instances sharing the database.
    expect((await login('mzambrano', CONTRASENA_DEMO)).status).toBe(201);
    e.reloj.avanzar(10 * MINUTO);
    expect((await login('tmacay', CONTRASENA_DEMO)).status).toBe(201);
  });

  test('a successful login resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await login('tmacay', 'mala');
    expect((await login('tmacay', CONTRASENA_DEMO)).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await login('tmacay', 'mala')).status).toBe(401);
    expect((await login('tmacay', CONTRASENA_DEMO)).status).toBe(201);
  });
});

describe('session lifetime', () => {
  test('30 minutes idle end the session; any use renews it', async () => {
    const token = await iniciarSesion(e.app);
    e.reloj.avanzar(29 * MINUTO);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
    e.reloj.avanzar(29 * MINUTO);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
    e.reloj.avanzar(30 * MINUTO);
    const r = await pedir(e.app, '/api/usuario', { token });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { codigo: string }).codigo).toBe('NO_AUTENTICADO');
  });

  test('8 hours after login the session ends even if used', async () => {
    const token = await iniciarSesion(e.app);
    for (let i = 0; i < 16; i++) {
      e.reloj.avanzar(29 * MINUTO);
      expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
    }
    e.reloj.avanzar(16 * MINUTO); // 8 h 00 min after login
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
  });

  test('an expired cookie is cleared on 401', async () => {
    const token = await iniciarSesion(e.app);
    e.reloj.avanzar(31 * MINUTO);
    const r = await pedir(e.app, '/api/usuario', { cookie: token });
    expect(r.status).toBe(401);
    expect(r.headers.get('Set-Cookie')).toMatch(/^mug_sesion=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
  });

  test('a session of a user put in BAJA stops working', async () => {
    const token = await iniciarSesion(e.app);
    await e.db.execute("UPDATE usuarios SET estado = 'BAJA' WHERE id_usuario = 'tmacay'");
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
  });
});

describe('DELETE /api/sesiones/actual', () => {
  test('ends the session and clears the cookie: 204, then the token is refused', async () => {
    const token = await iniciarSesion(e.app);
    const r = await pedir(e.app, '/api/sesiones/actual', { metodo: 'DELETE', cookie: token, cabeceras: { Origin: ORIGEN_BFF } });
    expect(r.status).toBe(204);
    expect(await r.text()).toBe('');
    expect(r.headers.get('Set-Cookie')).toMatch(/^mug_sesion=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
    expect((await listarActividad(e.db, 'tmacay'))[0]).toMatchObject({ evento: 'CIERRE_SESION' });
  });

  test('only that session ends: another session of the same user keeps working', async () => {
    const una = await iniciarSesion(e.app);
    const otra = await iniciarSesion(e.app);
    expect((await pedir(e.app, '/api/sesiones/actual', { metodo: 'DELETE', token: una })).status).toBe(204);
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(200);
  });

  test('without a session still answers 204', async () => {
    expect((await pedir(e.app, '/api/sesiones/actual', { metodo: 'DELETE' })).status).toBe(204);
  });
});

describe('login limits per client and ID, and the cap on password hashing (security review)', () => {
  const desde = (ip: string, idUsuario: string, contrasena: string) =>
    pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario, contrasena }, ip });

  test('one client trying many IDs: 20 failures across IDs, then 429 for any ID from it; other clients unaffected', async () => {
    const ids = ['tmacay', 'mzambrano', 'jsmith', 'ocupado', ...Array.from({ length: 16 }, (_, i) => `inventado${i}`)];
    for (const id of ids) expect((await desde('203.0.113.5', id, 'Clave-Adivinada-1')).status).toBe(401);
    const r = await desde('203.0.113.5', 'otro-mas', 'Clave-Adivinada-1');
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('900');
    expect((await desde('203.0.113.5', 'tmacay', CONTRASENA_DEMO)).status).toBe(429);
    expect((await desde('198.51.100.7', 'tmacay', CONTRASENA_DEMO)).status).toBe(201);
    // An IPv6 client counts by its /64: rotating the interface part does not help.
    for (let i = 0; i < 20; i++) expect((await desde(`2001:db8:5:6::${i + 1}`, `id${i}`, 'x')).status).toBe(401);
    expect((await desde('2001:db8:5:6:aaaa::1', 'id-nuevo', 'x')).status).toBe(429);
  });

  test('the owner still logs in from another client while an attacker hammers the ID', async () => {
    const estados = [];
    for (let i = 0; i < 30; i++) estados.push((await desde('203.0.113.9', 'tmacay', `mala-${i}`)).status);
    expect(estados).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    expect((await desde('203.0.113.9', 'tmacay', CONTRASENA_DEMO)).status).toBe(429);
    expect((await desde('198.51.100.20', 'tmacay', CONTRASENA_DEMO)).status).toBe(201);
    // The limit hits were coalesced into one audit row with their count.
    const limites = await e.db.execute("SELECT conteo FROM auditoria WHERE id_usuario = 'tmacay' AND evento = 'LIMITE_EXCEDIDO'");
    expect(limites.rows.map((f) => f.conteo)).toEqual([26]);
  });

  test('a guesser spread over many clients meets the per-ID ceiling: 50 failures per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await desde(`10.1.${i}.1`, 'tmacay', `mala-${i}`)).status).toBe(401);
    expect((await desde('10.2.0.1', 'tmacay', CONTRASENA_DEMO)).status).toBe(429);
    e.reloj.avanzar(15 * MINUTO);
    expect((await desde('10.2.0.1', 'tmacay', CONTRASENA_DEMO)).status).toBe(201);
  });

  test('a flood of concurrent logins gets quick 503s with Retry-After; refused attempts are given back, so only tried ones count', async () => {
    const respuestas = await Promise.all(
      Array.from({ length: 600 }, (_, i) => desde(`10.${(i >> 8) & 255}.${i & 255}.9`, `azar-${i}`, 'Clave-Cualquiera-1')),
    );
    const estados = respuestas.map((r) => r.status);
    expect(new Set(estados)).toEqual(new Set([401, 503]));
    const ocupado = respuestas.find((r) => r.status === 503)!;
    expect(ocupado.headers.get('Retry-After')).toBe('2');
    expect(await ocupado.json()).toEqual({
      status: 503,
      title: 'Servicio no disponible',
      detail: 'El servicio está atendiendo demasiadas solicitudes en este momento. Intente nuevamente en unos segundos.',
      codigo: 'SERVICIO_NO_DISPONIBLE',
    });
    const intentados = estados.filter((s) => s === 401).length;
    const contados = await e.db.execute("SELECT coalesce(sum(conteo), 0) AS n FROM limites WHERE clave LIKE 'sesion:azar-%'");
    expect(contados.rows[0]?.n).toBe(intentados);
    // Once the flood is over the owner logs in as usual.
    expect((await desde('198.51.100.20', 'tmacay', CONTRASENA_DEMO)).status).toBe(201);
  });

  test('expired counters are purged as logins come: made-up IDs do not pile up in `limites`', async () => {
    for (let i = 0; i < 30; i++) await desde(`10.3.0.${i}`, `inventado-${i}`, 'x');
    const cuantos = async () => Number((await e.db.execute('SELECT count(*) AS n FROM limites')).rows[0]?.n);
    expect(await cuantos()).toBe(90);
    e.reloj.avanzar(16 * MINUTO);
    await desde('10.3.1.1', 'otro-inventado', 'x');
    expect(await cuantos()).toBe(3);
  });
});
