import { msg } from '@lit/localize';
import { ErrorRed } from './api.js';
import { textoFallo, textoProblema } from './mensajes.js';
import type { BotonMensaje, DialogoMensaje } from './dialogo-mensaje.js';

// The element's modal messages (seed §5.6–5.8 and the code dialogs), each in one place.
// Texts are functions so that an open dialog follows a locale switch.

const aceptar: BotonMensaje[] = [{ valor: 'aceptar', texto: () => msg('Aceptar'), principal: true }];
const cerrar: BotonMensaje = { valor: 'cerrar', texto: () => msg('Cerrar') };

/** A question with two buttons; true when the user chose the second (principal) one. */
async function preguntar(d: DialogoMensaje, titulo: () => string, texto: () => string, no: BotonMensaje, si: BotonMensaje) {
  return (await d.mostrar({ titulo, texto, botones: [no, { ...si, principal: true }] })) === si.valor;
}

function informar(d: DialogoMensaje, titulo: () => string, texto: () => string): Promise<string> {
  return d.mostrar({ titulo, texto, botones: aceptar });
}

/** "¿Está seguro de modificar la información?" Sí / No. */
export const confirmarModificacion = (d: DialogoMensaje) =>
  preguntar(
    d,
    () => msg('Confirmación'),
    () => msg('¿Está seguro de modificar la información?'),
    { valor: 'no', texto: () => msg('No') },
    { valor: 'si', texto: () => msg('Sí') },
  );

export const avisarExito = (d: DialogoMensaje) =>
  informar(d, () => msg('Información actualizada'), () => msg('La información se actualizó con éxito.'));

export const avisarCodigoEnviado = (d: DialogoMensaje) =>
  informar(
    d,
    () => msg('Código de seguridad enviado'),
    () => msg('Se envió un código de seguridad a su nuevo correo electrónico, con el asunto «ACTIVACIÓN DE CORREO ELECTRÓNICO». Vence en 15 minutos. Si no lo encuentra, revise la carpeta de correo no deseado.'),
  );

export const avisarCodigoExpirado = (d: DialogoMensaje) =>
  informar(d, () => msg('Código expirado'), () => msg('El código de seguridad expiró. Solicite un nuevo código de seguridad.'));

export const avisarBaja = (d: DialogoMensaje) =>
  informar(
    d,
    () => msg('Solicitud de baja registrada'),
    () => msg('Su solicitud de baja fue registrada y su usuario quedó desactivado. Recibirá una confirmación en su correo registrado.'),
  );

/** 412: someone else changed the data; true when the user chose "Recargar". */
export const preguntarRecargar = (d: DialogoMensaje) =>
  preguntar(d, () => msg('Datos desactualizados'), () => textoProblema('VERSION_DESACTUALIZADA'), cerrar, {
    valor: 'recargar',
    texto: () => msg('Recargar'),
  });

/** Network failures (Cerrar / Reintentar) and problems without a field (Aceptar); true for "Reintentar". */
export async function avisarFallo(d: DialogoMensaje, e: unknown): Promise<boolean> {
  const texto = () => textoFallo(e);
  if (e instanceof ErrorRed) return preguntar(d, () => msg('Sin conexión'), texto, cerrar, { valor: 'reintentar', texto: () => msg('Reintentar') });
  await informar(d, () => msg('No se pudo completar'), texto);
  return false;
}
