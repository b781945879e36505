/**
 * "No reconozco este cambio" (DESIGN §4): after an email change the old address gets a one-time
 * link, valid 7 days (bff/db/enlaces.ts), that restores it, blocks the account and sends the
 * restored address a password-reset link; the page and POST /api/correo/revertir use it here.
 */
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAnularCodigos } from '../db/codigos.js';
import { restablecimientoNuevo, sentenciaRestaurarCorreo, sentenciasEnlaceUsado, usuarioDeEnlaceVigente } from '../db/enlaces.js';
import { sentenciaRevocarSesionesDeUsuario } from '../db/sesiones.js';
import { esViolacionUnica } from '../db/usuarios.js';
import type { Quien, Servicios } from '../tipos.js';
import { avisoRestablecimiento } from './restablecimiento.js';

export type ResultadoReversion = 'REVERTIDO' | 'NO_VALIDO' | 'CONFLICTO';

/** What the revert page and POST /api/correo/revertir say for each outcome. */
export const MENSAJES_REVERSION = {
  REVERTIDO:
    'Se restauró el correo electrónico que tenía su usuario antes del cambio, se cerraron todas las sesiones y su usuario quedó bloqueado. Le enviamos a ese correo un enlace para crear una contraseña nueva y desbloquearlo (vence en 1 hora); la contraseña anterior ya no basta para entrar.',
  NO_VALIDO:
    'El enlace «No reconozco este cambio» no es válido: ya se usó, venció (dura 7 días), se anuló porque se usó otro enlace del mismo usuario o está incompleto. Si no reconoce un cambio en su usuario, comuníquese con Soporte al Cliente del SENAE.',
  CONFLICTO:
    'No se pudo restaurar el correo anterior porque ahora lo tiene registrado otro usuario. Comuníquese con Soporte al Cliente del SENAE.',
} as const;

/**
 * "No reconozco este cambio" (DESIGN §4). In one write batch (all or nothing; every condition is
 * checked again inside it, so two links used at once cannot both win):
 * - the address goes back to the one the account had before the first change not acknowledged,
 *   i.e. the `correo_anterior` of its oldest pending link (a link left to expire acknowledges its
 *   change), and the account becomes BLOQUEADO;
 * - a password-reset link is stored for the restored address; everything below runs only if it was
 *   (the restore happened), so a used, voided, expired or unknown token changes nothing;
 * - this link is consumed and every other pending revert and reset link of the account voided;
 * - CORREO_REVERTIDO is audited, every session revoked and pending codes voided;
 * - the reset link's email to the restored address is queued in the outbox.
 * If that address was taken meanwhile the unique index fails the batch: nothing changes, the link
 * stays usable, the answer is CONFLICTO.
 */
export async function revertirCambioCorreo(deps: Servicios, token: string, quien: Quien): Promise<ResultadoReversion> {
  const ahora = deps.reloj();
  const cuenta = await usuarioDeEnlaceVigente(deps.db, token, ahora);
  if (!cuenta) return 'NO_VALIDO';
  const { idUsuario } = cuenta;
  const restablecimiento = restablecimientoNuevo(idUsuario, ahora, { sql: 'changes() = 1', args: [] });
  const { emitido } = restablecimiento;
  let resultados;
  try {
    resultados = await deps.db.batch(
      [
        sentenciaRestaurarCorreo(idUsuario, token, ahora),
        // Right after the restore: its `changes() = 1` is the restore's.
        ...restablecimiento.sentencias,
        ...sentenciasEnlaceUsado(idUsuario, token, ahora, emitido),
        sentenciaEvento({ idUsuario, evento: 'CORREO_REVERTIDO', campos: ['correo', 'estado'], creadoEn: ahora, ...quien }, emitido),
        sentenciaRevocarSesionesDeUsuario(idUsuario, ahora, emitido),
        sentenciaAnularCodigos(idUsuario, ahora, emitido),
        avisoRestablecimiento(deps, restablecimiento, { idUsuario, nombre: cuenta.nombre, ahora, idSolicitud: quien.idSolicitud }),
      ],
      'write',
    );
  } catch (error) {
    if (esViolacionUnica(error)) return 'CONFLICTO';
    throw error;
  }
  // The notice is written only if the reset link was, i.e. the restore happened.
  if (resultados[0]?.rowsAffected !== 1 || resultados.at(-1)?.rowsAffected !== 1) return 'NO_VALIDO';
  return 'REVERTIDO';
}
