import { msg } from '@lit/localize';
import type { CodigoCampo } from '../../../contract/codigos.js';

// Field error texts: shown only once validation has run, so they travel with it (validacion.ts,
// a lazy part) and not in the first load. Called only from render paths (the active locale).

/** What is wrong, for a field and an error code; more precise texts first. */
export function textoError(campo: string, codigo: string): string {
  switch (`${campo}:${codigo}`) {
    case 'nombre:FORMATO': return msg('Solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.');
    case 'nombre:LONGITUD': return msg('Debe tener entre 3 y 100 caracteres.');
    case 'direccion:LONGITUD': return msg('Debe tener entre 5 y 200 caracteres.');
    case 'direccion:FORMATO':
    case 'motivo:FORMATO': return msg('Contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.');
    case 'telefono1:FORMATO':
    case 'telefono2:FORMATO': return msg('En Ecuador, un fijo con código de área (0, del 2 al 7 y 7 dígitos: 042345678) o un celular (09 y 8 dígitos: 0991234567). Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).');
    case 'telefono1:LONGITUD':
    case 'telefono2:LONGITUD': return msg('Debe tener entre 6 y 14 dígitos.');
    case 'celular.numero:FORMATO': return msg('Con Claro, Movistar, CNT o Tuenti, 09 y 8 dígitos (0991234567). Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).');
    case 'celular.numero:LONGITUD': return msg('Debe tener entre 6 y 14 dígitos.');
    case 'fax:FORMATO': return msg('Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).');
    case 'fax:LONGITUD': return msg('Admite como máximo 14 dígitos.');
    case 'provincia:NO_PERMITIDO': return msg('Solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.');
    case 'ciudad:NO_PERMITIDO': return msg('Debe pertenecer a la provincia elegida.');
    case 'pais:NO_PERMITIDO': return msg('No es un país del catálogo.');
    case 'correo:FORMATO': return msg('No es una dirección de correo electrónico válida.');
    case 'correo:LONGITUD': return msg('Admite como máximo 254 caracteres.');
    case 'correo:NO_PERMITIDO': return msg('Debe ser distinto del correo registrado actualmente.');
    case 'mantenerCorreo:SIN_CORREO_NUEVO': return msg('Elija «Sí» para conservar su correo registrado, o escriba el nuevo en «Correo Electrónico».');
    case 'correo:REQUERIDO': return msg('Escriba el nuevo correo, o elija «Sí» en «Desea mantener el mismo correo electrónico».');
    case 'correo:NO_VERIFICADO': return msg('Compruebe la disponibilidad del correo antes de continuar.');
    case 'confirmacionCorreo:NO_COINCIDE': return msg('Debe ser igual al Correo Electrónico.');
    case 'codigoSeguridad:NO_SOLICITADO': return msg('Pulse «Solicitar código de seguridad» y escriba el código que recibirá por correo.');
    case 'cambioClave.contrasenaAnterior:NO_VERIFICADA': return msg('Pulse «Cambio de clave» para verificarla, o deje vacíos los campos de contraseña.');
    case 'cambioClave.contrasenaAnterior:REQUERIDO': return msg('Escriba su contraseña actual y pulse «Cambio de clave».');
    case 'codigoSeguridad:FORMATO': return msg('El código tiene 8 caracteres (números y letras).');
    case 'cambioClave.contrasena:LONGITUD': return msg('Debe tener entre 12 y 128 caracteres.');
    case 'cambioClave.contrasena:NO_PERMITIDO': return msg('No puede ser la contraseña actual ni contener su ID.usuario, su nombre o su correo.');
    case 'cambioClave.confirmacion:NO_COINCIDE': return msg('Debe ser igual a la Contraseña.');
    case 'motivo:LONGITUD': return msg('Debe tener entre 10 y 500 caracteres.');
  }
  return textoCodigo(codigo);
}

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

/** A code the element does not know (a newer server) still gets a sentence. */
function textoCodigo(codigo: string): string {
  return Object.hasOwn(TEXTO_CODIGO, codigo) ? TEXTO_CODIGO[codigo as CodigoCampo]() : msg('El valor no es válido.');
}
