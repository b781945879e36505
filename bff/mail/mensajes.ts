// The Spanish messages the BFF sends (DESIGN §2, §4), each as HTML and plain text. Every value that
// comes from a user (name, address, reason) is HTML-escaped; the text part is sent as text/plain.

/** A message without its recipient: the caller adds `para` and `claveIdempotencia`. */
export interface ContenidoCorreo {
  asunto: string;
  html: string;
  texto: string;
}

export const ASUNTO_CODIGO = 'ACTIVACIÓN DE CORREO ELECTRÓNICO';
export const ASUNTO_AVISO_CAMBIO_CORREO = 'Aviso: se cambió el correo electrónico de su usuario de Ecuapass';
export const ASUNTO_CONTRASENA_CAMBIADA = 'Aviso: se cambió la contraseña de su usuario de Ecuapass';
export const ASUNTO_BAJA = 'Solicitud de baja de usuario registrada';
export const ASUNTO_RESTABLECIMIENTO = 'Desbloquee su usuario de Ecuapass: cree una contraseña nueva';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escaparHtml(texto: string): string {
  return texto.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const PIE_TEXTO = [
  'Servicio Nacional de Aduana del Ecuador (SENAE) · Ecuapass',
  'Este es un mensaje automático; por favor no lo responda.',
];

const ESTILO_PARRAFO = 'margin:0 0 16px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1f2933';

/** Paragraphs are already-escaped HTML fragments. */
function documento(asunto: string, parrafos: string[]): string {
  const cuerpo = parrafos.map((p) => `<p style="${ESTILO_PARRAFO}">${p}</p>`).join('\n');
  const pie = PIE_TEXTO.map(escaparHtml).join('<br>');
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escaparHtml(asunto)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
${cuerpo}
<p style="margin:24px 0 0;font:13px/1.5 Arial,Helvetica,sans-serif;color:#52606d">${pie}</p>
</div>
</body>
</html>
`;
}

function texto(parrafos: string[]): string {
  return [...parrafos, PIE_TEXTO.join('\n')].join('\n\n') + '\n';
}

function saludo(nombre: string): string {
  return `Estimado(a) ${nombre}:`;
}

/** The security code sent to the new address (DESIGN §2). */
export function mensajeCodigo(d: { nombre: string; correo: string; codigo: string }): ContenidoCorreo {
  const intro = (correo: string) =>
    `Su código de seguridad para activar el correo electrónico ${correo} en su usuario de Ecuapass es:`;
  const uso =
    'Escríbalo en el campo «Ingrese código de seguridad» de la pantalla de modificación de datos. ' +
    'El código expira en 15 minutos y sirve una sola vez.';
  const spam =
    'Los mensajes de Ecuapass pueden llegar a la carpeta de correo no deseado (spam): si no encuentra uno, búsquelo allí.';
  const ignorar = 'Si usted no solicitó este código, ignore este mensaje: su correo electrónico no se cambiará.';
  const codigoHtml = `<strong style="display:inline-block;padding:8px 16px;font:bold 28px/1.2 'Courier New',monospace;letter-spacing:4px;background:#eef2f7;border-radius:6px">${escaparHtml(d.codigo)}</strong>`;
  return {
    asunto: ASUNTO_CODIGO,
    html: documento(ASUNTO_CODIGO, [
      escaparHtml(saludo(d.nombre)),
      escaparHtml(intro(d.correo)),
      codigoHtml,
      escaparHtml(uso),
      escaparHtml(spam),
      escaparHtml(ignorar),
    ]),
    texto: texto([saludo(d.nombre), intro(d.correo), `    ${d.codigo}`, uso, spam, ignorar]),
  };
}

/** The notice sent to the OLD address after an email change, with the one-time revert link. */
export function mensajeAvisoCambioCorreo(d: { nombre: string; correoNuevo: string; enlace: string }): ContenidoCorreo {
  const aviso = (correo: string) =>
    `El correo electrónico registrado en su usuario de Ecuapass se cambió a ${correo}. Desde ahora los avisos llegarán a esa dirección.`;
  const siFue = 'Si usted hizo este cambio, no necesita hacer nada.';
  const siNo =
    'Si no reconoce este cambio, abra el enlace «No reconozco este cambio»: se restaurará esta dirección, ' +
    'se cerrarán todas las sesiones y el usuario quedará bloqueado hasta que usted cree una contraseña nueva ' +
    'con el enlace que le enviaremos a esta dirección.';
  const vigencia = 'El enlace sirve una sola vez y vence en 7 días.';
  const boton = `<a href="${escaparHtml(d.enlace)}" style="display:inline-block;padding:10px 18px;background:#b42318;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">No reconozco este cambio</a>`;
  return {
    asunto: ASUNTO_AVISO_CAMBIO_CORREO,
    html: documento(ASUNTO_AVISO_CAMBIO_CORREO, [
      escaparHtml(saludo(d.nombre)),
      escaparHtml(aviso(d.correoNuevo)),
      escaparHtml(siFue),
      escaparHtml(siNo),
      boton,
      escaparHtml(vigencia),
    ]),
    texto: texto([saludo(d.nombre), aviso(d.correoNuevo), siFue, siNo, `No reconozco este cambio: ${d.enlace}`, vigencia]),
  };
}

/**
 * The one-time link that unblocks an account (DESIGN §4), sent to the address a revert restored
 * (and again, once expired, when someone logs in with the right password).
 */
export function mensajeRestablecimiento(d: { nombre: string; idUsuario: string; enlace: string }): ContenidoCorreo {
  const bloqueado = (id: string) =>
    `Su usuario de Ecuapass ${id} está bloqueado por seguridad porque se usó el enlace «No reconozco este cambio»: ` +
    'se restauró esta dirección como su correo electrónico y se cerraron todas las sesiones.';
  const que =
    'Para desbloquearlo abra el enlace y elija una contraseña nueva. La contraseña anterior ya no basta para entrar: ' +
    'quien cambió su correo podría conocerla.';
  const vigencia =
    'El enlace sirve una sola vez y vence en 1 hora. Si vence, ingrese en Ecuapass con su ID.usuario y su contraseña ' +
    'anterior y le enviaremos otro a esta dirección.';
  const boton = `<a href="${escaparHtml(d.enlace)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">Crear una contraseña nueva</a>`;
  return {
    asunto: ASUNTO_RESTABLECIMIENTO,
    html: documento(ASUNTO_RESTABLECIMIENTO, [
      escaparHtml(saludo(d.nombre)),
      escaparHtml(bloqueado(d.idUsuario)),
      escaparHtml(que),
      boton,
      escaparHtml(vigencia),
    ]),
    texto: texto([saludo(d.nombre), bloqueado(d.idUsuario), que, `Crear una contraseña nueva: ${d.enlace}`, vigencia]),
  };
}

/** The notice sent to the registered address after a password change. */
export function mensajeContrasenaCambiada(d: { nombre: string }): ContenidoCorreo {
  const aviso = 'La contraseña de su usuario de Ecuapass se cambió.';
  const siNo =
    'Si usted no hizo este cambio, comuníquese de inmediato con Soporte al Cliente del SENAE para proteger su usuario.';
  return {
    asunto: ASUNTO_CONTRASENA_CAMBIADA,
    html: documento(ASUNTO_CONTRASENA_CAMBIADA, [escaparHtml(saludo(d.nombre)), escaparHtml(aviso), escaparHtml(siNo)]),
    texto: texto([saludo(d.nombre), aviso, siNo]),
  };
}

/** The confirmation sent to the registered address after a baja request (seed §5.8). */
export function mensajeBaja(d: { nombre: string; idSolicitud: string; motivo: string }): ContenidoCorreo {
  const registrada = (id: string) => `Registramos su solicitud de baja de usuario de Ecuapass, número ${id}.`;
  const motivo = (m: string) => `Motivo indicado: ${m}`;
  const efecto =
    'Su usuario quedó desactivado y se cerraron todas sus sesiones. Sus datos no se eliminaron. ' +
    'Para volver a operar deberá registrar un usuario nuevo.';
  const siNo = 'Si usted no solicitó la baja, comuníquese de inmediato con Soporte al Cliente del SENAE.';
  return {
    asunto: ASUNTO_BAJA,
    html: documento(ASUNTO_BAJA, [
      escaparHtml(saludo(d.nombre)),
      escaparHtml(registrada(d.idSolicitud)),
      escaparHtml(motivo(d.motivo)),
      escaparHtml(efecto),
      escaparHtml(siNo),
    ]),
    texto: texto([saludo(d.nombre), registrada(d.idSolicitud), motivo(d.motivo), efecto, siNo]),
  };
}
