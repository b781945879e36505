import type { Client } from '@libsql/client';
import { esViolacionUnica } from '../db/usuarios.js';
import { FORMATO_TOKEN, hashTokenReversion } from './reversion.js';

export type ResultadoReversion = 'REVERTIDO' | 'NO_VALIDO' | 'CONFLICTO';

/** What the revert page and POST /api/correo/revertir say for each outcome. */
export const MENSAJES_REVERSION = {
  REVERTIDO:
    'Se restauró su correo electrónico anterior, se cerraron todas las sesiones y su usuario quedó bloqueado. Inicie sesión con su contraseña y cámbiela para desbloquearlo.',
  NO_VALIDO:
    'El enlace «No reconozco este cambio» no es válido: ya se usó, venció (dura 7 días) o está incompleto. Si no reconoce un cambio en su usuario, comuníquese con Soporte al Cliente del SENAE.',
  CONFLICTO:
    'No se pudo restaurar el correo anterior porque ahora lo tiene registrado otro usuario. Comuníquese con Soporte al Cliente del SENAE.',
} as const;

/**
 * "No reconozco este cambio" (DESIGN §4): consumes the one-time link and, in the same write batch
 * (all or nothing, no interactive transaction), restores the old address, blocks the account,
 * audits CORREO_REVERTIDO, revokes every session and voids pending codes. The restore and the audit
 * run only if the statement before changed a row (`changes()`), the rest only if this batch
 * consumed the link, so a used, expired or unknown token changes nothing. If the old address was
 * taken meanwhile the unique index fails the batch: nothing changes, the link stays usable, and the
 * answer is CONFLICTO.
 */
export async function revertirCambioCorreo(
  db: Client,
  token: string,
  ahora: Date,
  quien: { ip: string | null; agente: string | null; idSolicitud: string | null },
): Promise<ResultadoReversion> {
  if (!FORMATO_TOKEN.test(token)) return 'NO_VALIDO';
  const hash = hashTokenReversion(token);
  const momento = ahora.toISOString();
  const delEnlace = (columna: string) => `(SELECT ${columna} FROM enlaces_reversion WHERE hash_token = ?)`;
  // True only in the batch that consumed the link (a later one finds `usado_en` already set).
  const consumidoAhora = 'EXISTS (SELECT 1 FROM enlaces_reversion WHERE hash_token = ? AND usado_en = ?)';
  try {
    const [consumo, restauracion] = await db.batch(
      [
        {
          sql: `UPDATE enlaces_reversion SET usado_en = ? WHERE hash_token = ? AND usado_en IS NULL AND expira_en > ?`,
          args: [momento, hash, momento],
        },
        {
          sql: `UPDATE usuarios SET correo = ${delEnlace('correo_anterior')}, estado = 'BLOQUEADO',
                  version = version + 1, actualizado_en = ?
                WHERE id_usuario = ${delEnlace('id_usuario')} AND estado <> 'BAJA' AND changes() = 1`,
          args: [hash, momento, hash],
        },
        {
          sql: `INSERT INTO auditoria (id_usuario, evento, campos, ip, agente, id_solicitud, creado_en)
                SELECT ${delEnlace('id_usuario')}, 'CORREO_REVERTIDO', '["correo","estado"]', ?, ?, ?, ? WHERE changes() = 1`,
          args: [hash, quien.ip, quien.agente?.slice(0, 300) ?? null, quien.idSolicitud, momento],
        },
        {
          sql: `UPDATE sesiones SET revocada_en = ?
                WHERE id_usuario = ${delEnlace('id_usuario')} AND revocada_en IS NULL AND ${consumidoAhora}`,
          args: [momento, hash, hash, momento],
        },
        {
          sql: `UPDATE codigos_seguridad SET anulado_en = ?
                WHERE id_usuario = ${delEnlace('id_usuario')} AND anulado_en IS NULL AND usado_en IS NULL AND ${consumidoAhora}`,
          args: [momento, hash, hash, momento],
        },
      ],
      'write',
    );
    if (consumo?.rowsAffected !== 1) return 'NO_VALIDO';
    return restauracion?.rowsAffected === 1 ? 'REVERTIDO' : 'NO_VALIDO';
  } catch (error) {
    if (esViolacionUnica(error)) return 'CONFLICTO';
    throw error;
  }
}
