import { msg } from '@lit/localize';
import { ErrorRed } from './api.js';
import { textoFallo, textoProblema } from './mensajes.js';
import type { BotonMensaje, DialogoMensaje } from './dialogo-mensaje.js';

// The element's modal messages (seed §5.6–5.8 and the code dialogs), each in one place.
// Texts are functions so that an open dialog follows a locale switch.

const aceptar: BotonMensaje[] = [{ valor: 'aceptar', texto: () => msg('Aceptar'), principal: true }];

function informar(d: DialogoMensaje, titulo: () => string, texto: () => string): Promise<string> {
  return d.mostrar({ titulo, texto, botones: aceptar });
}

/** "¿Está seguro de modificar la información?" Sí / No. */
export async function confirmarModificacion(d: DialogoMensaje): Promise<boolean> {
  const r = await d.mostrar({
    titulo: () => msg('Confirmación'),
    texto: () => msg('¿Está seguro de modificar la información?'),
    botones: [
      { valor: 'no', texto: () => msg('No') },
      { valor: 'si', texto: () => msg('Sí'), principal: true },
    ],
  });
  return r === 'si';
}

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
export async function preguntarRecargar(d: DialogoMensaje): Promise<boolean> {
  const r = await d.mostrar({
    titulo: () => msg('Datos desactualizados'),
    texto: () => textoProblema('VERSION_DESACTUALIZADA'),
    botones: [
      { valor: 'cerrar', texto: () => msg('Cerrar') },
      { valor: 'recargar', texto: () => msg('Recargar'), principal: true },
    ],
  });
  return r === 'recargar';
}

/** Network failures and problems without a field; true when the user chose "Reintentar". */
export async function avisarFallo(d: DialogoMensaje, e: unknown): Promise<boolean> {
  const red = e instanceof ErrorRed;
  const r = await d.mostrar({
    titulo: () => (red ? msg('Sin conexión') : msg('No se pudo completar')),
    texto: () => textoFallo(e),
    botones: red
      ? [
          { valor: 'cerrar', texto: () => msg('Cerrar') },
          { valor: 'reintentar', texto: () => msg('Reintentar'), principal: true },
        ]
      : aceptar,
  });
  return r === 'reintentar';
}
