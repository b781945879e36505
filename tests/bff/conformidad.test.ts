import { createServer } from 'node:net';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { actualizacionTmacay, actualizarUsuario, iniciarSesion, ORIGEN_TERCERO, pedir, versionActual } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// What a black-box tester reading only DESIGN §2/§4 checks and the first audit found wrong.

const e = usarEntorno({}, 'todo el archivo');
let token: string;
beforeAll(async () => {
  token = await iniciarSesion(e.app);
});

const put = async (cuerpo: Record<string, unknown>) => actualizarUsuario(e.app, token, cuerpo, await versionActual(e.app, token));

/** `[campo, codigo]` of a 422's errores. */
async function errores(r: Response): Promise<[string, string][]> {
  expect(r.status).toBe(422);
  const cuerpo = (await r.json()) as { errores: { campo: string; codigo: string }[] };
  return cuerpo.errores.map((error) => [error.campo, error.codigo]);
}

function sin(cuerpo: Record<string, unknown>, ...claves: string[]): Record<string, unknown> {
  const copia = { ...cuerpo };
  for (const clave of claves) delete copia[clave];
  return copia;
}

/** A loopback port nothing listens on. */
async function puertoCerrado(): Promise<number> {
  const servidor = createServer();
  await new Promise<void>((listo) => servidor.listen(0, '127.0.0.1', listo));
  const { port } = servidor.address() as { port: number };
  await new Promise((listo) => servidor.close(listo));
  return port;
}

const CABECERAS_CORS = (r: Response) => [...r.headers.keys()].filter((nombre) => nombre.startsWith('access-control-'));

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

describe('PUT /api/usuario: a missing optional key means absent, like null or ""', () => {
  test('Ecuador without the provincia and ciudad keys → 422 REQUERIDO on both, nothing saved', async () => {
    const r = await put(sin(actualizacionTmacay(), 'provincia', 'ciudad'));
    expect(await errores(r)).toEqual([
      ['provincia', 'REQUERIDO'],
      ['ciudad', 'REQUERIDO'],
    ]);
    expect(await (await pedir(e.app, '/api/usuario', { token })).json()).toMatchObject({ provincia: '09', ciudad: '0901', version: 1 });
  });

  test('Ecuador without the provincia key but with a city → 422 provincia REQUERIDO', async () => {
    expect((await errores(await put(sin(actualizacionTmacay(), 'provincia'))))[0]).toEqual(['provincia', 'REQUERIDO']);
  });

  test('abroad without the provincia, ciudad, telefono2 and fax keys → 200 with nulls', async () => {
    const cuerpo = sin(
      actualizacionTmacay({ pais: 'US', telefono1: '12125550100', celular: { operadora: 'OTROS', numero: '12125550199' } }),
      'provincia',
      'ciudad',
      'telefono2',
      'fax',
    );
    const r = await put(cuerpo);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ pais: 'US', provincia: null, ciudad: null, telefono2: null, fax: null });
    expect((await put(actualizacionTmacay())).status).toBe(200);
  });
});

describe('PUT /api/usuario: an unknown country is named', () => {
  test('pais "XX" (with Ecuador\'s province still selected) → pais NO_PERMITIDO among the errors', async () => {
    expect(await errores(await put(actualizacionTmacay({ pais: 'XX' })))).toContainEqual(['pais', 'NO_PERMITIDO']);
  });

  test('pais "XX" with no province or city → only pais NO_PERMITIDO', async () => {
    expect(await errores(await put(actualizacionTmacay({ pais: 'XX', provincia: null, ciudad: null })))).toEqual([['pais', 'NO_PERMITIDO']]);
  });
});

describe('PUT /api/usuario: an unknown province is named on Provincia, not on Ciudad', () => {
  const PROVINCIA = {
    campo: 'provincia',
    codigo: 'NO_PERMITIDO',
    mensaje: 'Provincia: solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.',
  };

  test.each([
    ['with Guayaquil still chosen', { provincia: '99' }],
    ['with no city', { provincia: '99', ciudad: null }],
    ['with a city of that unknown province', { provincia: '99', ciudad: '9901' }],
    ['with a city of another province', { provincia: '25', ciudad: '1701' }],
  ])('Ecuador with province "99"/"25" %s → only provincia NO_PERMITIDO, nothing saved', async (_caso, cambios) => {
    const antes = await versionActual(e.app, token);
    const r = await put(actualizacionTmacay(cambios));
    expect(r.status).toBe(422);
    expect(((await r.json()) as { errores: unknown[] }).errores).toEqual([PROVINCIA]);
    expect(await versionActual(e.app, token)).toBe(antes);
  });

  test('with a known province, the city is still judged: Pichincha with Guayaquil → ciudad NO_PERMITIDO', async () => {
    expect(await errores(await put(actualizacionTmacay({ provincia: '17', ciudad: '0901' })))).toEqual([['ciudad', 'NO_PERMITIDO']]);
  });

  test('an unknown province and another bad field: both named, the city not', async () => {
    expect(await errores(await put(actualizacionTmacay({ provincia: '99', ciudad: null, direccion: 'x' })))).toEqual([
      ['provincia', 'NO_PERMITIDO'],
      ['direccion', 'LONGITUD'],
    ]);
  });
});

describe('a value of the wrong type is FORMATO, not REQUERIDO', () => {
  test.each([
    ['nombre', { nombre: 42 }, 'nombre', 'FORMATO'],
    ['direccion', { direccion: ['Av. 9 de Octubre'] }, 'direccion', 'FORMATO'],
    ['telefono1', { telefono1: 42345678 }, 'telefono1', 'FORMATO'],
    ['mantenerCorreo', { mantenerCorreo: 'si' }, 'mantenerCorreo', 'FORMATO'],
    ['celular as a string', { celular: '0991234567' }, 'celular', 'FORMATO'],
    ['celular null', { celular: null }, 'celular', 'REQUERIDO'],
    ['celular.numero', { celular: { operadora: 'CLARO', numero: 991234567 } }, 'celular.numero', 'FORMATO'],
    ['cambioClave.contrasena', { cambioClave: { contrasenaAnterior: 'x', contrasena: 1234567890123, confirmacion: 1234567890123 } }, 'cambioClave.contrasena', 'FORMATO'],
  ])('%s', async (_caso, cambios, campo, codigo) => {
    const lista = await errores(await put(actualizacionTmacay(cambios)));
    expect(lista).toContainEqual([campo, codigo]);
  });

  test('the message of a wrong-type error says the format is wrong', async () => {
    const r = await put(actualizacionTmacay({ nombre: 42 }));
    expect(((await r.json()) as { errores: unknown[] }).errores).toEqual([
      { campo: 'nombre', codigo: 'FORMATO', mensaje: 'Nombre Usuario: solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.' },
    ]);
  });

  test('login with a number as idUsuario → 422 FORMATO', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 42, contrasena: 'x' } });
    expect(await errores(r)).toEqual([['idUsuario', 'FORMATO']]);
  });
});

describe('an unreachable database answers 503 with Retry-After, never 500', () => {
  test('a remote database on a closed port: health, login and reads → 503 SERVICIO_NO_DISPONIBLE', async () => {
    const db = await abrirBaseDeDatos(`http://127.0.0.1:${await puertoCerrado()}`, { tiempoLimiteMs: 5000 });
    const app = createApp({ db, mailer: null, reloj: () => new Date(), config: e.config });
    try {
      for (const [ruta, pedido] of [
        ['/api/salud', {}],
        ['/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'Clave-Demo-2026' } }],
        ['/api/usuario', { token }],
      ] as const) {
        const r = await pedir(app, ruta, pedido);
        expect(r.status, ruta).toBe(503);
        expect(r.headers.get('Retry-After'), ruta).toBe('5');
        expect(r.headers.get('Content-Type')).toBe('application/problem+json; charset=UTF-8');
        expect(await r.json()).toMatchObject({ status: 503, codigo: 'SERVICIO_NO_DISPONIBLE' });
      }
    } finally {
      db.close();
    }
  });

  test('before the database is reached and migrated (baseLista false): /api 503, catalogs and OpenAPI still served', async () => {
    let lista = false;
    const app = createApp({ db: e.db, mailer: null, reloj: e.reloj.ahora, config: e.config, baseLista: () => lista });
    const salud = await pedir(app, '/api/salud');
    expect(salud.status).toBe(503);
    expect(salud.headers.get('Retry-After')).toBe('5');
    expect((await pedir(app, '/api/usuario', { token })).status).toBe(503);
    expect((await pedir(app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'x' } })).status).toBe(503);
    expect((await pedir(app, '/api/catalogos/provincias')).status).toBe(200);
    expect((await pedir(app, '/api/openapi.json')).status).toBe(200);
    lista = true;
    expect((await pedir(app, '/api/salud')).status).toBe(200);
  });
});

describe('unusual but plausible text', () => {
  test('a name in decomposed Unicode (NFD, as pasted from macOS) is the same name, stored in NFC', async () => {
    const r = await put(actualizacionTmacay({ nombre: 'TI\u0301TO MACAY' }));
    expect(r.status).toBe(200);
    expect(((await r.json()) as { nombre: string }).nombre).toBe('TÍTO MACAY');
    expect((await put(actualizacionTmacay())).status).toBe(200);
  });

  test('a dirección with control characters (NUL, ESC) → 422 FORMATO naming it, nothing saved', async () => {
    const antes = (await pedir(e.app, '/api/usuario', { token })).headers.get('ETag');
    for (const direccion of ['Av. 9 de Octubre\u0000 424', 'Av. 9 de Octubre \u001b[31m424']) {
      const r = await put(actualizacionTmacay({ direccion }));
      expect(r.status).toBe(422);
      expect(((await r.json()) as { errores: unknown[] }).errores).toEqual([
        { campo: 'direccion', codigo: 'FORMATO', mensaje: 'Dirección: contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.' },
      ]);
    }
    expect((await pedir(e.app, '/api/usuario', { token })).headers.get('ETag')).toBe(antes);
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

describe('CAMBIO_TOTAL: word order ignored, whatever the correction does to the alphabetical order', () => {
  test.each([
    ['a surname\'s first letter corrected', 'TITO VACAY'],
    ['the first name\'s first letter corrected', 'ZITO MACAY'],
    ['words swapped and a letter corrected', 'VACAY TITO'],
    ['accents added, words swapped', 'MÁCAY TÍTO'],
  ])('%s: "%s" is a correction (200)', async (_caso, nombre) => {
    const r = await put(actualizacionTmacay({ nombre }));
    expect(r.status).toBe(200);
    expect((await put(actualizacionTmacay())).status).toBe(200);
  });

  test.each(['PEDRO PEREZ', 'MACAY TITO PEREZ', 'VICTOR MACAYO'])('"%s" is a complete change (CAMBIO_TOTAL)', async (nombre) => {
    expect(await errores(await put(actualizacionTmacay({ nombre })))).toEqual([['nombre', 'CAMBIO_TOTAL']]);
  });
});

describe('deeply nested JSON within 16 KiB is refused with 422, never 500', () => {
  const anidado = (profundidad: number) => `${'['.repeat(profundidad)}${']'.repeat(profundidad)}`;

  test('PUT /api/usuario with 8000 nested arrays in fax and in celular.numero', async () => {
    const etag = await versionActual(e.app, token);
    for (const [clave, cuerpo] of [
      ['fax', JSON.stringify(actualizacionTmacay()).replace('"fax":null', `"fax":${anidado(8000)}`)],
      ['celular.numero', JSON.stringify(actualizacionTmacay()).replace('"numero":"0991234567"', `"numero":${anidado(8000)}`)],
    ] as const) {
      const r = await actualizarUsuario(e.app, token, cuerpo, etag);
      expect(await errores(r), clave).toContainEqual([clave, 'FORMATO']);
    }
  });

  test('POST /api/sesiones with 8000 nested arrays as idUsuario', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: `{"idUsuario":${anidado(8000)},"contrasena":"x"}` });
    expect(await errores(r)).toEqual([['idUsuario', 'FORMATO']]);
  });
});

describe('mantenerCorreo: true with the email fields filled in', () => {
  test('they are ignored: 200 and the email stays', async () => {
    const r = await put(
      actualizacionTmacay({ correo: 'otro@example.com', confirmacionCorreo: 'otro@example.com', codigoSeguridad: 'ABCD2345', telefono2: '042999111' }),
    );
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ correo: 'tito.macay@example.com', telefono2: '042999111' });
    expect((await put(actualizacionTmacay())).status).toBe(200);
  });
});
