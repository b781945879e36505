import { beforeAll, describe, expect, test } from 'vitest';
import type { ErrorCampo } from '../../contract/index.js';
import {
  actualizacionDemo,
  actualizacionTmacay,
  actualizarUsuario,
  camposConError,
  erroresDe,
  iniciarSesion,
  pedir,
  problemaValidacion,
  versionActual as versionDe,
} from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// Every rule of DESIGN §2 through PUT /api/usuario. A refused value leaves the data unchanged, so
// one environment serves every bad case; good values each bump the version.

const e = usarEntorno({}, 'todo el archivo');
let token: string;
beforeAll(async () => {
  token = await iniciarSesion(e.app);
});

const versionActual = () => versionDe(e.app, token);
const put = async (cambios: Record<string, unknown>) => actualizarUsuario(e.app, token, actualizacionTmacay(cambios), await versionActual());
const putCuerpo = async (cuerpo: unknown) => actualizarUsuario(e.app, token, cuerpo, await versionActual());

/** `cuerpo` without `claves` (a key left out, not sent as null). */
function sin(cuerpo: Record<string, unknown>, ...claves: string[]): Record<string, unknown> {
  const copia = { ...cuerpo };
  for (const clave of claves) delete copia[clave];
  return copia;
}

const EC = { pais: 'EC', provincia: '09', ciudad: '0901' };
const EXTERIOR = { pais: 'US', provincia: null, ciudad: null, telefono1: '12125550100', celular: { operadora: 'OTROS', numero: '12125550199' } };

type Caso = [descripcion: string, cambios: Record<string, unknown>, campo: string, codigo: ErrorCampo['codigo'], mensaje: string, ...derivados: string[]];

const CIUDAD_NO_PERMITIDA: ErrorCampo = {
  campo: 'ciudad',
  codigo: 'NO_PERMITIDO',
  mensaje: 'Ciudad: solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.',
};
const PROVINCIA_NO_PERMITIDA: ErrorCampo = {
  campo: 'provincia',
  codigo: 'NO_PERMITIDO',
  mensaje: 'Provincia: solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.',
};
/** Errors the contract's cross-field rules add on dependent fields. */
const DERIVADOS: Record<string, ErrorCampo> = { ciudad: CIUDAD_NO_PERMITIDA, provincia: PROVINCIA_NO_PERMITIDA };

const NOMBRE_FORMATO =
  'Nombre Usuario: solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.';
const DIRECCION_FORMATO =
  'Dirección: contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.';

const SEPARADORES = 'solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).';
const TELEFONO_FORMATO = `en Ecuador debe ser un fijo con código de área (0, del 2 al 7 y 7 dígitos: 042345678) o un celular (09 y 8 dígitos: 0991234567); ${SEPARADORES}`;
const TELEFONO1_FORMATO = `Teléfono1: ${TELEFONO_FORMATO}`;
const TELEFONO2_FORMATO = `Teléfono2: ${TELEFONO_FORMATO}`;
const CELULAR_FORMATO = `Número de Celular: debe ser 09 y 8 dígitos (0991234567) con Claro, Movistar, CNT o Tuenti; ${SEPARADORES}`;

const MALOS: Caso[] = [
  ['nombre missing', { nombre: undefined }, 'nombre', 'REQUERIDO', 'Nombre Usuario: es obligatorio.'],
  ['nombre blank', { nombre: '   ' }, 'nombre', 'REQUERIDO', 'Nombre Usuario: es obligatorio.'],
  ['nombre too short', { nombre: 'TI' }, 'nombre', 'LONGITUD', 'Nombre Usuario: debe tener entre 3 y 100 caracteres.'],
  ['nombre too long', { nombre: `TITO ${'A'.repeat(100)}` }, 'nombre', 'LONGITUD', 'Nombre Usuario: debe tener entre 3 y 100 caracteres.'],
  ...[
    ['a look-alike from IPA (ʝ, U+029D)', 'ʝITO MACAY'],
    ['a titlecase digraph (ǅ, U+01C5)', 'ǅITO MACAY'],
    ['fullwidth letters', 'ＴＩＴＯ MACAY'],
    ['a Cyrillic І (U+0406)', 'TІTO MACAY'],
    ['a Greek Α (U+0391)', 'TITO MΑCAY'],
    ['a letter with a grave accent (È)', 'TÈTO MACAY'],
    ['a sharp s (ß), which uppercases to SS', 'TITO MAßAY'],
    ['a ligature (ﬁ), which uppercases to FI', 'TITO MAﬁ'],
    ['a zero-width space inside', 'TITO\u200BMACAY'],
    ['a right-to-left override', 'TITO MACAY\u202E'],
    ['a no-break space inside', 'TITO\u00A0MACAY'],
    ['a line separator inside', 'TITO\u2028MACAY'],
  ].map(([caso, nombre]): Caso => [`nombre with ${caso}`, { nombre }, 'nombre', 'FORMATO', NOMBRE_FORMATO]),
  ...[
    ['five zero-width spaces', '\u200B'.repeat(5)],
    ['a zero-width joiner inside', 'Av. 9 de\u200D Octubre 424'],
    ['a right-to-left override (U+202E)', 'Av. 9 de Octubre \u202E424'],
    ['a line separator (U+2028)', 'Av. 9 de Octubre\u2028424'],
    ['a paragraph separator (U+2029)', 'Av. 9 de Octubre\u2029424'],
    ['a no-break space (U+00A0)', 'Av.\u00A09 de Octubre 424'],
    ['an ideographic space (U+3000)', 'Av. 9 de\u3000Octubre 424'],
    ['a soft hyphen (U+00AD)', 'Av. 9 de Oc\u00ADtubre 424'],
    ['a private-use character', 'Av. 9 de Octubre \uE000 424'],
    ['NUL', 'Av. 9 de Octubre\u0000 424'],
  ].map(([caso, direccion]): Caso => [`direccion with ${caso}`, { direccion }, 'direccion', 'FORMATO', DIRECCION_FORMATO]),
  // Lengths are code points: 'Av 🦙' is 4 characters (5 UTF-16 units), 201 emoji are 201 (402 units).
  ['direccion of 4 code points', { direccion: 'Av 🦙' }, 'direccion', 'LONGITUD', 'Dirección: debe tener entre 5 y 200 caracteres.'],
  ['direccion of 201 code points', { direccion: '🦙'.repeat(201) }, 'direccion', 'LONGITUD', 'Dirección: debe tener entre 5 y 200 caracteres.'],
  ['nombre with digits', { nombre: 'TITO MACAY 2' }, 'nombre', 'FORMATO', NOMBRE_FORMATO],
  ['nombre with symbols', { nombre: 'TITO <MACAY>' }, 'nombre', 'FORMATO', NOMBRE_FORMATO],
  ['nombre not a string', { nombre: 42 }, 'nombre', 'FORMATO', NOMBRE_FORMATO],
  ['pais missing', { pais: '' }, 'pais', 'REQUERIDO', 'País: es obligatorio.'],
  ['pais malformed', { pais: 'ECU' }, 'pais', 'FORMATO', 'País: no tiene un formato válido.', 'provincia', 'ciudad'],
  ['pais not in the catalog', { pais: 'XX', provincia: null, ciudad: null }, 'pais', 'NO_PERMITIDO', 'País: no es un país del catálogo.'],
  ['provincia missing for EC', { provincia: null }, 'provincia', 'REQUERIDO', 'Provincia: es obligatorio.', 'ciudad'],
  ['provincia given abroad', { ...EXTERIOR, provincia: '09' }, 'provincia', 'NO_PERMITIDO', 'Provincia: solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.'],
  ['provincia not in the catalog', { provincia: '25', ciudad: '2501' }, 'provincia', 'NO_PERMITIDO', 'Provincia: solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.'],
  ['provincia malformed', { provincia: '9' }, 'provincia', 'FORMATO', 'Provincia: no tiene un formato válido.', 'ciudad'],
  ['ciudad missing for EC', { ciudad: '' }, 'ciudad', 'REQUERIDO', 'Ciudad: es obligatorio.'],
  ['ciudad of another province', { ciudad: '1701' }, 'ciudad', 'NO_PERMITIDO', 'Ciudad: solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.'],
  ['ciudad not in the catalog', { ciudad: '0999' }, 'ciudad', 'NO_PERMITIDO', 'Ciudad: solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.'],
  ['ciudad given abroad', { ...EXTERIOR, ciudad: '0901' }, 'ciudad', 'NO_PERMITIDO', 'Ciudad: solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.'],
  ['direccion missing', { direccion: null }, 'direccion', 'REQUERIDO', 'Dirección: es obligatorio.'],
  ['direccion too short', { direccion: 'Av 1' }, 'direccion', 'LONGITUD', 'Dirección: debe tener entre 5 y 200 caracteres.'],
  ['direccion too long', { direccion: 'A'.repeat(201) }, 'direccion', 'LONGITUD', 'Dirección: debe tener entre 5 y 200 caracteres.'],
  ['telefono1 missing', { telefono1: '' }, 'telefono1', 'REQUERIDO', 'Teléfono1: es obligatorio.'],
  ['telefono1 with letters', { telefono1: '04234567a' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 EC without area code', { telefono1: '2345678' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 EC area code 08', { telefono1: '082345678' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 EC mobile of 9 digits', { telefono1: '099123456' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  // What cannot be part of a number is refused, never dropped (DESIGN §2).
  ['telefono1 with an extension', { telefono1: '+593 (04) 234-5678 ext 12' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 with dots', { telefono1: '04.234.5678' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 with a prefix other than +593', { telefono1: '+1 212 555 0100' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 abroad with letters', { ...EXTERIOR, telefono1: '212-555-CASA' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 of separators only', { telefono1: '( - )' }, 'telefono1', 'FORMATO', TELEFONO1_FORMATO],
  ['telefono1 abroad too short', { ...EXTERIOR, telefono1: '12345' }, 'telefono1', 'LONGITUD', 'Teléfono1: debe tener entre 6 y 14 dígitos.'],
  ['telefono1 over 14 digits', { ...EXTERIOR, telefono1: '123456789012345' }, 'telefono1', 'LONGITUD', 'Teléfono1: debe tener entre 6 y 14 dígitos.'],
  ['telefono2 EC malformed', { telefono2: '12345678' }, 'telefono2', 'FORMATO', TELEFONO2_FORMATO],
  ['telefono2 with a + in the middle', { telefono2: '04+2345678' }, 'telefono2', 'FORMATO', TELEFONO2_FORMATO],
  ['celular operator unknown', { celular: { operadora: 'DIGICEL', numero: '0991234567' } }, 'celular.operadora', 'NO_PERMITIDO', 'Operadora del celular: tiene un valor no permitido.'],
  ['celular number missing', { celular: { operadora: 'CLARO', numero: '' } }, 'celular.numero', 'REQUERIDO', 'Número de Celular: es obligatorio.'],
  ['celular not 09 + 8 digits', { celular: { operadora: 'MOVISTAR', numero: '0891234567' } }, 'celular.numero', 'FORMATO', CELULAR_FORMATO],
  ['celular 9 digits', { celular: { operadora: 'CNT', numero: '099123456' } }, 'celular.numero', 'FORMATO', CELULAR_FORMATO],
  ['celular OTROS too short', { celular: { operadora: 'OTROS', numero: '12345' } }, 'celular.numero', 'LONGITUD', 'Número de Celular: debe tener entre 6 y 14 dígitos.'],
  ['celular with a landline', { celular: { operadora: 'TUENTI', numero: '(04) 234-5678' } }, 'celular.numero', 'FORMATO', CELULAR_FORMATO],
  ['celular OTROS with a slash', { celular: { operadora: 'OTROS', numero: '099/1234567' } }, 'celular.numero', 'FORMATO', CELULAR_FORMATO],
  ['celular over 14 digits after +593', { celular: { operadora: 'OTROS', numero: '+593 99 123 4567 89012' } }, 'celular.numero', 'LONGITUD', 'Número de Celular: debe tener entre 6 y 14 dígitos.'],
  ['celular extra key', { celular: { operadora: 'CLARO', numero: '0991234567', pais: 'EC' } }, 'celular.pais', 'NO_MODIFICABLE', 'celular.pais: no se puede modificar.'],
  ['fax with letters', { fax: '04FAX' }, 'fax', 'FORMATO', `Fax: ${SEPARADORES}`],
  ['fax over 14 digits', { fax: '123456789012345' }, 'fax', 'LONGITUD', 'Fax: admite como máximo 14 dígitos.'],
  ['mantenerCorreo missing', { mantenerCorreo: undefined }, 'mantenerCorreo', 'REQUERIDO', 'Desea mantener el mismo correo electrónico: es obligatorio.'],
  ['mantenerCorreo not a boolean', { mantenerCorreo: 'si' }, 'mantenerCorreo', 'FORMATO', 'Desea mantener el mismo correo electrónico: no tiene un formato válido.'],
  ['correo malformed', { mantenerCorreo: false, correo: 'no-es-correo', confirmacionCorreo: 'no-es-correo', codigoSeguridad: 'ABCD2345' }, 'correo', 'FORMATO', 'Correo Electrónico: no es una dirección de correo electrónico válida.'],
  ['confirmacion different', { mantenerCorreo: false, correo: 'a@example.com', confirmacionCorreo: 'b@example.com', codigoSeguridad: 'ABCD2345' }, 'confirmacionCorreo', 'NO_COINCIDE', 'Confirmación de correo electrónico: debe ser igual al Correo Electrónico.'],
  ['codigo malformed', { mantenerCorreo: false, correo: 'a@example.com', confirmacionCorreo: 'a@example.com', codigoSeguridad: 'ABC' }, 'codigoSeguridad', 'FORMATO', 'Código de seguridad: tiene 8 caracteres (números y letras).'],
];

describe('every field rule refuses bad values, naming the field, and changes nothing', () => {
  test.each(MALOS)('%s', async (_descripcion, cambios, campo, codigo, mensaje, ...derivados) => {
    const versionAntes = await versionActual();
    const cuerpo = actualizacionTmacay(cambios);
    for (const [clave, valor] of Object.entries(cambios)) if (valor === undefined) delete cuerpo[clave];
    const r = await actualizarUsuario(e.app, token, cuerpo, await versionActual());
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual(problemaValidacion([{ campo, codigo, mensaje }, ...derivados.map((d) => DERIVADOS[d]!)]));
    expect(await versionActual()).toBe(versionAntes);
  });

  test('several bad fields are all reported at once', async () => {
    const r = await put({ direccion: 'x', telefono1: 'abc', fax: 'f' });
    expect((await erroresDe(r)).map((error) => error.campo)).toEqual([
      'direccion',
      'telefono1',
      'fax',
    ]);
  });
});

type Bueno = [descripcion: string, cambios: Record<string, unknown>, guardado: Record<string, unknown>];

const BUENOS: Bueno[] = [
  ['a name with accents, ü and a dot, stored in capitals', { nombre: 'Tító Macüy.' }, { nombre: 'TÍTÓ MACÜY.' }],
  ['a direccion of 200 emoji: 200 characters, 400 UTF-16 units', { direccion: '🦙'.repeat(200) }, { direccion: '🦙'.repeat(200) }],
  ['a direccion with a tab and spaces', { direccion: 'Av. 9 de Octubre\t424 y Malecón' }, { direccion: 'Av. 9 de Octubre\t424 y Malecón' }],
  ['a name with ñ, an apostrophe and a dash', { nombre: "T'ito Macay-ñ" }, { nombre: "T'ITO MACAY-Ñ" }],
  ['Pichincha / Quito', { provincia: '17', ciudad: '1701' }, { provincia: '17', ciudad: '1701' }],
  ['Santo Domingo / La Concordia', { provincia: '23', ciudad: '2302' }, { provincia: '23', ciudad: '2302' }],
  ['an EC phone of each area code 02–07', { telefono1: '072345678', telefono2: '052345678' }, { telefono1: '072345678', telefono2: '052345678' }],
  ['each operator with 09 + 8 digits', { celular: { operadora: 'TUENTI', numero: '0951234567' } }, { celular: { operadora: 'TUENTI', numero: '0951234567' } }],
  ['OTROS with a foreign number', { celular: { operadora: 'OTROS', numero: '51987654321' } }, { celular: { operadora: 'OTROS', numero: '51987654321' } }],
  ['a fax of 14 digits', { fax: '12345678901234' }, { fax: '12345678901234' }],
  // Phones as people type them (DESIGN §2): separators dropped, +593 → the national 0.
  ['a mobile number in Teléfono1', { telefono1: '0991234567' }, { telefono1: '0991234567' }],
  ['+593 and spaces in Teléfono1', { telefono1: '+593 4 234 5678' }, { telefono1: '042345678' }],
  ['+593, parentheses around the area code and a dash', { telefono1: '+593 (04) 234-5678', telefono2: '(02) 234–5678' }, { telefono1: '042345678', telefono2: '022345678' }],
  ['a mobile with +593 and dashes', { telefono2: '+593-99-123-4567' }, { telefono2: '0991234567' }],
  ['a celular typed in groups, and a fax with +593', { celular: { operadora: 'CLARO', numero: '099 123 4567' }, fax: '+593 4 234 5679' }, { celular: { operadora: 'CLARO', numero: '0991234567' }, fax: '042345679' }],
  ['abroad: a phone in groups', { ...EXTERIOR, telefono1: '212 555 0100' }, { pais: 'US', telefono1: '2125550100' }],
  ['abroad: 6-digit phone, no province or city', { ...EXTERIOR, telefono1: '123456' }, { pais: 'US', provincia: null, ciudad: null, telefono1: '123456' }],
  ['back to Guayaquil', { ...EC }, { ...EC }],
];

describe('good values are stored', () => {
  test.each(BUENOS)('%s', async (_descripcion, cambios, guardado) => {
    const r = await put(cambios);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject(guardado);
  });
});

describe('the letters of Spanish names pass (each case starts from TITO MACAY)', () => {
  test.each([
    ['the accented vowels, Ñ and Ü in capitals', 'TÍTÉ MÁCÜÑ', 'TÍTÉ MÁCÜÑ'],
    ['the accented vowels, ñ and ü in small letters, stored in capitals', 'tító mácúñ', 'TÍTÓ MÁCÚÑ'],
    ['a typographic apostrophe (as phones type it), stored as \'', 'TITO D’MACAY', "TITO D'MACAY"],
  ])('%s', async (_caso, nombre, guardado) => {
    const r = await put({ nombre });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ nombre: guardado });
    expect((await put({ nombre: 'TITO MACAY' })).status).toBe(200);
  });
});

describe('the name may only be corrected (DESIGN §2)', () => {
  const CORRECCIONES = ['TITO MACAI', 'TITO MACAYY', 'MACAY TITO', 'tito macay', 'TIOT MACAY', 'TITO MACAY A'];
  test.each(CORRECCIONES)('a correction passes: "%s"', async (nombre) => {
    const r = await put({ nombre });
    expect(r.status).toBe(200);
    await put({ nombre: 'TITO MACAY' });
  });

  test.each(['PEDRO PEREZ', 'MARIA ZAMBRANO', 'JUAN CARLOS MACAY'])(
    'a different person\'s name is refused with CAMBIO_TOTAL pointing to the baja: "%s"',
    async (nombre) => {
      const r = await put({ nombre });
      expect(r.status).toBe(422);
      expect(await r.json()).toEqual(problemaValidacion([
        {
          campo: 'nombre',
          codigo: 'CAMBIO_TOTAL',
          mensaje:
            'Nombre Usuario: solo admite corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo solicite la baja de este usuario y registre uno nuevo.',
        },
      ]));
    },
  );

  test('corrections do not add up: MARIA ZAMBRANO → PEDRO ALVARADO one letter at a time is refused at the 5th step', async () => {
    // Budget: max(3, ⌈25 % of 14⌉) = 4 from the name as first registered; each step is 1 from the last.
    const tk = await iniciarSesion(e.app, 'mzambrano');
    const pasos = ['PARIA ZAMBRANO', 'PERIA ZAMBRANO', 'PEDIA ZAMBRANO', 'PEDRA ZAMBRANO', 'PEDRO ZAMBRANO', 'PEDRO AAMBRANO'];
    const estados: number[] = [];
    for (const nombre of pasos) {
      const r = await actualizarUsuario(e.app, tk, actualizacionDemo('mzambrano', { nombre }), await versionDe(e.app, tk));
      estados.push(r.status);
      if (r.status === 422) expect(await erroresDe(r)).toEqual([
        {
          campo: 'nombre',
          codigo: 'CAMBIO_TOTAL',
          mensaje:
            'Nombre Usuario: solo admite corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo solicite la baja de este usuario y registre uno nuevo.',
        },
      ]);
    }
    expect(estados).toEqual([200, 200, 200, 200, 422, 422]);
    // The read shows both: the name now and the one the corrections are measured from.
    const usuario = (await (await pedir(e.app, '/api/usuario', { token: tk })).json()) as Record<string, unknown>;
    expect(usuario).toMatchObject({ nombre: 'PEDRA ZAMBRANO', nombreRegistrado: 'MARIA ZAMBRANO' });
    // Back towards the registered name is always a correction.
    const vuelta = await actualizarUsuario(e.app, tk, actualizacionDemo('mzambrano', { nombre: 'MARIA ZAMBRANO' }), await versionDe(e.app, tk));
    expect(vuelta.status).toBe(200);
  });

  test('a complete change is reported together with other field errors', async () => {
    const r = await put({ nombre: 'PEDRO PEREZ', telefono1: '1' });
    expect(await camposConError(r)).toEqual([
      ['nombre', 'CAMBIO_TOTAL'],
      ['telefono1', 'FORMATO'],
    ]);
  });
});

describe('PUT /api/usuario: a missing optional key means absent, like null or ""', () => {
  test('Ecuador without the provincia and ciudad keys → 422 REQUERIDO on both, nothing saved', async () => {
    const antes = await versionActual();
    const r = await putCuerpo(sin(actualizacionTmacay(), 'provincia', 'ciudad'));
    expect(await camposConError(r)).toEqual([
      ['provincia', 'REQUERIDO'],
      ['ciudad', 'REQUERIDO'],
    ]);
    expect(await versionActual()).toBe(antes);
  });

  test('Ecuador without the provincia key but with a city → 422 provincia REQUERIDO', async () => {
    expect((await camposConError(await putCuerpo(sin(actualizacionTmacay(), 'provincia'))))[0]).toEqual(['provincia', 'REQUERIDO']);
  });

  test('abroad without the provincia, ciudad, telefono2 and fax keys → 200 with nulls', async () => {
    const cuerpo = sin(
      actualizacionTmacay({ pais: 'US', telefono1: '12125550100', celular: { operadora: 'OTROS', numero: '12125550199' } }),
      'provincia',
      'ciudad',
      'telefono2',
      'fax',
    );
    const r = await putCuerpo(cuerpo);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ pais: 'US', provincia: null, ciudad: null, telefono2: null, fax: null });
    expect((await putCuerpo(actualizacionTmacay())).status).toBe(200);
  });
});
describe('PUT /api/usuario: an unknown country is named', () => {
  test('pais "XX" (with Ecuador\'s province still selected) → pais NO_PERMITIDO among the errors', async () => {
    expect(await camposConError(await putCuerpo(actualizacionTmacay({ pais: 'XX' })))).toContainEqual(['pais', 'NO_PERMITIDO']);
  });

  test('pais "XX" with no province or city → only pais NO_PERMITIDO', async () => {
    expect(await camposConError(await putCuerpo(actualizacionTmacay({ pais: 'XX', provincia: null, ciudad: null })))).toEqual([['pais', 'NO_PERMITIDO']]);
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
    const antes = await versionActual();
    const r = await putCuerpo(actualizacionTmacay(cambios));
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([PROVINCIA]);
    expect(await versionActual()).toBe(antes);
  });

  test('with a known province, the city is still judged: Pichincha with Guayaquil → ciudad NO_PERMITIDO', async () => {
    expect(await camposConError(await putCuerpo(actualizacionTmacay({ provincia: '17', ciudad: '0901' })))).toEqual([['ciudad', 'NO_PERMITIDO']]);
  });

  test('an unknown province and another bad field: both named, the city not', async () => {
    expect(await camposConError(await putCuerpo(actualizacionTmacay({ provincia: '99', ciudad: null, direccion: 'x' })))).toEqual([
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
    const lista = await camposConError(await putCuerpo(actualizacionTmacay(cambios)));
    expect(lista).toContainEqual([campo, codigo]);
  });

  test('the message of a wrong-type error says the format is wrong', async () => {
    const r = await putCuerpo(actualizacionTmacay({ nombre: 42 }));
    expect(await erroresDe(r)).toEqual([
      { campo: 'nombre', codigo: 'FORMATO', mensaje: 'Nombre Usuario: solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.' },
    ]);
  });

  test('login with a number as idUsuario → 422 FORMATO', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 42, contrasena: 'x' } });
    expect(await camposConError(r)).toEqual([['idUsuario', 'FORMATO']]);
  });
});
describe('unusual but plausible text', () => {
  test('a name in decomposed Unicode (NFD, as pasted from macOS) is the same name, stored in NFC', async () => {
    const r = await putCuerpo(actualizacionTmacay({ nombre: 'TI\u0301TO MACAY' }));
    expect(r.status).toBe(200);
    expect(((await r.json()) as { nombre: string }).nombre).toBe('TÍTO MACAY');
    expect((await putCuerpo(actualizacionTmacay())).status).toBe(200);
  });

  test('a dirección with control characters (NUL, ESC) → 422 FORMATO naming it, nothing saved', async () => {
    const antes = (await pedir(e.app, '/api/usuario', { token })).headers.get('ETag');
    for (const direccion of ['Av. 9 de Octubre\u0000 424', 'Av. 9 de Octubre \u001b[31m424']) {
      const r = await putCuerpo(actualizacionTmacay({ direccion }));
      expect(r.status).toBe(422);
      expect(await erroresDe(r)).toEqual([
        { campo: 'direccion', codigo: 'FORMATO', mensaje: 'Dirección: contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.' },
      ]);
    }
    expect((await pedir(e.app, '/api/usuario', { token })).headers.get('ETag')).toBe(antes);
  });
});
describe('CAMBIO_TOTAL: word order ignored, whatever the correction does to the alphabetical order', () => {
  test.each([
    ['a surname\'s first letter corrected', 'TITO VACAY'],
    ['the first name\'s first letter corrected', 'ZITO MACAY'],
    ['words swapped and a letter corrected', 'VACAY TITO'],
    ['accents added, words swapped', 'MÁCAY TÍTO'],
  ])('%s: "%s" is a correction (200)', async (_caso, nombre) => {
    const r = await putCuerpo(actualizacionTmacay({ nombre }));
    expect(r.status).toBe(200);
    expect((await putCuerpo(actualizacionTmacay())).status).toBe(200);
  });

  test.each(['PEDRO PEREZ', 'MACAY TITO PEREZ', 'VICTOR MACAYO'])('"%s" is a complete change (CAMBIO_TOTAL)', async (nombre) => {
    expect(await camposConError(await putCuerpo(actualizacionTmacay({ nombre })))).toEqual([['nombre', 'CAMBIO_TOTAL']]);
  });
});
describe('deeply nested JSON within 16 KiB is refused with 422, never 500', () => {
  const anidado = (profundidad: number) => `${'['.repeat(profundidad)}${']'.repeat(profundidad)}`;

  test('PUT /api/usuario with 8000 nested arrays in fax and in celular.numero', async () => {
    const etag = await versionActual();
    for (const [clave, cuerpo] of [
      ['fax', JSON.stringify(actualizacionTmacay()).replace('"fax":null', `"fax":${anidado(8000)}`)],
      ['celular.numero', JSON.stringify(actualizacionTmacay()).replace('"numero":"0991234567"', `"numero":${anidado(8000)}`)],
    ] as const) {
      const r = await actualizarUsuario(e.app, token, cuerpo, etag);
      expect(await camposConError(r), clave).toContainEqual([clave, 'FORMATO']);
    }
  });

  test('POST /api/sesiones with 8000 nested arrays as idUsuario', async () => {
    const r = await pedir(e.app, '/api/sesiones', { cuerpo: `{"idUsuario":${anidado(8000)},"contrasena":"x"}` });
    expect(await camposConError(r)).toEqual([['idUsuario', 'FORMATO']]);
  });
});
