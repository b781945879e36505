import { esViolacionUnica } from '../db/usuarios.js';
import type { Servicios } from '../tipos.js';
import { hashTokenEnlace, PENDIENTE, usuarioDeEnlaceVigente } from './reversion.js';
import { avisoRestablecimiento, restablecimientoNuevo } from './restablecimiento.js';

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
 * - the reset link's email to the restored address is queued in the outbox. If that address was taken meanwhile the
 * unique index fails the batch: nothing changes, the link stays usable, the answer is CONFLICTO.
 */
export async function revertirCambioCorreo(
  deps: Servicios,
  token: string,
  quien: { ip: string | null; agente: string | null; idSolicitud: string | null },
): Promise<ResultadoReversion> {
  const ahora = deps.reloj();
  const cuenta = await usuarioDeEnlaceVigente(deps.db, token, ahora);
  if (!cuenta) return 'NO_VALIDO';
  const { idUsuario } = cuenta;
  const hash = hashTokenEnlace(token);
  const momento = ahora.toISOString();
  const restablecimiento = restablecimientoNuevo(idUsuario, ahora, { sql: 'changes() = 1', args: [] });
  const { emitido } = restablecimiento;
  let resultados;
  try {
    resultados = await deps.db.batch(
      [
        {
          sql: `UPDATE usuarios SET estado = 'BLOQUEADO', version = version + 1, actualizado_en = ?,
                  correo = (SELECT correo_anterior FROM enlaces_reversion WHERE id_usuario = ? AND ${PENDIENTE}
                            ORDER BY creado_en, rowid LIMIT 1)
                WHERE id_usuario = ? AND estado = 'ACTIVO'
                  AND EXISTS (SELECT 1 FROM enlaces_reversion WHERE hash_token = ? AND id_usuario = ? AND ${PENDIENTE})`,
          args: [momento, idUsuario, momento, idUsuario, hash, idUsuario, momento],
        },
        // Right after the restore: its `changes() = 1` is the restore's.
        ...restablecimiento.sentencias,
        {
          sql: `UPDATE enlaces_reversion SET usado_en = ? WHERE hash_token = ? AND ${emitido.sql}`,
          args: [momento, hash, ...emitido.args],
        },
        {
          sql: `UPDATE enlaces_reversion SET anulado_en = ?
                WHERE id_usuario = ? AND usado_en IS NULL AND anulado_en IS NULL AND ${emitido.sql}`,
          args: [momento, idUsuario, ...emitido.args],
        },
        {
          sql: `INSERT INTO auditoria (id_usuario, evento, campos, ip, agente, id_solicitud, creado_en)
                SELECT ?, 'CORREO_REVERTIDO', '["correo","estado"]', ?, ?, ?, ? WHERE ${emitido.sql}`,
          args: [idUsuario, quien.ip, quien.agente?.slice(0, 300) ?? null, quien.idSolicitud, momento, ...emitido.args],
        },
        {
          sql: `UPDATE sesiones SET revocada_en = ? WHERE id_usuario = ? AND revocada_en IS NULL AND ${emitido.sql}`,
          args: [momento, idUsuario, ...emitido.args],
        },
        {
          sql: `UPDATE codigos_seguridad SET anulado_en = ?
                WHERE id_usuario = ? AND anulado_en IS NULL AND usado_en IS NULL AND ${emitido.sql}`,
          args: [momento, idUsuario, ...emitido.args],
        },
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
