import { msg } from '@lit/localize';
import type { CampoConEtiqueta, CodigoCampo, ParConTexto } from '../../../contract/codigos.js';
import type { CodigoFormulario } from './codigos.js';

// Field error texts: shown only once validation has run, so they travel with it (validacion.ts,
// a lazy part) and not in the first load. Called only from render paths (the active locale).

const separadores = () => msg('Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).');
const invisibles = () => msg('Contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.');
const telefonoFormato = () =>
  msg('En Ecuador, un fijo con código de área (0, del 2 al 7 y 7 dígitos: 042345678) o un celular (09 y 8 dígitos: 0991234567). Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).');
const digitos = () => msg('Debe tener entre 6 y 14 dígitos.');

/**
 * More precise texts for a field and a code: every pair the server explains with its own text
 * (`ParConTexto`, the type fails when the contract adds one), and the element's own steps.
 */
const TEXTO_CAMPO: Record<ParConTexto, () => string> & Partial<Record<`${CampoConEtiqueta}:${CodigoFormulario}`, () => string>> = {
  'nombre:FORMATO': () => msg('Solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.'),
  'nombre:LONGITUD': () => msg('Debe tener entre 3 y 100 caracteres.'),
  'direccion:LONGITUD': () => msg('Debe tener entre 5 y 200 caracteres.'),
  'direccion:FORMATO': invisibles,
  'motivo:FORMATO': invisibles,
  'telefono1:FORMATO': telefonoFormato,
  'telefono2:FORMATO': telefonoFormato,
  'telefono1:LONGITUD': digitos,
  'telefono2:LONGITUD': digitos,
  'celular.numero:FORMATO': () =>
    msg('Con Claro, Movistar, CNT o Tuenti, 09 y 8 dígitos (0991234567). Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).'),
  'celular.numero:LONGITUD': digitos,
  'fax:FORMATO': separadores,
  'fax:LONGITUD': () => msg('Admite como máximo 14 dígitos.'),
  'provincia:NO_PERMITIDO': () => msg('Solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.'),
  'ciudad:NO_PERMITIDO': () => msg('Solo se indica cuando el país es Ecuador y debe pertenecer a la provincia elegida.'),
  'pais:NO_PERMITIDO': () => msg('No es un país del catálogo.'),
  'correo:FORMATO': () => msg('No es una dirección de correo electrónico válida.'),
  'correo:LONGITUD': () => msg('Admite como máximo 254 caracteres.'),
  'correo:NO_PERMITIDO': () => msg('Debe ser distinto del correo registrado actualmente.'),
  'mantenerCorreo:SIN_CORREO_NUEVO': () => msg('Elija «Sí» para conservar su correo registrado, o escriba el nuevo en «Correo Electrónico».'),
  'correo:REQUERIDO': () => msg('Escriba el nuevo correo, o elija «Sí» en «Desea mantener el mismo correo electrónico».'),
  'correo:NO_VERIFICADO': () => msg('Compruebe la disponibilidad del correo antes de continuar.'),
  'confirmacionCorreo:NO_COINCIDE': () => msg('Debe ser igual al Correo Electrónico.'),
  'codigoSeguridad:NO_SOLICITADO': () => msg('Pulse «Solicitar código de seguridad» y escriba el código que recibirá por correo.'),
  'cambioClave.contrasenaAnterior:NO_VERIFICADA': () => msg('Pulse «Cambio de clave» para verificarla, o deje vacíos los campos de contraseña.'),
  'cambioClave.contrasenaAnterior:REQUERIDO': () => msg('Escriba su contraseña actual y pulse «Cambio de clave».'),
  'codigoSeguridad:FORMATO': () => msg('El código tiene 8 caracteres (números y letras).'),
  'cambioClave.contrasena:LONGITUD': () => msg('Debe tener entre 12 y 128 caracteres.'),
  'cambioClave.contrasena:NO_PERMITIDO': () => msg('No puede ser la contraseña actual ni contener su ID.usuario, su nombre o su correo.'),
  'cambioClave.confirmacion:NO_COINCIDE': () => msg('Debe ser igual a la Contraseña.'),
  'motivo:LONGITUD': () => msg('Debe tener entre 10 y 500 caracteres.'),
};

/** A text for every field code of the contract: the type fails when the contract adds one. */
const TEXTO_CODIGO: Record<CodigoCampo, () => string> = {
  REQUERIDO: () => msg('Este campo es obligatorio.'),
  FORMATO: () => msg('No tiene un formato válido.'),
  LONGITUD: () => msg('No tiene una longitud válida.'),
  NO_COINCIDE: () => msg('No coincide.'),
  NO_PERMITIDO: () => msg('Tiene un valor no permitido.'),
  NO_MODIFICABLE: () => msg('No se puede modificar.'),
  CAMBIO_TOTAL: () => msg('Solo puede corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo use «Solicitud de baja» y registre un usuario nuevo.'),
  NO_DISPONIBLE: () => msg('Este correo ya está registrado por otro usuario.'),
  INCORRECTA: () => msg('La contraseña no es correcta.'),
  DEBIL: () => msg('La contraseña es demasiado fácil de adivinar.'),
  INCORRECTO: () => msg('El código de seguridad no es correcto.'),
  EXPIRADO: () => msg('El código de seguridad expiró; solicite uno nuevo.'),
  AGOTADO: () => msg('El código se anuló tras demasiados intentos; solicite uno nuevo.'),
};

/**
 * What is wrong, for a field (a path as the server names it) and an error code; more precise
 * texts first. A code the element does not know (a newer server) still gets a sentence: the
 * codes come from the wire, so the look-ups are checked at run time too.
 */
export function textoError(campo: string, codigo: CodigoFormulario): string {
  const clave = `${campo}:${codigo}`;
  const texto = Object.hasOwn(TEXTO_CAMPO, clave)
    ? TEXTO_CAMPO[clave as ParConTexto]
    : Object.hasOwn(TEXTO_CODIGO, codigo)
      ? TEXTO_CODIGO[codigo as CodigoCampo]
      : () => msg('El valor no es válido.');
  return texto();
}
