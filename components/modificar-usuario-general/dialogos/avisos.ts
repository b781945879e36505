import { msg, str } from '@lit/localize';
import { ErrorRed } from '../lib/api.js';
import { html, type TemplateResult } from 'lit';
import { enEspanol, textoFallo } from '../lib/mensajes.js';
import { VIGENCIA_CODIGO_MS } from '../../../contract/http.js';
import './dialogo-mensaje.js';
import type { BotonMensaje, DialogoMensaje, Mensaje } from './dialogo-mensaje.js';

// The element's modal messages (seed §5.6–5.8, the code and idle dialogs), each in one place, and
// the dialog that shows them: a lazy part, fetched at the first focus in the form or the first
// message. Texts are functions so that an open dialog follows a locale switch.

type Dialogo = DialogoMensaje;

const aceptar: BotonMensaje[] = [{ valor: 'aceptar', texto: () => msg('Aceptar'), principal: true }];
const cerrar: BotonMensaje = { valor: 'cerrar', texto: () => msg('Cerrar') };

const mostrar = (d: Dialogo, mensaje: Mensaje) => d.mostrar(mensaje);

/** A question with two buttons; true when the user chose the second (principal) one. */
async function preguntar(d: Dialogo, titulo: () => string, texto: () => string | TemplateResult, no: BotonMensaje, si: BotonMensaje) {
  return (await mostrar(d, { titulo, texto, botones: [no, { ...si, principal: true }] })) === si.valor;
}

function informar(d: Dialogo, titulo: () => string, texto: () => string | TemplateResult): Promise<string> {
  return mostrar(d, { titulo, texto, botones: aceptar });
}

/** "¿Está seguro de modificar la información?" Sí / No. */
export const confirmarModificacion = (d: Dialogo) =>
  preguntar(
    d,
    () => msg('Confirmación'),
    () => msg('¿Está seguro de modificar la información?'),
    { valor: 'no', texto: () => msg('No') },
    { valor: 'si', texto: () => msg('Sí') },
  );

export const avisarExito = (d: Dialogo) =>
  informar(d, () => msg('Información actualizada'), () => msg('La información se actualizó con éxito.'));

export const avisarCodigoEnviado = (d: Dialogo) =>
  informar(
    d,
    () => msg('Código de seguridad enviado'),
    () =>
      msg(
        html`Se envió un código de seguridad a su nuevo correo electrónico, con el asunto «${enEspanol('ACTIVACIÓN DE CORREO ELECTRÓNICO')}». Vence en ${VIGENCIA_CODIGO_MS / 60_000} minutos. Si no lo encuentra, revise la carpeta de correo no deseado.`,
      ),
  );

export const avisarCodigoExpirado = (d: Dialogo) =>
  informar(d, () => msg('Código expirado'), () => msg('El código de seguridad expiró. Solicite un nuevo código de seguridad.'));

export const avisarBaja = (d: Dialogo) =>
  informar(
    d,
    () => msg('Solicitud de baja registrada'),
    () => msg('Su solicitud de baja fue registrada y su usuario quedó desactivado. Recibirá una confirmación en su correo registrado.'),
  );

/**
 * 429 on «Solicitar código de seguridad»: a wait (one code a minute, five an hour), said as one,
 * not as «too many tries».
 */
export const avisarEsperaCodigo = (d: Dialogo, segundos: number) =>
  informar(
    d,
    () => msg('Espere para pedir otro código'),
    () =>
      segundos <= 60
        ? msg(str`Se envía un código por minuto. Podrá pedir otro en ${segundos} segundos.`)
        : msg(str`Podrá pedir otro código en ${Math.ceil(segundos / 60)} minutos.`),
  );

/** Two minutes before the idle timeout (WCAG 2.2.1): the dialog takes the focus and gives it back on closing. */
const inactividad: Mensaje = {
  titulo: () => msg('Su sesión está por cerrarse'),
  texto: () => msg('Su sesión se cerrará en 2 minutos por inactividad.'),
  botones: [{ valor: 'seguir', texto: () => msg('Seguir conectado'), principal: true }],
};

/** True when the user answered (the button, or Escape: either way someone is there). */
export const avisarInactividad = async (d: Dialogo) => (await mostrar(d, inactividad)) !== 'retirado';

/** The session ended before an answer: the warning is no longer true. */
export const retirarAvisoInactividad = (d: Dialogo) => d.retirar(inactividad);

/** Network failures (Cerrar / Reintentar) and problems without a field (Aceptar); true for "Reintentar". */
export async function avisarFallo(d: Dialogo, e: unknown): Promise<boolean> {
  const texto = () => textoFallo(e);
  if (e instanceof ErrorRed) return preguntar(d, () => msg('Sin conexión'), texto, cerrar, { valor: 'reintentar', texto: () => msg('Reintentar') });
  await informar(d, () => msg('No se pudo completar'), texto);
  return false;
}
