import { beforeEach, describe, expect, test } from 'vitest';
import { sha256Hex } from '../../bff/cripto.js';
import { buscarUsuario } from '../../bff/db/usuarios.js';
import { ASUNTO_RESTABLECIMIENTO } from '../../bff/mail/index.js';
import { actualizacionTmacay, actualizarUsuario, cambiarCorreo, correosEntregados, erroresDe, iniciarSesion, MINUTO, pedir, pedirSesion } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const MOTIVO = 'Cierre de la empresa importadora';
const NUEVO = 'tito.nuevo@example.com';

const correos = () => correosEntregados(e);

function baja(motivo: unknown = MOTIVO, tk = token) {
  return pedir(e.app, '/api/usuario/baja', { cuerpo: { motivo }, token: tk });
}

const login = (idUsuario?: string, contrasena?: string) => pedirSesion(e.app, idUsuario, contrasena);

describe('POST /api/usuario/baja', () => {
  test('202 {id, estado, creadaEn}; BAJA, every session revoked, cookie cleared, mail sent, row kept, login refused', async () => {
    const otra = await iniciarSesion(e.app);
    const r = await baja();
    expect(r.status).toBe(202);
    const cuerpo = (await r.json()) as { id: string };
    expect(cuerpo).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), estado: 'REGISTRADA', creadaEn: '2026-03-02T15:00:00.000Z' });
    expect(r.headers.get('Set-Cookie')).toMatch(/^mug_sesion=;.*Max-Age=0/);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
    expect((await pedir(e.app, '/api/usuario', { token: otra })).status).toBe(401);
    const vivas = await e.db.execute("SELECT count(*) AS n FROM sesiones WHERE id_usuario = 'tmacay' AND revocada_en IS NULL");
    expect(vivas.rows[0]?.n).toBe(0);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ estado: 'BAJA', correo: 'tito.macay@example.com', nombre: 'TITO MACAY' });
    const solicitud = await e.db.execute('SELECT id, id_usuario, motivo, estado FROM solicitudes_baja');
    expect(solicitud.rows.map((f) => ({ ...f }))).toEqual([{ id: cuerpo.id, id_usuario: 'tmacay', motivo: MOTIVO, estado: 'REGISTRADA' }]);
    const [mensaje] = await correos();
    expect(mensaje).toMatchObject({ para: 'tito.macay@example.com', asunto: 'Solicitud de baja de usuario registrada' });
    expect(mensaje!.texto).toContain(cuerpo.id);
    expect(mensaje!.texto).toContain(MOTIVO);
    const rechazado = await login();
    expect(rechazado.status).toBe(403);
    expect(await rechazado.json()).toMatchObject({
      codigo: 'CUENTA_INACTIVA',
      detail: 'Este usuario fue dado de baja y ya no puede iniciar sesión. Para volver a operar registre un nuevo usuario.',
    });
    const eventos = await e.db.execute("SELECT evento, campos FROM auditoria WHERE evento = 'BAJA_SOLICITADA'");
    expect(eventos.rows.map((f) => f.campos)).toEqual(['["motivo"]']);
    // The address is free again for someone else.
    const maria = await iniciarSesion(e.app, 'mzambrano');
    const libre = await pedir(e.app, '/api/correo/disponibilidad', { cuerpo: { correo: 'tito.macay@example.com' }, token: maria });
    expect(await libre.json()).toEqual({ disponible: true });
  });

  test('motivo must have 10–500 characters and no control characters; nothing changes', async () => {
    for (const motivo of ['corto', 'x'.repeat(501), '   ', null, 'Cierro la agencia\u0000 hoy']) {
      const r = await baja(motivo);
      expect(r.status).toBe(422);
      const [error] = await erroresDe(r);
      expect(error!.campo).toBe('motivo');
    }
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('ACTIVO');
  });

  test.each([
    ['ten zero-width spaces', '\u200B'.repeat(10)],
    ['a right-to-left override (U+202E)', 'Cierro la agencia \u202Eyoh'],
    ['a line separator (U+2028)', 'Cierro la agencia\u2028hoy mismo'],
    ['a no-break space (U+00A0)', 'Cierro la\u00A0agencia hoy'],
    ['a byte order mark inside (U+FEFF)', 'Cierro la\uFEFF agencia hoy'],
    ['a lone surrogate', 'Cierro la agencia \uD800 hoy'],
  ])('a motivo with %s → 422 motivo FORMATO; nothing changes', async (_caso, motivo) => {
    const r = await baja(motivo);
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      {
        campo: 'motivo',
        codigo: 'FORMATO',
        mensaje: 'Motivo: contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.',
      },
    ]);
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('ACTIVO');
  });

  test('motivo length is counted in code points: 5 emoji and 5 letters are 10 characters (202), 501 emoji too many (422)', async () => {
    const largo = await baja('🦙'.repeat(501));
    expect(await erroresDe(largo)).toEqual([
      { campo: 'motivo', codigo: 'LONGITUD', mensaje: 'Motivo: debe tener entre 10 y 500 caracteres.' },
    ]);
    // 9 code points but 10 UTF-16 units: too short.
    expect((await baja('Cierro 🦙🦙')).status).toBe(422);
    expect((await baja('🦙🦙🦙🦙🦙 adiós')).status).toBe(202);
  });

  test('needs re-authentication (403 after 15 minutes)', async () => {
    e.reloj.avanzar(16 * MINUTO);
    const r = await baja();
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ codigo: 'REAUTENTICACION_REQUERIDA' });
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('ACTIVO');
  });
});

/** Changes tmacay's address with a code from the outbox and returns the revert link's token. */
async function enlaceTrasCambiarCorreo(): Promise<string> {
  await cambiarCorreo(e, token, NUEVO);
  const [aviso] = await correos();
  expect(aviso!.para).toBe('tito.macay@example.com');
  return aviso!.texto.match(/\/correo\/revertir\/([A-Za-z0-9_-]{43})/)![1]!;
}

describe('"No reconozco este cambio"', () => {
  test('the GET page shows a confirmation form and changes nothing', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    const antes = await e.db.execute('SELECT * FROM enlaces_reversion');
    const r = await pedir(e.app, `/correo/revertir/${enlace}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<form method="post" action="/correo/revertir">');
    expect(html).toContain(`<input type="hidden" name="token" value="${enlace}">`);
    expect(html).not.toMatch(/<script|style=/);
    expect((await e.db.execute('SELECT * FROM enlaces_reversion')).rows).toEqual(antes.rows);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: NUEVO, estado: 'ACTIVO' });
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
  });

  test('POST restores the old address, revokes every session, blocks; then only the reset link mailed to the old address unblocks', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    const r = await pedir(e.app, '/api/correo/revertir', { cuerpo: { token: enlace } });
    expect(r.status).toBe(204);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: 'tito.macay@example.com', estado: 'BLOQUEADO', version: 3 });
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(401);
    const eventos = await e.db.execute("SELECT campos FROM auditoria WHERE evento = 'CORREO_REVERTIDO'");
    expect(eventos.rows.map((f) => f.campos)).toEqual(['["correo","estado"]']);

    // A second use of the link: 410, nothing else changes.
    const otra = await pedir(e.app, '/api/correo/revertir', { cuerpo: { token: enlace } });
    expect(otra.status).toBe(410);
    expect(await otra.json()).toMatchObject({ codigo: 'ENLACE_NO_VALIDO', detail: expect.stringContaining('ya se usó') });

    // Blocked: a wrong password gets the usual 401; the right one 403 CUENTA_BLOQUEADA and no session.
    expect((await login('tmacay', 'mala')).status).toBe(401);
    const bloqueada = await login();
    expect(bloqueada.status).toBe(403);
    expect(await bloqueada.json()).toMatchObject({ codigo: 'CUENTA_BLOQUEADA', detail: expect.stringContaining('Crear una contraseña nueva') });

    // The reset link went to the restored address, on the public origin, stored only hashed.
    const [aviso] = (await correos()).filter((m) => m.asunto === ASUNTO_RESTABLECIMIENTO);
    expect(aviso!.para).toBe('tito.macay@example.com');
    expect(aviso!.html).toContain('Crear una contraseña nueva</a>');
    const reset = aviso!.texto.match(/^Crear una contraseña nueva: http:\/\/127\.0\.0\.1:8787\/clave\/restablecer\/([A-Za-z0-9_-]{43})$/m)![1]!;
    const fila = await e.db.execute('SELECT * FROM enlaces_restablecimiento');
    expect(fila.rows.map((f) => ({ ...f }))).toEqual([
      {
        hash_token: sha256Hex(reset),
        id_usuario: 'tmacay',
        correo: 'tito.macay@example.com',
        creado_en: '2026-03-02T15:00:00.000Z',
        expira_en: '2026-03-02T16:00:00.000Z',
        usado_en: null,
        anulado_en: null,
      },
    ]);
    const nueva = 'mi perro come tortugas azules';
    const hecho = await e.app.request('http://127.0.0.1:8787/clave/restablecer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: reset, contrasena: nueva, confirmacion: nueva }).toString(),
    });
    expect(hecho.status).toBe(200);
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('ACTIVO');
    const libre = await iniciarSesion(e.app, 'tmacay', nueva);
    const direccion = await actualizarUsuario(e.app, libre, actualizacionTmacay({ direccion: 'Otra dirección 123' }), '"4"');
    expect(direccion.status).toBe(200);
  });

  test('the form POST does the same and answers a Spanish page; an unknown or expired token gets 410', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    // What Chromium sends from the page, whose referrer policy is no-referrer: `Origin: null`.
    const r = await e.app.request('http://127.0.0.1:8787/correo/revertir', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
      body: new URLSearchParams({ token: enlace }).toString(),
    });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Se restauró el correo electrónico que tenía su usuario antes del cambio');
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('BLOQUEADO');
    const pagina = await pedir(e.app, `/correo/revertir/${enlace}`);
    expect(pagina.status).toBe(410);
    expect(await pagina.text()).toContain('ya se usó, venció');
    expect((await pedir(e.app, '/api/correo/revertir', { cuerpo: { token: 'x'.repeat(43) } })).status).toBe(410);
  });

  test('POST /api/correo/revertir validates its body at the edge like the other endpoints (415, 400, 422 naming the field), and changes nothing', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    const revertir = (cuerpo: unknown, cabeceras?: Record<string, string>) => pedir(e.app, '/api/correo/revertir', { cuerpo, cabeceras });
    const tipo = await revertir(`token=${enlace}`, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(tipo.status).toBe(415);
    expect(await tipo.json()).toMatchObject({ status: 415, codigo: 'TIPO_CONTENIDO' });
    const roto = await revertir(`{"token": "${enlace}"`);
    expect(roto.status).toBe(400);
    expect(await roto.json()).toMatchObject({ status: 400, codigo: 'JSON_INVALIDO' });
    const lista = await revertir([enlace]);
    expect(await lista.json()).toEqual({
      status: 422,
      title: 'Datos no válidos',
      detail: 'El contenido debe ser un objeto JSON con los datos del formulario.',
      codigo: 'VALIDACION',
      errores: [],
    });
    const errores = async (cuerpo: unknown) => {
      const r = await revertir(cuerpo);
      expect(r.status).toBe(422);
      return ((await r.json()) as { errores: unknown[] }).errores;
    };
    expect(await errores({})).toEqual([{ campo: 'token', codigo: 'REQUERIDO', mensaje: 'token: es obligatorio.' }]);
    expect(await errores({ token: 42 })).toEqual([{ campo: 'token', codigo: 'FORMATO', mensaje: 'token: no tiene un formato válido.' }]);
    expect(await errores({ token: `${enlace}=` })).toEqual([{ campo: 'token', codigo: 'FORMATO', mensaje: 'token: no tiene un formato válido.' }]);
    expect(await errores({ token: enlace, correo: NUEVO })).toEqual([
      { campo: 'correo', codigo: 'NO_MODIFICABLE', mensaje: 'Correo Electrónico: no se puede modificar.' },
    ]);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: NUEVO, estado: 'ACTIVO' });
    expect((await revertir({ token: enlace })).status).toBe(204);
  });

  test('the link expires after 7 days', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    e.reloj.avanzar(7 * 24 * 60 * MINUTO);
    expect((await pedir(e.app, `/correo/revertir/${enlace}`)).status).toBe(410);
    expect((await pedir(e.app, '/api/correo/revertir', { cuerpo: { token: enlace } })).status).toBe(410);
    expect((await buscarUsuario(e.db, 'tmacay'))!.correo).toBe(NUEVO);
  });

  test('when the old address was taken meanwhile: 409, nothing changes, the link stays usable', async () => {
    const enlace = await enlaceTrasCambiarCorreo();
    await e.db.execute("UPDATE usuarios SET correo = 'tito.macay@example.com' WHERE id_usuario = 'mzambrano'");
    const r = await pedir(e.app, '/api/correo/revertir', { cuerpo: { token: enlace } });
    expect(r.status).toBe(409);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: NUEVO, estado: 'ACTIVO' });
    expect((await pedir(e.app, `/correo/revertir/${enlace}`)).status).toBe(200);
  });
});

describe('GET /api/usuario/actividad', () => {
  test('newest first, at most 50, {evento, campos, creadoEn, ip, conteo}; only the user\'s own', async () => {
    for (let i = 0; i < 60; i++) {
      await e.db.execute({
        sql: "INSERT INTO auditoria (id_usuario, evento, campos, ip, creado_en) VALUES ('tmacay', 'DATOS_MODIFICADOS', '[\"fax\"]', '10.0.0.1', ?)",
        args: [new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * MINUTO).toISOString()],
      });
    }
    await e.db.execute("INSERT INTO auditoria (id_usuario, evento, creado_en) VALUES ('mzambrano', 'INICIO_SESION', '2026-03-03T00:00:00.000Z')");
    const r = await pedir(e.app, '/api/usuario/actividad', { token });
    expect(r.status).toBe(200);
    const lista = (await r.json()) as { evento: string; campos: string[]; creadoEn: string; ip: string | null; conteo: number }[];
    expect(lista).toHaveLength(50);
    expect(lista[0]).toEqual({ evento: 'INICIO_SESION', campos: [], creadoEn: '2026-03-02T15:00:00.000Z', ip: null, conteo: 1 });
    expect(lista[1]).toEqual({ evento: 'DATOS_MODIFICADOS', campos: ['fax'], creadoEn: '2026-03-01T00:59:00.000Z', ip: '10.0.0.1', conteo: 1 });
    const fechas = lista.map((a) => a.creadoEn);
    expect([...fechas].sort().reverse()).toEqual(fechas);
    expect((await pedir(e.app, '/api/usuario/actividad')).status).toBe(401);
  });

  test('records login failures of existing users only, limit hits, and no secret', async () => {
    await login('tmacay', 'Secreta-Incorrecta-1');
    await login('nadie', 'Secreta-Incorrecta-2');
    const filas = await e.db.execute('SELECT * FROM auditoria');
    expect(filas.rows.some((f) => f.id_usuario === 'nadie')).toBe(false);
    expect(JSON.stringify(filas.rows)).not.toMatch(/Secreta-Incorrecta|Clave-Demo-2026/);
    const lista = (await (await pedir(e.app, '/api/usuario/actividad', { token })).json()) as { evento: string }[];
    expect(lista[0]!.evento).toBe('INICIO_SESION_FALLIDO');
  });
});
