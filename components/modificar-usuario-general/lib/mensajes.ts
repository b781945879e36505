import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CodigoProblema } from '../../../contract/codigos.js';
import { ErrorRed, ProblemaHttp, type CodigoRespuesta } from './api.js';

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

const inesperado = () => msg('Ocurrió un error inesperado. Inténtelo de nuevo más tarde.');

/**
 * Messages for problem codes that are not about one field, one for every code of the contract
 * (the type fails when the contract adds one) and `RED`. The codes a user cannot cause with the
 * element (a malformed request, another site's page, a server fault) get the unexpected error.
 */
const TEXTO_PROBLEMA: Record<CodigoProblema | 'RED', (reintentarEn: number | null) => string | TemplateResult> = {
  RED: () => msg('No se pudo conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.'),
  VERSION_DESACTUALIZADA: () => msg('Sus datos fueron modificados en otra sesión. Recargue para ver la versión actual antes de modificar.'),
  DEMASIADAS_SOLICITUDES: (reintentarEn) =>
    reintentarEn
      ? msg(str`Demasiados intentos. Espere ${Math.ceil(reintentarEn / 60)} min y vuelva a intentarlo.`)
      : msg('Demasiados intentos. Espere unos minutos y vuelva a intentarlo.'),
  SERVICIO_CORREO_NO_DISPONIBLE: () => msg('El servicio de correo no está disponible. Inténtelo más tarde.'),
  SERVICIO_CORREO_MAL_CONFIGURADO: () =>
    msg('Por un problema de configuración, ya informado, el portal no puede enviar correos por ahora: no se envió ningún código y su correo no cambió. Puede guardar sus demás datos con «Sí» en «Desea mantener el mismo correo electrónico»; para cambiar el correo con urgencia, acuda a Soporte al Cliente del SENAE.'),
  CREDENCIALES_INVALIDAS: () => msg('ID.usuario o contraseña incorrectos.'),
  CUENTA_INACTIVA: () => msg('La cuenta no está activa.'),
  CUENTA_BLOQUEADA: () =>
    msg(
      html`Su usuario está bloqueado por seguridad: se usó el enlace «${enEspanol('No reconozco este cambio')}». Para desbloquearlo abra el enlace «${enEspanol('Crear una contraseña nueva')}» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.`,
    ),
  NO_AUTENTICADO: () => msg('Su sesión terminó. Ingrese de nuevo.'),
  VALIDACION: () => msg('Revise los campos marcados.'),
  JSON_INVALIDO: inesperado,
  ENLACE_NO_VALIDO: inesperado,
  CONFLICTO: inesperado,
  REAUTENTICACION_REQUERIDA: inesperado,
  ORIGEN_NO_PERMITIDO: inesperado,
  NO_ENCONTRADO: inesperado,
  METODO_NO_PERMITIDO: inesperado,
  PRECONDICION_REQUERIDA: inesperado,
  CUERPO_DEMASIADO_GRANDE: inesperado,
  TIPO_CONTENIDO: inesperado,
  SERVICIO_NO_DISPONIBLE: inesperado,
  ERROR_INTERNO: inesperado,
};

/** What failed: a problem's code, or `RED` when no answer came. */
export type CodigoFallo = CodigoRespuesta | 'RED';

/**
 * The message of a failure's code (none: an error that is no answer at all); `HTTP_<status>` or
 * a code the element does not know (a newer server) gets the unexpected error.
 */
export function textoProblema(codigo?: CodigoFallo, reintentarEn: number | null = null): string | TemplateResult {
  return (codigo && Object.hasOwn(TEXTO_PROBLEMA, codigo) ? TEXTO_PROBLEMA[codigo as keyof typeof TEXTO_PROBLEMA] : inesperado)(reintentarEn);
}

/** The message for a failed request that is not about one field (network, 429, 503…). */
export function textoFallo(e: unknown): string | TemplateResult {
  const p = e instanceof ProblemaHttp ? e : null;
  return textoProblema(e instanceof ErrorRed ? 'RED' : p?.codigo, p?.reintentarEn ?? null);
}
