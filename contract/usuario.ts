import * as v from 'valibot';
import {
  colapsarEspacios,
  contarCaracteres,
  normalizarCodigo,
  normalizarCorreo,
  normalizarTelefono,
  ALFABETO_CODIGO,
  LETRAS_DE_NOMBRE,
  longitudContrasenaValida,
  LONGITUD_CODIGO,
  TEXTO_VISIBLE,
} from './texto.js';

// Schemas carry codes (DESIGN §4), never UI text: each message below is a field error code.
// `aErrores` (errores.ts) turns the issues into the `errores` array.

export const OPERADORAS = ['CLARO', 'MOVISTAR', 'CNT', 'TUENTI', 'OTROS'] as const;
export type Operadora = (typeof OPERADORAS)[number];
export const TIPOS_DOCUMENTO = ['RUC', 'CEDULA', 'PASAPORTE'] as const;
export const ECUADOR = 'EC';

const MAX_DIGITOS = 14;

/** A value of the wrong type is FORMATO; a missing or null one is REQUERIDO. */
const tipoEsperado = (issue: v.BaseIssue<unknown>) => (issue.input == null ? 'REQUERIDO' : 'FORMATO');

/**
 * A required string: missing, null or blank → REQUERIDO. NFC first: a name pasted in decomposed
 * form ("A" + U+0301, as macOS may give it) is the same name as "Á".
 */
export const TextoRequeridoSchema = v.pipe(v.string(tipoEsperado), v.normalize('NFC'), v.trim(), v.nonEmpty('REQUERIDO'));

/** An optional string: missing, null or blank → null (DESIGN §4: absent optional values are null). */
const opcional = v.pipe(
  v.nullish(v.string('FORMATO'), null),
  v.transform((texto) => (texto == null || texto.trim() === '' ? null : texto.normalize('NFC').trim())),
);

/**
 * `minimo`–`maximo` characters counted as code points (`contarCaracteres`), as JSON Schema's
 * minLength and maxLength count them; the metadata puts them in the OpenAPI document.
 */
function caracteresEntre(minimo: number, maximo: number) {
  return [
    v.check((texto: string) => {
      const n = contarCaracteres(texto);
      return n >= minimo && n <= maximo;
    }, 'LONGITUD'),
    v.metadata<string, { minLength: number; maxLength: number }>({ minLength: minimo, maxLength: maximo }),
  ] as const;
}

/** Free text: `minimo`–`maximo` characters, only visible ones (`TEXTO_VISIBLE`). */
function textoLibre(minimo: number, maximo: number) {
  return v.pipe(TextoRequeridoSchema, ...caracteresEntre(minimo, maximo), v.regex(TEXTO_VISIBLE, 'FORMATO'));
}

/** A phone number (Teléfono1/2, celular, fax): typed separators and +593 normalised, then only digits, at most 14. */
const digitos = v.pipe(
  v.string(),
  v.transform(normalizarTelefono),
  v.regex(/^\d+$/, 'FORMATO'),
  v.maxLength(MAX_DIGITOS, 'LONGITUD'),
);

/** The typographic apostrophe (U+2019), which phones type for ', is the apostrophe of the name. */
const APOSTROFO_TIPOGRAFICO = /\u2019/g;

/** Stored in capitals, as the seed shows it (TITO MACAY): «Tito Macay» is the same name. */
export const NombreSchema = v.pipe(
  TextoRequeridoSchema,
  v.transform((nombre) => colapsarEspacios(nombre).replace(APOSTROFO_TIPOGRAFICO, "'")),
  ...caracteresEntre(3, 100),
  v.regex(LETRAS_DE_NOMBRE, 'FORMATO'),
  // After the letter check: toUpperCase turns letters of other scripts into A–Z (ß → SS, ﬁ → FI).
  v.toUpperCase(),
);

export const CorreoSchema = v.pipe(
  TextoRequeridoSchema,
  v.transform(normalizarCorreo),
  v.maxLength(254, 'LONGITUD'),
  v.email('FORMATO'),
);

export const CodigoSeguridadSchema = v.pipe(
  TextoRequeridoSchema,
  v.transform(normalizarCodigo),
  v.regex(new RegExp(`^[${ALFABETO_CODIGO}]{${LONGITUD_CODIGO}}$`), 'FORMATO'),
);

/** A new password: NFKC-normalised, 12–128 characters, nothing else trimmed or truncated. */
export const ContrasenaNuevaSchema = v.pipe(
  v.string(tipoEsperado),
  v.nonEmpty('REQUERIDO'),
  v.transform((contrasena) => contrasena.normalize('NFKC')),
  v.check(longitudContrasenaValida, 'LONGITUD'),
);

/** A password typed to prove identity (login, check, re-authentication). */
export const ContrasenaSchema = v.pipe(v.string(tipoEsperado), v.nonEmpty('REQUERIDO'), v.maxLength(1024, 'LONGITUD'));

/** A landline with its area code (02–07) or a mobile: Teléfono1 and Teléfono2 take either. */
const telefonoEcuador = /^(?:0[2-7]\d{7}|09\d{8})$/;
const celularEcuador = /^09\d{8}$/;
const telefonoExterior = /^\d{6,14}$/;

function telefonoValido(numero: string | null, pais: string): boolean {
  if (numero === null) return true;
  return (pais === ECUADOR ? telefonoEcuador : telefonoExterior).test(numero);
}

/** The new password and its confirmation (NFKC, like the password), which must be equal. */
const contrasenaNueva = {
  contrasena: ContrasenaNuevaSchema,
  confirmacion: v.pipe(v.string(tipoEsperado), v.transform((contrasena) => contrasena.normalize('NFKC'))),
};

export const CambioClaveSchema = v.pipe(
  v.strictObject({ contrasenaAnterior: ContrasenaSchema, ...contrasenaNueva }),
  v.forward(
    v.partialCheck([['contrasena'], ['confirmacion']], (c) => c.contrasena === c.confirmacion, 'NO_COINCIDE'),
    ['confirmacion'],
  ),
);

/** The form of the password-reset page that unblocks an account (DESIGN §4): no old password. */
export const RestablecimientoContrasenaSchema = v.pipe(
  v.strictObject(contrasenaNueva),
  v.forward(
    v.partialCheck([['contrasena'], ['confirmacion']], (c) => c.contrasena === c.confirmacion, 'NO_COINCIDE'),
    ['confirmacion'],
  ),
);

/**
 * The body of `PUT /api/usuario` (DESIGN §4). Format and cross-field rules only; the BFF adds
 * what needs data: catalogs, the name-correction rule, the current email, the code, the password.
 */
export const UsuarioUpdateSchema = v.pipe(
  v.strictObject({
    nombre: NombreSchema,
    pais: v.pipe(TextoRequeridoSchema, v.toUpperCase(), v.regex(/^[A-Z]{2}$/, 'FORMATO')),
    provincia: v.pipe(opcional, v.nullable(v.pipe(v.string(), v.regex(/^\d{2}$/, 'FORMATO')))),
    ciudad: v.pipe(opcional, v.nullable(v.pipe(v.string(), v.regex(/^\d{4}$/, 'FORMATO')))),
    direccion: textoLibre(5, 200),
    telefono1: v.pipe(TextoRequeridoSchema, digitos),
    telefono2: v.pipe(opcional, v.nullable(digitos)),
    celular: v.strictObject({
      operadora: v.picklist(OPERADORAS, 'NO_PERMITIDO'),
      numero: v.pipe(TextoRequeridoSchema, digitos),
    }),
    fax: v.pipe(opcional, v.nullable(digitos)),
    mantenerCorreo: v.boolean(tipoEsperado),
    correo: v.optional(v.nullable(v.string('FORMATO'))),
    confirmacionCorreo: v.optional(v.nullable(v.string('FORMATO'))),
    codigoSeguridad: v.optional(v.nullable(v.string('FORMATO'))),
    cambioClave: v.optional(v.nullable(CambioClaveSchema)),
  }),
  v.forward(
    v.partialCheck([['pais'], ['provincia']], (u) => u.pais !== ECUADOR || u.provincia !== null, 'REQUERIDO'),
    ['provincia'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['provincia']], (u) => u.pais === ECUADOR || u.provincia === null, 'NO_PERMITIDO'),
    ['provincia'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['ciudad']], (u) => u.pais !== ECUADOR || u.ciudad !== null, 'REQUERIDO'),
    ['ciudad'],
  ),
  v.forward(
    v.partialCheck(
      [['pais'], ['provincia'], ['ciudad']],
      (u) => (u.pais === ECUADOR ? !u.ciudad || u.ciudad.startsWith(u.provincia ?? '-') : !u.ciudad),
      'NO_PERMITIDO',
    ),
    ['ciudad'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['telefono1']], (u) => u.pais !== ECUADOR || telefonoValido(u.telefono1, ECUADOR), 'FORMATO'),
    ['telefono1'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['telefono1']], (u) => u.pais === ECUADOR || telefonoValido(u.telefono1, u.pais), 'LONGITUD'),
    ['telefono1'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['telefono2']], (u) => u.pais !== ECUADOR || telefonoValido(u.telefono2 ?? null, ECUADOR), 'FORMATO'),
    ['telefono2'],
  ),
  v.forward(
    v.partialCheck([['pais'], ['telefono2']], (u) => u.pais === ECUADOR || telefonoValido(u.telefono2 ?? null, u.pais), 'LONGITUD'),
    ['telefono2'],
  ),
  v.forward(
    v.partialCheck(
      [['celular', 'operadora'], ['celular', 'numero']],
      (u) => u.celular.operadora === 'OTROS' || celularEcuador.test(u.celular.numero),
      'FORMATO',
    ),
    ['celular', 'numero'],
  ),
  v.forward(
    v.partialCheck(
      [['celular', 'operadora'], ['celular', 'numero']],
      (u) => u.celular.operadora !== 'OTROS' || telefonoExterior.test(u.celular.numero),
      'LONGITUD',
    ),
    ['celular', 'numero'],
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const u = dataset.value;
    if (u.mantenerCorreo) return { ...u, correo: null, confirmacionCorreo: null, codigoSeguridad: null };
    const correo = v.safeParse(CorreoSchema, u.correo);
    const codigo = v.safeParse(CodigoSeguridadSchema, u.codigoSeguridad);
    const confirmacion = normalizarCorreo(u.confirmacionCorreo ?? '');
    let valido = true;
    for (const [campo, resultado] of [['correo', correo], ['codigoSeguridad', codigo]] as const) {
      if (!resultado.success) {
        valido = false;
        addIssue({ message: resultado.issues[0].message, path: [ruta(campo, u[campo])] });
      }
    }
    if (confirmacion === '') {
      valido = false;
      addIssue({ message: 'REQUERIDO', path: [ruta('confirmacionCorreo', u.confirmacionCorreo)] });
    } else if (correo.success && confirmacion !== correo.output) {
      valido = false;
      addIssue({ message: 'NO_COINCIDE', path: [ruta('confirmacionCorreo', u.confirmacionCorreo)] });
    }
    if (!valido || !correo.success || !codigo.success) return NEVER;
    return { ...u, correo: correo.output, confirmacionCorreo: correo.output, codigoSeguridad: codigo.output };
  }),
);

/** A path item for an issue raised by hand on a key of the update object. */
function ruta(key: string, value: unknown) {
  return { type: 'object' as const, origin: 'value' as const, input: {}, key, value };
}

export type UsuarioUpdateInput = v.InferInput<typeof UsuarioUpdateSchema>;
export type UsuarioUpdate = v.InferOutput<typeof UsuarioUpdateSchema>;

/** The body of `POST /api/usuario/baja`. */
export const BajaInputSchema = v.strictObject({
  motivo: textoLibre(10, 500),
});
