import { html, type TemplateResult } from 'lit';
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

/**
 * Words that stay Spanish in either language (the emails' subject and links are Spanish): marked
 * `lang="es"` so a screen reader reads them as Spanish.
 */
export const enEspanol = (texto: string) => html`<span lang="es">${texto}</span>`;

/** Messages for problem codes that are not about one field. */
export function textoProblema(codigo: string, reintentarEn: number | null = null): string | TemplateResult {
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
      return msg(
        html`Su usuario está bloqueado por seguridad: se usó el enlace «${enEspanol('No reconozco este cambio')}». Para desbloquearlo abra el enlace «${enEspanol('Crear una contraseña nueva')}» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.`,
      );
    case 'NO_AUTENTICADO': return msg('Su sesión terminó. Ingrese de nuevo.');
    case 'VALIDACION': return msg('Revise los campos marcados.');
    default: return msg('Ocurrió un error inesperado. Inténtelo de nuevo más tarde.');
  }
}

/** The message for a failed request that is not about one field (network, 429, 503…). */
export function textoFallo(e: unknown): string | TemplateResult {
  const p = e instanceof ProblemaHttp ? e : null;
  return textoProblema(e instanceof ErrorRed ? 'RED' : (p?.codigo ?? ''), p?.reintentarEn ?? null);
}
