import { msg, str } from '@lit/localize';
import { ErrorRed, ProblemaHttp } from './api.js';

// The one place where field names and error codes become visible text. Called only from
// render paths, so the active locale is always the current one.

/** The visible label of a field path (as the seed names it). */
export function etiqueta(campo: string): string {
  switch (campo) {
    case 'idUsuario': return msg('ID.usuario');
    case 'documento': return msg('Doc. Identificación');
    case 'nombre': return msg('Nombre Usuario');
    case 'nombreRegistrado': return msg('Nombre registrado');
    case 'cambioClave': return msg('Cambio de clave');
    case 'cambioClave.contrasenaAnterior':
    case 'contrasenaAnterior': return msg('Contraseña anterior');
    case 'cambioClave.contrasena':
    case 'contrasena': return msg('Contraseña');
    case 'cambioClave.confirmacion': return msg('Confirmación de Contraseña');
    case 'pais': return msg('País');
    case 'provincia': return msg('Provincia');
    case 'ciudad': return msg('Ciudad');
    case 'direccion': return msg('Dirección');
    case 'telefono1': return msg('Teléfono1');
    case 'telefono2': return msg('Teléfono2');
    case 'celular':
    case 'celular.numero': return msg('Número de Celular');
    case 'celular.operadora': return msg('Operadora del celular');
    case 'fax': return msg('Fax');
    case 'mantenerCorreo': return msg('Desea mantener el mismo correo electrónico');
    case 'correo': return msg('Correo Electrónico');
    case 'confirmacionCorreo': return msg('Confirmación de correo electrónico');
    case 'codigoSeguridad': return msg('Ingrese código de seguridad');
    case 'correoSenae': return msg('SENAE Correo Electrónico');
    case 'motivo': return msg('Motivo');
    case 'version': return msg('Versión');
    // Names the BFF writes in the audit rows, besides the fields (Actividad reciente).
    case 'sesion': return msg('Inicio de sesión');
    case 'disponibilidad': return msg('Comprobar disponibilidad');
    case 'estado': return msg('Estado del usuario');
    default: return campo;
  }
}

/** What is wrong, for a field and an error code; more precise texts first. */
export function textoError(campo: string, codigo: string): string {
  switch (`${campo}:${codigo}`) {
    case 'nombre:FORMATO': return msg('Solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.');
    case 'nombre:LONGITUD': return msg('Debe tener entre 3 y 100 caracteres.');
    case 'direccion:LONGITUD': return msg('Debe tener entre 5 y 200 caracteres.');
    case 'direccion:FORMATO':
    case 'motivo:FORMATO': return msg('Contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.');
    case 'telefono1:FORMATO':
    case 'telefono2:FORMATO': return msg('Para Ecuador use el formato 0XXXXXXXX (código de área 02 a 07 y 7 dígitos); solo dígitos.');
    case 'telefono1:LONGITUD':
    case 'telefono2:LONGITUD': return msg('Debe tener entre 6 y 14 dígitos.');
    case 'celular.numero:FORMATO': return msg('Use el formato 09XXXXXXXX (10 dígitos); solo dígitos.');
    case 'celular.numero:LONGITUD': return msg('Debe tener entre 6 y 14 dígitos.');
    case 'fax:FORMATO': return msg('Solo admite dígitos.');
    case 'fax:LONGITUD': return msg('Admite como máximo 14 dígitos.');
    case 'provincia:NO_PERMITIDO': return msg('Solo se indica cuando el país es Ecuador y debe ser una provincia del catálogo.');
    case 'ciudad:NO_PERMITIDO': return msg('Debe pertenecer a la provincia elegida.');
    case 'pais:NO_PERMITIDO': return msg('No es un país del catálogo.');
    case 'correo:FORMATO': return msg('No es una dirección de correo electrónico válida.');
    case 'correo:LONGITUD': return msg('Admite como máximo 254 caracteres.');
    case 'correo:NO_PERMITIDO': return msg('Debe ser distinto del correo registrado actualmente.');
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

function textoCodigo(codigo: string): string {
  switch (codigo) {
    case 'REQUERIDO': return msg('Este campo es obligatorio.');
    case 'FORMATO': return msg('No tiene un formato válido.');
    case 'LONGITUD': return msg('No tiene una longitud válida.');
    case 'NO_COINCIDE': return msg('No coincide.');
    case 'NO_PERMITIDO': return msg('Tiene un valor no permitido.');
    case 'NO_MODIFICABLE': return msg('No se puede modificar.');
    case 'CAMBIO_TOTAL': return msg('Solo puede corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo use «Solicitud de baja» y registre un usuario nuevo.');
    case 'NO_DISPONIBLE': return msg('Este correo ya está registrado por otro usuario.');
    case 'INCORRECTA': return msg('La contraseña no es correcta.');
    case 'DEBIL': return msg('La contraseña es demasiado fácil de adivinar.');
    case 'INCORRECTO': return msg('El código de seguridad no es correcto.');
    case 'EXPIRADO': return msg('El código de seguridad expiró; solicite uno nuevo.');
    case 'AGOTADO': return msg('El código se anuló tras demasiados intentos; solicite uno nuevo.');
    default: return msg('El valor no es válido.');
  }
}

/** Label and text together, for the error summary. */
export function mensajeCompleto(campo: string, codigo: string): string {
  return `${etiqueta(campo)}: ${textoError(campo, codigo)}`;
}

/** Messages for problem codes that are not about one field. */
export function textoProblema(codigo: string, reintentarEn: number | null = null): string {
  switch (codigo) {
    case 'RED': return msg('No se pudo conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.');
    case 'VERSION_DESACTUALIZADA': return msg('Sus datos fueron modificados en otra sesión. Recargue para ver la versión actual antes de modificar.');
    case 'DEMASIADAS_SOLICITUDES':
      return reintentarEn
        ? msg(str`Demasiados intentos. Espere ${Math.ceil(reintentarEn / 60)} min y vuelva a intentarlo.`)
        : msg('Demasiados intentos. Espere unos minutos y vuelva a intentarlo.');
    case 'SERVICIO_CORREO_NO_DISPONIBLE': return msg('El servicio de correo no está disponible. Inténtelo más tarde.');
    case 'SERVICIO_CORREO_MAL_CONFIGURADO':
      return msg('Por un problema de configuración, ya informado, el portal no puede enviar correos por ahora: no se envió ningún código y su correo no cambió. Puede guardar sus demás datos con «Sí» en «Desea mantener el mismo correo electrónico»; para cambiar el correo con urgencia, acuda a Soporte al Cliente del SENAE.');
    case 'CREDENCIALES_INVALIDAS': return msg('ID.usuario o contraseña incorrectos.');
    case 'CUENTA_INACTIVA': return msg('La cuenta no está activa.');
    case 'CUENTA_BLOQUEADA':
      return msg('Su usuario está bloqueado por seguridad: se usó el enlace «No reconozco este cambio». Para desbloquearlo abra el enlace «Crear una contraseña nueva» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.');
    case 'NO_AUTENTICADO': return msg('Su sesión terminó. Ingrese de nuevo.');
    case 'VALIDACION': return msg('Revise los campos marcados.');
    default: return msg('Ocurrió un error inesperado. Inténtelo de nuevo más tarde.');
  }
}

/** The message for a failed request that is not about one field (network, 429, 503…). */
export function textoFallo(e: unknown): string {
  const p = e instanceof ProblemaHttp ? e : null;
  return textoProblema(e instanceof ErrorRed ? 'RED' : (p?.codigo ?? ''), p?.reintentarEn ?? null);
}
