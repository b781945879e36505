import { beforeEach, describe, expect, test } from 'vitest';
import { listarActividad } from '../../bff/db/auditoria.js';
import { actualizacionTmacay, actualizarUsuario, erroresDe, iniciarSesion, pedir, problemaValidacion, usuarioDemo } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const TMACAY = usuarioDemo('tmacay');

const e = usarEntorno();
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const put = (cuerpo: unknown, ifMatch: string | null = '"1"', tk = token) => actualizarUsuario(e.app, tk, cuerpo, ifMatch);

describe('GET /api/usuario', () => {
  test('returns the signed-in user with ETag "<version>" and no-store', async () => {
    const r = await pedir(e.app, '/api/usuario', { token });
    expect(r.status).toBe(200);
    expect(r.headers.get('ETag')).toBe('"1"');
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    expect(await r.json()).toEqual(TMACAY);
  });

  test('without a session answers 401 NO_AUTENTICADO', async () => {
    const r = await pedir(e.app, '/api/usuario');
    expect(r.status).toBe(401);
    expect(r.headers.get('Content-Type')).toBe('application/problem+json; charset=UTF-8');
    expect(await r.json()).toEqual({
      status: 401,
      title: 'No autenticado',
      detail: 'Su sesión no es válida o ha expirado. Inicie sesión nuevamente.',
      codigo: 'NO_AUTENTICADO',
    });
  });

  test('a foreign user (jsmith) reads null province and city', async () => {
    const tk = await iniciarSesion(e.app, 'jsmith');
    const usuario = (await (await pedir(e.app, '/api/usuario', { token: tk })).json()) as Record<string, unknown>;
    expect(usuario).toMatchObject({ pais: 'US', provincia: null, ciudad: null, documento: { tipo: 'PASAPORTE', numero: 'X1234567' } });
  });
});

describe('PUT /api/usuario', () => {
  test('updates two fields, bumps the version, answers the user and the new ETag, audits the field names', async () => {
    const r = await put(actualizacionTmacay({ direccion: 'Av. Francisco de Orellana 234, piso 3', fax: '042345699' }));
    expect(r.status).toBe(200);
    expect(r.headers.get('ETag')).toBe('"2"');
    const esperado = { ...TMACAY, direccion: 'Av. Francisco de Orellana 234, piso 3', fax: '042345699', version: 2 };
    expect(await r.json()).toEqual(esperado);
    expect(await (await pedir(e.app, '/api/usuario', { token })).json()).toEqual(esperado);
    const actividad = await listarActividad(e.db, 'tmacay');
    expect(actividad[0]).toEqual({ evento: 'DATOS_MODIFICADOS', campos: ['direccion', 'fax'], creadoEn: '2026-03-02T15:00:00.000Z', ip: null, conteo: 1 });
  });

  test('normalises before storing: trimmed, collapsed, upper-case name; upper-case country; phones as digits; blank optional → null', async () => {
    const r = await put(actualizacionTmacay({ nombre: '  Tito   Macáy ', pais: 'ec', telefono1: '+593 (04) 234-5678', telefono2: '  ', fax: '' }));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ nombre: 'TITO MACÁY', pais: 'EC', telefono1: '042345678', telefono2: null, fax: null, version: 2 });
  });

  test('moving abroad clears province and city', async () => {
    const r = await put(
      actualizacionTmacay({ pais: 'PE', provincia: null, ciudad: null, telefono1: '5114567890', celular: { operadora: 'OTROS', numero: '51987654321' } }),
    );
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ pais: 'PE', provincia: null, ciudad: null, telefono1: '5114567890', version: 2 });
  });

  test('an unchanged body answers 200 with the same version and writes no audit row', async () => {
    const r = await put(actualizacionTmacay());
    expect(r.status).toBe(200);
    expect(r.headers.get('ETag')).toBe('"1"');
    expect(await r.json()).toEqual(TMACAY);
    expect((await listarActividad(e.db, 'tmacay')).map((a) => a.evento)).toEqual(['INICIO_SESION']);
  });

  test('without If-Match answers 428 PRECONDICION_REQUERIDA and changes nothing', async () => {
    const r = await put(actualizacionTmacay({ fax: '042345699' }), null);
    expect(r.status).toBe(428);
    expect(await r.json()).toEqual({
      status: 428,
      title: 'Precondición requerida',
      detail: 'Falta la cabecera If-Match con la versión (ETag) de los datos que está modificando.',
      codigo: 'PRECONDICION_REQUERIDA',
    });
    expect(await (await pedir(e.app, '/api/usuario', { token })).json()).toEqual(TMACAY);
  });

  test.each(['"0"', '"2"', 'W/"1"', '*', '1'])('If-Match %s does not name the current version → 412', async (ifMatch) => {
    const r = await put(actualizacionTmacay({ fax: '042345699' }), ifMatch);
    expect(r.status).toBe(412);
    expect(await r.json()).toEqual({
      status: 412,
      title: 'Precondición fallida',
      detail: 'Sus datos fueron modificados desde que los abrió (quizá en otra ventana). Vuelva a cargarlos y repita los cambios.',
      codigo: 'VERSION_DESACTUALIZADA',
    });
  });

  test('a stale ETag after another change answers 412', async () => {
    expect((await put(actualizacionTmacay({ fax: '042345699' }))).status).toBe(200);
    const r = await put(actualizacionTmacay({ direccion: 'Otra dirección 123' }), '"1"');
    expect(r.status).toBe(412);
    expect(await (await pedir(e.app, '/api/usuario', { token })).json()).toMatchObject({ fax: '042345699', version: 2 });
  });

  test('two concurrent PUTs with one ETag: exactly one wins, the other gets 412', async () => {
    const otro = await iniciarSesion(e.app);
    const [a, b] = await Promise.all([
      put(actualizacionTmacay({ direccion: 'Primera dirección 111' }), '"1"', token),
      put(actualizacionTmacay({ direccion: 'Segunda dirección 222' }), '"1"', otro),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const ganador = (await (a.status === 200 ? a : b).json()) as { direccion: string };
    const guardado = (await (await pedir(e.app, '/api/usuario', { token })).json()) as { direccion: string; version: number };
    expect(guardado).toMatchObject({ direccion: ganador.direccion, version: 2 });
    expect((await listarActividad(e.db, 'tmacay')).filter((a) => a.evento === 'DATOS_MODIFICADOS')).toHaveLength(1);
  });

  test('many concurrent PUTs with one ETag: still exactly one wins', async () => {
    const respuestas = await Promise.all(
      Array.from({ length: 8 }, (_, i) => put(actualizacionTmacay({ direccion: `Dirección número ${i + 10}` }))),
    );
    expect(respuestas.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(respuestas.map((r) => r.status).filter((s) => s === 412)).toHaveLength(7);
  });

  test('read-only and unknown keys are refused with NO_MODIFICABLE, each one named', async () => {
    const r = await put(
      actualizacionTmacay({ idUsuario: 'otro', documento: { tipo: 'RUC', numero: '1' }, nombreRegistrado: 'PEDRO ALVARADO', correoSenae: 'x@y.z', version: 9, rol: 'admin' }),
    );
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual(problemaValidacion([
      { campo: 'idUsuario', codigo: 'NO_MODIFICABLE', mensaje: 'ID.usuario: no se puede modificar.' },
      { campo: 'documento', codigo: 'NO_MODIFICABLE', mensaje: 'Doc. Identificación: no se puede modificar.' },
      { campo: 'nombreRegistrado', codigo: 'NO_MODIFICABLE', mensaje: 'Nombre registrado: no se puede modificar.' },
      { campo: 'correoSenae', codigo: 'NO_MODIFICABLE', mensaje: 'SENAE Correo Electrónico: no se puede modificar.' },
      { campo: 'version', codigo: 'NO_MODIFICABLE', mensaje: 'Versión: no se puede modificar.' },
      { campo: 'rol', codigo: 'NO_MODIFICABLE', mensaje: 'rol: no se puede modificar.' },
    ]));
  });

  test('unknown keys named like members of every object (constructor, toString, __proto__) are named as sent', async () => {
    const cuerpo = JSON.stringify(actualizacionTmacay()).replace(/^\{/, '{"constructor":1,"toString":2,"__proto__":3,');
    const r = await put(cuerpo);
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      { campo: 'constructor', codigo: 'NO_MODIFICABLE', mensaje: 'constructor: no se puede modificar.' },
      { campo: 'toString', codigo: 'NO_MODIFICABLE', mensaje: 'toString: no se puede modificar.' },
      { campo: '__proto__', codigo: 'NO_MODIFICABLE', mensaje: '__proto__: no se puede modificar.' },
    ]);
  });

  test('a body that is not an object answers 422 without field errors', async () => {
    for (const cuerpo of ['[]', '"texto"', '42', 'null']) {
      const r = await put(cuerpo);
      expect(r.status).toBe(422);
      expect(await r.json()).toEqual({
        status: 422,
        title: 'Datos no válidos',
        detail: 'El contenido debe ser un objeto JSON con los datos del formulario.',
        codigo: 'VALIDACION',
        errores: [],
      });
    }
  });
});
