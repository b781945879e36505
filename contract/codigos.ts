import type { ErrorCampo } from './api.js';

/** Field error codes of DESIGN §4 (`errores[].codigo`). */
export const CODIGOS_CAMPO = [
  'REQUERIDO',
  'FORMATO',
  'LONGITUD',
  'NO_COINCIDE',
  'NO_PERMITIDO',
  'NO_MODIFICABLE',
  'CAMBIO_TOTAL',
  'NO_DISPONIBLE',
  'INCORRECTA',
  'DEBIL',
  'INCORRECTO',
  'EXPIRADO',
  'AGOTADO',
] as const;
export type CodigoCampo = (typeof CODIGOS_CAMPO)[number];

/** Problem codes of DESIGN §4 (`codigo` of the problem+json body). */
export const CODIGOS_PROBLEMA = [
  'VALIDACION',
  'JSON_INVALIDO',
  'NO_AUTENTICADO',
  'CREDENCIALES_INVALIDAS',
  'CUENTA_INACTIVA',
  'CUENTA_BLOQUEADA',
  'ENLACE_NO_VALIDO',
  'CONFLICTO',
  'REAUTENTICACION_REQUERIDA',
  'ORIGEN_NO_PERMITIDO',
  'NO_ENCONTRADO',
  'METODO_NO_PERMITIDO',
  'VERSION_DESACTUALIZADA',
  'PRECONDICION_REQUERIDA',
  'CUERPO_DEMASIADO_GRANDE',
  'TIPO_CONTENIDO',
  'DEMASIADAS_SOLICITUDES',
  'SERVICIO_CORREO_NO_DISPONIBLE',
  'SERVICIO_CORREO_MAL_CONFIGURADO',
  'SERVICIO_NO_DISPONIBLE',
  'ERROR_INTERNO',
] as const;
export type CodigoProblema = (typeof CODIGOS_PROBLEMA)[number];

/** Spanish names of the fields, as the screen labels them (seed §5.5). */
export const ETIQUETAS = {
  idUsuario: 'ID.usuario',
  documento: 'Doc. Identificación',
  nombre: 'Nombre Usuario',
  nombreRegistrado: 'Nombre registrado',
  pais: 'País',
  provincia: 'Provincia',
  ciudad: 'Ciudad',
  direccion: 'Dirección',
  telefono1: 'Teléfono1',
  telefono2: 'Teléfono2',
  celular: 'Número de Celular',
  'celular.operadora': 'Operadora del celular',
  'celular.numero': 'Número de Celular',
  fax: 'Fax',
  mantenerCorreo: 'Desea mantener el mismo correo electrónico',
  correo: 'Correo Electrónico',
  confirmacionCorreo: 'Confirmación de correo electrónico',
  codigoSeguridad: 'Código de seguridad',
  correoSenae: 'SENAE Correo Electrónico',
  cambioClave: 'Cambio de clave',
  'cambioClave.contrasenaAnterior': 'Contraseña anterior',
  'cambioClave.contrasena': 'Contraseña',
  'cambioClave.confirmacion': 'Confirmación de Contraseña',
  contrasenaAnterior: 'Contraseña anterior',
  contrasena: 'Contraseña',
  motivo: 'Motivo',
  version: 'Versión',
} as const satisfies Record<string, string>;
/** A field path the BFF names in `errores[].campo` (an unknown key of a body is named as sent). */
export type CampoConEtiqueta = keyof typeof ETIQUETAS;

const TEXTOS: Record<CodigoCampo, string> = {
  REQUERIDO: 'es obligatorio.',
  FORMATO: 'no tiene un formato válido.',
  LONGITUD: 'no tiene una longitud válida.',
  NO_COINCIDE: 'no coincide.',
  NO_PERMITIDO: 'tiene un valor no permitido.',
  NO_MODIFICABLE: 'no se puede modificar.',
  CAMBIO_TOTAL:
    'solo admite corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo solicite la baja de este usuario y registre uno nuevo.',
  NO_DISPONIBLE: 'ya está registrado por otro usuario.',
  INCORRECTA: 'no es correcta.',
  DEBIL: 'es demasiado fácil de adivinar.',
  INCORRECTO: 'no es correcto.',
  EXPIRADO: 'ha expirado; solicite un nuevo código de seguridad.',
  AGOTADO: 'se anuló tras demasiados intentos; solicite un nuevo código de seguridad.',
};

/** What a phone field takes besides digits (DESIGN §2); any other character is refused, never dropped. */
const SEPARADORES = 'solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).';
const TELEFONO_FORMATO = `en Ecuador debe ser un fijo con código de área (0, del 2 al 7 y 7 dígitos: 042345678) o un celular (09 y 8 dígitos: 0991234567); ${SEPARADORES}`;

const INVISIBLES = 'contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.';

/**
 * More precise Spanish texts for some field and code pairs. The element has its own for each (its
 * table's type requires them; tests/components/textos-del-servidor.test.ts compares the wording).
 */
const PRECISOS = {
  'nombre:FORMATO': 'solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.',
  'nombre:LONGITUD': 'debe tener entre 3 y 100 caracteres.',
  'direccion:LONGITUD': 'debe tener entre 5 y 200 caracteres.',
  'direccion:FORMATO': INVISIBLES,
  'telefono1:FORMATO': TELEFONO_FORMATO,
  'telefono2:FORMATO': TELEFONO_FORMATO,
  'telefono1:LONGITUD': 'debe tener entre 6 y 14 dígitos.',
  'telefono2:LONGITUD': 'debe tener entre 6 y 14 dígitos.',
  'celular.numero:FORMATO': `debe ser 09 y 8 dígitos (0991234567) con Claro, Movistar, CNT o Tuenti; ${SEPARADORES}`,
  'celular.numero:LONGITUD': 'debe tener entre 6 y 14 dígitos.',
  'fax:FORMATO': SEPARADORES,
  'fax:LONGITUD': 'admite como máximo 14 dígitos.',
  'provincia:NO_PERMITIDO': 'solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.',
  'ciudad:NO_PERMITIDO': 'solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.',
  'pais:NO_PERMITIDO': 'no es un país del catálogo.',
  'correo:FORMATO': 'no es una dirección de correo electrónico válida.',
  'correo:LONGITUD': 'admite como máximo 254 caracteres.',
  'correo:NO_PERMITIDO': 'debe ser distinto del correo registrado actualmente.',
  'confirmacionCorreo:NO_COINCIDE': 'debe ser igual al Correo Electrónico.',
  'codigoSeguridad:FORMATO': 'tiene 8 caracteres (números y letras).',
  'cambioClave.contrasena:LONGITUD': 'debe tener entre 12 y 128 caracteres.',
  'cambioClave.contrasena:NO_PERMITIDO':
    'no puede ser la contraseña actual ni contener su ID.usuario, su nombre o su correo.',
  'cambioClave.confirmacion:NO_COINCIDE': 'debe ser igual a la Contraseña.',
  'motivo:LONGITUD': 'debe tener entre 10 y 500 caracteres.',
  'motivo:FORMATO': INVISIBLES,
} satisfies Partial<Record<`${CampoConEtiqueta}:${CodigoCampo}`, string>>;
/** A field and code pair the server explains with a text of its own. */
export type ParConTexto = keyof typeof PRECISOS;
export const TEXTOS_CAMPO: Partial<Record<`${CampoConEtiqueta}:${CodigoCampo}`, string>> = PRECISOS;

/** The Spanish message of a field error: the field's label, then what is wrong. */
export function mensajeCampo(campo: string, codigo: CodigoCampo): string {
  if (!Object.hasOwn(ETIQUETAS, campo)) return `${campo}: ${TEXTOS[codigo]}`;
  const conocido = campo as CampoConEtiqueta;
  return `${ETIQUETAS[conocido]}: ${TEXTOS_CAMPO[`${conocido}:${codigo}`] ?? TEXTOS[codigo]}`;
}

export function errorCampo(campo: string, codigo: CodigoCampo): ErrorCampo {
  return { campo, codigo, mensaje: mensajeCampo(campo, codigo) };
}
