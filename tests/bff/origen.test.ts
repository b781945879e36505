import { beforeAll, describe, expect, test } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay, iniciarSesion, ORIGEN_BFF, ORIGEN_TERCERO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno({}, 'todo el archivo');
let token: string;
beforeAll(async () => {
  token = await iniciarSesion(e.app);
});

const ORIGEN_NO_PERMITIDO = {
  status: 403,
  title: 'Prohibido',
  detail: 'La solicitud proviene de un sitio no autorizado.',
  codigo: 'ORIGEN_NO_PERMITIDO',
};

const CABECERAS_CORS = (r: Response) => [...r.headers.keys()].filter((nombre) => nombre.startsWith('access-control-'));

describe('CORS', () => {
  test('a preflight from an allowed origin gets credentials, methods and headers', async () => {
    const r = await pedir(e.app, '/api/usuario', {
      metodo: 'OPTIONS',
      cabeceras: { Origin: ORIGEN_TERCERO, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match, content-type, authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('Access-Control-Allow-Origin')).toBe(ORIGEN_TERCERO);
    expect(r.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(r.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,PUT,DELETE,OPTIONS');
    expect(r.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type,Authorization,If-Match,If-None-Match');
  });

  test('a response to an allowed origin exposes ETag and Retry-After', async () => {
    const r = await pedir(e.app, '/api/usuario', { token, cabeceras: { Origin: 'http://127.0.0.1:8788' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:8788');
    expect(r.headers.get('Access-Control-Expose-Headers')).toBe('ETag,Retry-After,X-Request-Id,Location,X-Token-Sesion');
    expect(r.headers.get('Vary')).toContain('Origin');
  });

  test('a foreign origin gets no CORS grant', async () => {
    const preflight = await pedir(e.app, '/api/usuario', {
      metodo: 'OPTIONS',
      cabeceras: { Origin: 'https://malicioso.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const r = await pedir(e.app, '/api/usuario', { token, cabeceras: { Origin: 'https://malicioso.example' } });
    expect(r.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('CSRF: cookie-authenticated writes need an allowed Origin', () => {
  const escribir = (cabeceras: Record<string, string>, credencial: { cookie?: string; token?: string } = { cookie: token }) =>
    pedir(e.app, '/api/usuario', {
      metodo: 'PUT',
      cuerpo: actualizacionTmacay(),
      ...credencial,
      cabeceras: { 'If-Match': '"1"', ...cabeceras },
    });

  test.each([
    ['a foreign Origin', { Origin: 'https://malicioso.example' }],
    ['Origin null (sandboxed page)', { Origin: 'null' }],
    ['no Origin but Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['no Origin but Sec-Fetch-Site same-site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('%s → 403 ORIGEN_NO_PERMITIDO, nothing changed', async (_caso, cabeceras) => {
    const r = await escribir({ ...cabeceras, 'Content-Type': 'application/json' });
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual(ORIGEN_NO_PERMITIDO);
  });

  test.each([
    ['its own origin', { Origin: ORIGEN_BFF }],
    ['an allowed third-party origin', { Origin: ORIGEN_TERCERO }],
    ['no Origin and Sec-Fetch-Site same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
    ['no Origin at all (curl, server-to-server)', {}],
  ])('%s → accepted', async (_caso, cabeceras) => {
    expect((await escribir(cabeceras)).status).toBe(200);
  });

  test('Bearer-authenticated writes are exempt (a foreign page cannot add the header)', async () => {
    expect((await escribir({ Origin: 'https://otro.example' }, { token })).status).toBe(200);
  });

  test('a malformed Bearer header does not exempt a write that the cookie authenticates', async () => {
    const r = await escribir({ Origin: 'https://malicioso.example', Authorization: 'Bearer x' });
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual(ORIGEN_NO_PERMITIDO);
  });

  test('logout by cookie from a foreign origin is refused too', async () => {
    const r = await pedir(e.app, '/api/sesiones/actual', { metodo: 'DELETE', cookie: token, cabeceras: { Origin: 'https://malicioso.example' } });
    expect(r.status).toBe(403);
    expect((await pedir(e.app, '/api/usuario', { token })).status).toBe(200);
  });

  test('a login posted from a foreign origin is refused (login CSRF)', async () => {
    const r = await pedir(e.app, '/api/sesiones', {
      cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO },
      cabeceras: { Origin: 'https://malicioso.example' },
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('Set-Cookie')).toBeNull();
  });

  test('reads are not subject to the Origin check', async () => {
    expect((await pedir(e.app, '/api/usuario', { cookie: token, cabeceras: { Origin: 'https://malicioso.example' } })).status).toBe(200);
  });
});

describe('CORS only for ORIGENES_PERMITIDOS: other origins get no Access-Control-* header at all', () => {
  test('a foreign origin: no grant, no credentials, no exposed headers, on a GET and on a preflight', async () => {
    const lectura = await pedir(e.app, '/api/usuario', { token, cabeceras: { Origin: 'https://malicioso.example' } });
    expect(lectura.status).toBe(200);
    expect(CABECERAS_CORS(lectura)).toEqual([]);
    expect(lectura.headers.get('Vary')).toContain('Origin');
    const preflight = await pedir(e.app, '/api/usuario', {
      metodo: 'OPTIONS',
      cabeceras: { Origin: 'https://malicioso.example', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(CABECERAS_CORS(preflight)).toEqual([]);
  });

  test('no Origin (curl, same-origin GET): no CORS headers', async () => {
    expect(CABECERAS_CORS(await pedir(e.app, '/api/salud'))).toEqual([]);
  });

  test('an allowed origin still gets its grant with credentials', async () => {
    const r = await pedir(e.app, '/api/salud', { cabeceras: { Origin: ORIGEN_TERCERO } });
    expect(r.headers.get('Access-Control-Allow-Origin')).toBe(ORIGEN_TERCERO);
    expect(r.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });
});
