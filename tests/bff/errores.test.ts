import { beforeAll, describe, expect, test } from 'vitest';
import { Hono } from 'hono';
import { actualizacionTmacay, crearEntorno, iniciarSesion, ORIGEN_BFF, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno({}, 'todo el archivo');
let token: string;
beforeAll(async () => {
  token = await iniciarSesion(e.app);
});

const PROBLEM_JSON = 'application/problem+json; charset=UTF-8';

describe('the error contract: problem+json for every error', () => {
  test('unknown route → 404 NO_ENCONTRADO', async () => {
    const r = await pedir(e.app, '/api/no-existe');
    expect(r.status).toBe(404);
    expect(r.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    expect(await r.json()).toEqual({ status: 404, title: 'No encontrado', detail: 'La ruta solicitada no existe.', codigo: 'NO_ENCONTRADO' });
  });

  test('a path outside /api → 404 problem too', async () => {
    const r = await pedir(e.app, '/no/existe.html');
    expect(r.status).toBe(404);
    expect(r.headers.get('Content-Type')).toBe(PROBLEM_JSON);
  });

  test('known route, wrong method → 405 METODO_NO_PERMITIDO with Allow', async () => {
    const r = await pedir(e.app, '/api/catalogos/paises', { metodo: 'DELETE', token });
    expect(r.status).toBe(405);
    expect(r.headers.get('Allow')).toBe('GET, HEAD');
    expect(await r.json()).toEqual({
      status: 405,
      title: 'Método no permitido',
      detail: 'El método DELETE no está permitido en esta ruta.',
      codigo: 'METODO_NO_PERMITIDO',
    });
    const put = await pedir(e.app, '/api/sesiones', { metodo: 'PUT', cuerpo: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('Allow')).toBe('GET, HEAD, POST');
  });

  test('malformed JSON → 400 JSON_INVALIDO', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: '{"idUsuario": "tmacay",' });
    expect(r.status).toBe(400);
    expect(r.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    expect(await r.json()).toEqual({
      status: 400,
      title: 'Solicitud incorrecta',
      detail: 'El contenido de la solicitud no es un JSON válido.',
      codigo: 'JSON_INVALIDO',
    });
  });

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'a POST/PUT body of type "%s" → 415 TIPO_CONTENIDO',
    async (tipo) => {
      const r = await e.app.request(`${ORIGEN_BFF}/api/sesiones`, {
        method: 'POST',
        headers: tipo ? { 'Content-Type': tipo } : {},
        body: 'idUsuario=tmacay',
      });
      expect(r.status).toBe(415);
      expect(await r.json()).toEqual({
        status: 415,
        title: 'Tipo de contenido no admitido',
        detail: 'El contenido debe enviarse como JSON (Content-Type: application/json).',
        codigo: 'TIPO_CONTENIDO',
      });
      const put = await pedir(e.app, '/api/usuario', { metodo: 'PUT', token, cuerpo: 'x', cabeceras: { 'Content-Type': 'text/plain', 'If-Match': '"1"' } });
      expect(put.status).toBe(415);
    },
  );

  test('JSON with a charset parameter is accepted', async () => {
    const r = await pedir(e.app, '/api/sesiones', {
      cuerpo: { idUsuario: 'tmacay', contrasena: 'x' },
      cabeceras: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(r.status).toBe(401);
  });

  test('a body over 16 KiB → 413 CUERPO_DEMASIADO_GRANDE, by Content-Length or by streaming', async () => {
    const grande = JSON.stringify({ idUsuario: 'tmacay', contrasena: 'x'.repeat(17 * 1024) });
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: grande });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({
      status: 413,
      title: 'Contenido demasiado grande',
      detail: 'El contenido de la solicitud supera el máximo de 16 KiB.',
      codigo: 'CUERPO_DEMASIADO_GRANDE',
    });
    const flujo = new ReadableStream<Uint8Array>({
      start(control) {
        control.enqueue(new TextEncoder().encode(grande));
        control.close();
      },
    });
    const sinLongitud = await e.app.request(`${ORIGEN_BFF}/api/sesiones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: flujo,
      duplex: 'half',
    } as RequestInit);
    expect(sinLongitud.status).toBe(413);
  });

  test('a body just under 16 KiB is processed', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'x'.repeat(900) } });
    expect(r.status).toBe(401);
  });

  test('an unexpected failure → 500 ERROR_INTERNO naming the request id, no stack trace, logged server-side', async () => {
    const roto = await crearEntorno();
    try {
      const tk = await iniciarSesion(roto.app);
      await roto.db.execute('DROP TABLE auditoria'); // the next audited write fails
      const r = await pedir(roto.app, '/api/usuario', {
        metodo: 'PUT',
        token: tk,
        cuerpo: actualizacionTmacay({ direccion: 'Otra dirección 1' }),
        cabeceras: { 'If-Match': '"1"' },
      });
      expect(r.status).toBe(500);
      // Without PROXY_CONFIABLE a client's X-Request-Id is not kept: the BFF generates one.
      const id = r.headers.get('X-Request-Id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const texto = await r.text();
      expect(JSON.parse(texto)).toEqual({
        status: 500,
        title: 'Error interno',
        detail: `Ocurrió un error inesperado. Intente nuevamente; si persiste, comuníquese con soporte indicando el código ${id}.`,
        codigo: 'ERROR_INTERNO',
      });
      expect(texto).not.toMatch(/auditoria|SQLITE|at .*\.ts/);
      // The log has the error with its stack, then the request's line, both with the request id.
      const lineas = roto.registro.lineas().filter((linea) => linea.reqId === id);
      expect(lineas).toEqual([
        expect.objectContaining({ level: 50, msg: 'error interno', req: { method: 'PUT', ip: null }, err: expect.objectContaining({ stack: expect.stringMatching(/^LibsqlBatchError: SQLITE_ERROR: .*no such table: auditoria\n[^]*\n\s+at /) }) }),
        expect.objectContaining({ level: 50, msg: 'solicitud atendida', ruta: '/api/usuario', res: { status: 500 }, idUsuario: 'tmacay' }),
      ]);
      // …and the failed batch changed nothing.
      expect((await roto.db.execute("SELECT version FROM usuarios WHERE id_usuario = 'tmacay'")).rows[0]?.version).toBe(1);
    } finally {
      await roto.cerrar();
    }
  });
});

describe('server log', () => {
  test('a failure on the revert page logs its route pattern, never the link\'s token (a secret in the URL)', async () => {
    const roto = await crearEntorno({ sembrar: false });
    const secreto = 'A'.repeat(43);
    try {
      await roto.db.execute('DROP TABLE enlaces_reversion');
      const r = await pedir(roto.app, `/correo/revertir/${secreto}?x=${secreto}`);
      expect(r.status).toBe(500);
      expect(roto.registro.lineas()).toEqual([
        expect.objectContaining({ level: 50, reqId: r.headers.get('X-Request-Id'), msg: 'error interno' }),
        expect.objectContaining({ ruta: '/correo/revertir/:token', res: { status: 500 } }),
      ]);
      expect(roto.registro.texto()).not.toContain(secreto);
    } finally {
      await roto.cerrar();
    }
  });
});

describe('HTTP hygiene', () => {
  test('security headers on every response, errors included', async () => {
    for (const r of [await pedir(e.app, '/api/salud'), await pedir(e.app, '/api/no-existe'), await pedir(e.app, '/api/usuario')]) {
      expect(r.headers.get('Content-Security-Policy')).toBe(
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; object-src 'none'",
      );
      expect(r.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(r.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(r.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
      expect(r.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('the widget bundle is loadable cross-origin: CORP cross-origin', async () => {
    const r = await pedir(e.app, '/widget/no-existe.js');
    expect(r.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });

  test('API answers are not cached (no-store) except catalogs', async () => {
    expect((await pedir(e.app, '/api/usuario', { token })).headers.get('Cache-Control')).toBe('no-store');
    expect((await pedir(e.app, '/api/catalogos/operadoras')).headers.get('Cache-Control')).toBe('public, max-age=86400');
  });

  test('GET /api/salud → 200 {estado:"ok", correo:{estado:"ok"}}', async () => {
    const r = await pedir(e.app, '/api/salud');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ estado: 'ok', correo: { estado: 'ok' } });
  });

  test('GET /api/salud → 503 when the database fails', async () => {
    const otro = await crearEntorno({ sembrar: false });
    try {
      otro.db.close();
      const r = await pedir(otro.app, '/api/salud');
      expect(r.status).toBe(503);
      expect(r.headers.get('Retry-After')).toBe('5');
      expect(await r.json()).toEqual({
        status: 503,
        title: 'Servicio no disponible',
        detail: 'El servicio no está disponible en este momento porque la base de datos no responde. Intente nuevamente en unos segundos.',
        codigo: 'SERVICIO_NO_DISPONIBLE',
      });
      expect(otro.registro.lineas()).toContainEqual(expect.objectContaining({ level: 50, msg: expect.stringMatching(/^salud: la base de datos no responde \(/) }));
    } finally {
      await otro.cerrar();
    }
  });
});

describe('GET /api/openapi.json', () => {
  test('an OpenAPI 3.1 document listing the endpoints of DESIGN §4, schemas from the contract', async () => {
    const r = await pedir(e.app, '/api/openapi.json');
    expect(r.status).toBe(200);
    const doc = (await r.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const operaciones = Object.entries(doc.paths).flatMap(([ruta, metodos]) => Object.keys(metodos).map((m) => `${m.toUpperCase()} ${ruta}`));
    expect(operaciones.sort()).toEqual(
      [
        'GET /api/salud',
        'GET /api/catalogos/paises',
        'GET /api/catalogos/provincias',
        'GET /api/catalogos/provincias/{codigo}/ciudades',
        'GET /api/catalogos/operadoras',
        'POST /api/sesiones',
        'GET /api/sesiones',
        'DELETE /api/sesiones/actual',
        'DELETE /api/sesiones/otras',
        'POST /api/sesiones/reautenticacion',
        'GET /api/usuario',
        'PUT /api/usuario',
        'POST /api/usuario/clave/verificacion',
        'POST /api/correo/disponibilidad',
        'POST /api/correo/codigo',
        'DELETE /api/correo/codigo',
        'POST /api/correo/revertir',
        'GET /api/dev/correos',
        'POST /api/usuario/baja',
        'GET /api/usuario/actividad',
        'GET /api/openapi.json',
      ].sort(),
    );
    const update = doc.components.schemas.UsuarioUpdate!;
    expect(Object.keys(update.properties ?? {})).toEqual(
      expect.arrayContaining(['nombre', 'pais', 'provincia', 'ciudad', 'direccion', 'telefono1', 'celular', 'fax', 'mantenerCorreo', 'cambioClave']),
    );
    expect(doc.components.schemas.Usuario!.required).toEqual(expect.arrayContaining(['idUsuario', 'documento', 'correoSenae', 'version']));
    expect(doc.components.schemas.SesionInput!.required).toEqual(['idUsuario', 'contrasena']);
  });
});

describe('the widget folder', () => {
  test('serves files with their content type, ETag and 5-minute caching; nothing outside the folder', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { rutasWidget } = await import('../../bff/routes/widget.js');
    const carpeta = await mkdtemp(join(tmpdir(), 'mug-widget-'));
    try {
      await writeFile(join(carpeta, 'modificar-usuario-general.js'), 'export const x = 1;\n');
      await writeFile(join(carpeta, 'secreto.txt'), 'no');
      const app = new Hono().route('/widget', rutasWidget(carpeta));
      const r = await app.request('/widget/modificar-usuario-general.js');
      expect(r.status).toBe(200);
      expect(r.headers.get('Content-Type')).toBe('text/javascript; charset=UTF-8');
      expect(r.headers.get('Cache-Control')).toBe('public, max-age=300');
      expect(r.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await r.text()).toBe('export const x = 1;\n');
      const etag = r.headers.get('ETag')!;
      expect((await app.request('/widget/modificar-usuario-general.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
      expect((await app.request('/widget/secreto.txt')).status).toBe(404);
      expect((await app.request('/widget/..%2f..%2fetc%2fpasswd.js')).status).toBe(404);
      expect((await app.request('/widget/%E0%A4%A.js')).status).toBe(404);
      expect((await app.request('/widget/otro.js')).status).toBe(404);
    } finally {
      await rm(carpeta, { recursive: true, force: true });
    }
  });
});

describe('GET /api/openapi.json is a well-formed OpenAPI 3.1 document', () => {
  interface Operacion {
    parameters?: { name: string; in: string; required?: boolean }[];
    responses: Record<string, { description?: string; headers?: Record<string, unknown> }>;
  }

  test('every $ref resolves, every response has a description, path parameters are declared', async () => {
    const doc = (await (await pedir(e.app, '/api/openapi.json')).json()) as Record<string, unknown> & { paths: Record<string, Record<string, Operacion>> };
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: expect.any(String), version: expect.any(String) } });
    const texto = JSON.stringify(doc);
    for (const [, destino] of texto.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const valor = destino!.split('/').reduce<unknown>((nodo, clave) => (nodo as Record<string, unknown> | undefined)?.[clave], doc);
      expect(valor, destino).toBeDefined();
    }
    for (const [ruta, metodos] of Object.entries(doc.paths)) {
      for (const [metodo, operacion] of Object.entries(metodos)) {
        for (const [estado, respuesta] of Object.entries(operacion.responses)) {
          expect(estado, `${metodo} ${ruta}`).toMatch(/^[1-5]\d\d$/);
          expect(respuesta.description, `${metodo} ${ruta} ${estado}`).toBeTruthy();
        }
        for (const [, nombre] of ruta.matchAll(/\{(\w+)\}/g)) {
          expect(operacion.parameters, `${metodo} ${ruta}`).toContainEqual(expect.objectContaining({ name: nombre, in: 'path', required: true }));
        }
      }
    }
  });

  test('429 and 503 answers document Retry-After', async () => {
    const doc = (await (await pedir(e.app, '/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operacion>> };
    const sinCabecera = Object.entries(doc.paths).flatMap(([ruta, metodos]) =>
      Object.entries(metodos).flatMap(([metodo, operacion]) =>
        Object.entries(operacion.responses)
          .filter(([estado, respuesta]) => (estado === '429' || estado === '503') && !respuesta.headers?.['Retry-After'])
          .map(([estado]) => `${metodo} ${ruta} ${estado}`),
      ),
    );
    expect(sinCabecera).toEqual([]);
  });
});
