import { beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { buscarUsuario } from '../../bff/db/usuarios.js';
import { ServidorOcupadoError } from '../../bff/services/contrasenas.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay, actualizarUsuario, erroresDe, iniciarSesion, MINUTO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const NUEVA = 'mi perro come tortugas azules';

function verificar(contrasenaAnterior: string, tk = token) {
  return pedir(e.app, '/api/usuario/clave/verificacion', { cuerpo: { contrasenaAnterior }, token: tk });
}

function cambioClave(contrasena = NUEVA, contrasenaAnterior = CONTRASENA_DEMO, confirmacion = contrasena) {
  return actualizacionTmacay({ cambioClave: { contrasenaAnterior, contrasena, confirmacion } });
}

const put = (cuerpo: unknown, version = 1, tk = token) => actualizarUsuario(e.app, tk, cuerpo, `"${version}"`);

describe('POST /api/usuario/clave/verificacion', () => {
  test('right → 204 and renews the re-authentication time; wrong → 422 contrasenaAnterior INCORRECTA', async () => {
    const mala = await verificar('Clave-Demo-2025');
    expect(mala.status).toBe(422);
    expect(await erroresDe(mala)).toEqual([
      { campo: 'contrasenaAnterior', codigo: 'INCORRECTA', mensaje: 'Contraseña anterior: no es correcta.' },
    ]);
    e.reloj.avanzar(20 * MINUTO);
    expect((await verificar(CONTRASENA_DEMO)).status).toBe(204);
    const fila = await e.db.execute("SELECT reautenticado_en FROM sesiones WHERE revocada_en IS NULL AND id_usuario = 'tmacay'");
    expect(fila.rows[0]?.reautenticado_en).toBe('2026-03-02T15:20:00.000Z');
  });

  test('concurrent wrong password checks cannot pass the limit: of 8 at once, 5 are tried (422) and 3 refused (429)', async () => {
    const respuestas = await Promise.all(Array.from({ length: 8 }, (_, i) => verificar(`mala-${i}`)));
    expect(respuestas.map((r) => r.status).sort()).toEqual([422, 422, 422, 422, 422, 429, 429, 429]);
  });

  test('5 failures per user per 15 min → 429 with Retry-After, even with the right one; shared with reautenticacion', async () => {
    for (let i = 0; i < 3; i++) expect((await verificar(`mala-${i}`)).status).toBe(422);
    for (let i = 0; i < 2; i++) {
      expect((await pedir(e.app, '/api/sesiones/reautenticacion', { cuerpo: { contrasena: 'mala' }, token })).status).toBe(422);
    }
    e.reloj.avanzar(MINUTO);
    const r = await verificar(CONTRASENA_DEMO);
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe(String(14 * 60));
    expect((await pedir(e.app, '/api/sesiones/reautenticacion', { cuerpo: { contrasena: CONTRASENA_DEMO }, token })).status).toBe(429);
    e.reloj.avanzar(14 * MINUTO);
    expect((await verificar(CONTRASENA_DEMO)).status).toBe(204);
    // Both limit hits fell in one 15-minute window: one audit row that counts them.
    const limites = await e.db.execute("SELECT campos, conteo FROM auditoria WHERE evento = 'LIMITE_EXCEDIDO'");
    expect(limites.rows.map((f) => ({ ...f }))).toEqual([{ campos: '["contrasena"]', conteo: 2 }]);
  });
});

describe('a server busy hashing passwords', () => {
  test('answers the password check 503 with Retry-After at once; the try is not counted and nothing changes', async () => {
    const ocupado = createApp({ db: e.db, mailer: null, reloj: e.reloj.ahora, config: e.config, argon2: () => Promise.reject(new ServidorOcupadoError()) });
    for (let i = 0; i < 6; i++) {
      const r = await pedir(ocupado, '/api/usuario/clave/verificacion', { cuerpo: { contrasenaAnterior: 'mala' }, token });
      expect(r.status).toBe(503);
      expect(r.headers.get('Retry-After')).toBe('2');
    }
    const cambio = await actualizarUsuario(ocupado, token, cambioClave(), '"1"');
    expect(cambio.status).toBe(503);
    expect((await e.db.execute("SELECT conteo FROM limites WHERE clave = 'contrasena:tmacay'")).rows[0]?.conteo ?? 0).toBe(0);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ version: 1 });
    expect((await verificar(CONTRASENA_DEMO)).status).toBe(204);
  });
});

describe('PUT /api/usuario with cambioClave', () => {
  test('changes the password: new token in X-Token-Sesion, other sessions revoked, notice sent, audited; login with the new one', async () => {
    const otra = await iniciarSesion(e.app);
    const r = await put(cambioClave());
    expect(r.status).toBe(200);
    expect(r.headers.get('ETag')).toBe('"2"');
    const nuevo = r.headers.get('X-Token-Sesion');
    expect(nuevo).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.headers.get('Set-Cookie')).toBeNull(); // Bearer client: no cookie
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { token: nuevo! })).status).toBe(200);
    expect((await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO } })).status).toBe(401);
    await iniciarSesion(e.app, 'tmacay', NUEVA);
    // No secret in the outbox's sealed notice either, before it is delivered.
    expect((await e.db.execute('SELECT count(*) AS n FROM avisos_pendientes')).rows[0]?.n).toBe(1);
    const tablas = await e.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'correos_bandeja'");
    for (const fila of tablas.rows) {
      const contenido = JSON.stringify((await e.db.execute(`SELECT * FROM "${String(fila.name)}"`)).rows);
      for (const secreto of [NUEVA, CONTRASENA_DEMO, token, otra, nuevo!]) expect(contenido, String(fila.name)).not.toContain(secreto);
    }
    expect(await e.despachador.entregarPendientes()).toBe(1);
    const correos = (await (await pedir(e.app, '/api/dev/correos')).json()) as { para: string; asunto: string }[];
    expect(correos[0]).toMatchObject({ para: 'tito.macay@example.com', asunto: 'Aviso: se cambió la contraseña de su usuario de Ecuapass' });
    const actividad = (await (await pedir(e.app, '/api/usuario/actividad', { token: nuevo! })).json()) as { evento: string; campos: string[] }[];
    expect(actividad.map((a) => a.evento)).toContain('CLAVE_MODIFICADA');
    expect(actividad.find((a) => a.evento === 'CLAVE_MODIFICADA')!.campos).toEqual(['contrasena']);
  });

  test('a cookie session gets the new token in its cookie too', async () => {
    const login = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO } });
    const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!.split('=')[1]!;
    const r = await pedir(e.app, '/api/usuario', {
      metodo: 'PUT',
      cuerpo: cambioClave(),
      cookie,
      cabeceras: { 'If-Match': '"1"', Origin: 'http://127.0.0.1:8787' },
    });
    expect(r.status).toBe(200);
    const nuevo = r.headers.get('X-Token-Sesion')!;
    expect(r.headers.get('Set-Cookie')).toContain(`mug_sesion=${nuevo}`);
  });

  test('the password change and other data changes go in one write', async () => {
    const r = await put({ ...cambioClave(), direccion: 'Av. Quito 123 y Colón' });
    expect(r.status).toBe(200);
    const eventos = await e.db.execute("SELECT evento, campos FROM auditoria WHERE evento IN ('DATOS_MODIFICADOS', 'CLAVE_MODIFICADA') ORDER BY id");
    expect(eventos.rows.map((f) => [f.evento, f.campos])).toEqual([
      ['DATOS_MODIFICADOS', '["direccion"]'],
      ['CLAVE_MODIFICADA', '["contrasena"]'],
    ]);
  });

  test('policy through the PUT: LONGITUD, NO_PERMITIDO (personal data, the current one), DEBIL, NO_COINCIDE; nothing changes', async () => {
    const casos: [unknown, unknown][] = [
      [cambioClave('corta'), [{ campo: 'cambioClave.contrasena', codigo: 'LONGITUD', mensaje: 'Contraseña: debe tener entre 12 y 128 caracteres.' }]],
      [
        cambioClave('tmacay-tortuga-azul-77'),
        [{ campo: 'cambioClave.contrasena', codigo: 'NO_PERMITIDO', mensaje: 'Contraseña: no puede ser la contraseña actual ni contener su ID.usuario, su nombre o su correo.' }],
      ],
      [
        cambioClave(CONTRASENA_DEMO),
        [{ campo: 'cambioClave.contrasena', codigo: 'NO_PERMITIDO', mensaje: 'Contraseña: no puede ser la contraseña actual ni contener su ID.usuario, su nombre o su correo.' }],
      ],
      [cambioClave('password1234'), [{ campo: 'cambioClave.contrasena', codigo: 'DEBIL', mensaje: 'Contraseña: es demasiado fácil de adivinar.' }]],
      [
        cambioClave(NUEVA, CONTRASENA_DEMO, `${NUEVA}!`),
        [{ campo: 'cambioClave.confirmacion', codigo: 'NO_COINCIDE', mensaje: 'Confirmación de Contraseña: debe ser igual a la Contraseña.' }],
      ],
    ];
    for (const [cuerpo, esperado] of casos) {
      const r = await put(cuerpo);
      expect(r.status).toBe(422);
      expect(await erroresDe(r)).toEqual(esperado);
    }
    const usuario = await buscarUsuario(e.db, 'tmacay');
    expect(usuario?.version).toBe(1);
    await iniciarSesion(e.app, 'tmacay', CONTRASENA_DEMO);
  });

  test.each(['ecuapass2026!!', 'senae2026senae', 'aduana-2026-aduana', 'Ecuador12345!', '3cu4p4ss#2026#ssapauce'])(
    'a password made of the site\'s words plus digits and symbols, %j → 422 DEBIL, nothing changes',
    async (contrasena) => {
      const r = await put(cambioClave(contrasena));
      expect(r.status).toBe(422);
      expect(await erroresDe(r)).toEqual([{ campo: 'cambioClave.contrasena', codigo: 'DEBIL', mensaje: 'Contraseña: es demasiado fácil de adivinar.' }]);
      expect((await buscarUsuario(e.db, 'tmacay'))?.version).toBe(1);
      await iniciarSesion(e.app, 'tmacay', CONTRASENA_DEMO);
    },
  );

  test('a passphrase with a site word among other real words is accepted', async () => {
    const r = await put(cambioClave('aduana caballo correcto batería'));
    expect(r.status).toBe(200);
    await iniciarSesion(e.app, 'tmacay', 'aduana caballo correcto batería');
  });

  test('a wrong contrasenaAnterior → 422 cambioClave.contrasenaAnterior INCORRECTA, counted for the limit', async () => {
    const r = await put(cambioClave(NUEVA, 'Clave-Demo-2025'));
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      { campo: 'cambioClave.contrasenaAnterior', codigo: 'INCORRECTA', mensaje: 'Contraseña anterior: no es correcta.' },
    ]);
    for (let i = 0; i < 4; i++) await put(cambioClave(NUEVA, `mala-${i}`));
    expect((await put(cambioClave())).status).toBe(429);
  });

  test('needs re-authentication: 15:00 after the login ok, 15:01 → 403, renewed → ok', async () => {
    e.reloj.avanzar(15 * MINUTO + 1000);
    const r = await put(cambioClave());
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({
      status: 403,
      title: 'Prohibido',
      detail: 'Por seguridad, confirme su contraseña para continuar (la última confirmación tiene más de 15 minutos).',
      codigo: 'REAUTENTICACION_REQUERIDA',
    });
    expect((await pedir(e.app, '/api/sesiones/reautenticacion', { cuerpo: { contrasena: CONTRASENA_DEMO }, token })).status).toBe(204);
    expect((await put(cambioClave())).status).toBe(200);
  });

  test('at exactly 15:00 after the last proof it is still accepted', async () => {
    e.reloj.avanzar(15 * MINUTO);
    expect((await put(cambioClave())).status).toBe(200);
  });
});
