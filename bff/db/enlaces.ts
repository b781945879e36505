/**
 * One-time links (DESIGN §4), each kept only as the SHA-256 of its 256-bit token:
 * - "No reconozco este cambio" (`enlaces_reversion`, migrations 002 and 004): after an email
 *   change the old address gets one, valid 7 days, that restores it;
 * - "Crear una contraseña nueva" (`enlaces_restablecimiento`, migration 004): the only way out of
 *   BLOQUEADO, valid 1 hour; a new one voids the previous one.
 */
import type { InStatement } from '@libsql/client';
import { FORMATO_TOKEN, sha256Hex, tokenAleatorio } from '../cripto.js';
import type { Condicion, Ejecutor } from './ejecutor.js';

const VIGENCIA_REVERSION_MS = 7 * 24 * 60 * 60 * 1000;
const VIGENCIA_RESTABLECIMIENTO_MS = 60 * 60 * 1000;

/** SQL: the link is neither used, voided nor expired (`?` = now). */
export const PENDIENTE = 'usado_en IS NULL AND anulado_en IS NULL AND expira_en > ?';

/** A new link's token (for the URL, nowhere else) and the hash the database keeps. */
function tokenNuevo(): { token: string; hash: string } {
  const token = tokenAleatorio();
  return { token, hash: sha256Hex(token) };
}

/**
 * A revert link for the old address, valid 7 days: its token and the INSERT that stores it, run in
 * the batch that changes the address. With `soloSiCambio` the row is inserted only if the statement
 * before it in the batch changed a row (`changes() = 1`); `guardado` holds once it is stored.
 */
export function enlaceNuevo(
  d: { idUsuario: string; correoAnterior: string; correoNuevo: string; ahora: Date },
  soloSiCambio = false,
): { token: string; sentencia: InStatement; guardado: Condicion } {
  const { token, hash } = tokenNuevo();
  const expiraEn = new Date(d.ahora.getTime() + VIGENCIA_REVERSION_MS).toISOString();
  return {
    token,
    sentencia: {
      sql: `INSERT INTO enlaces_reversion (hash_token, id_usuario, correo_anterior, correo_nuevo, creado_en, expira_en)
            SELECT ?, ?, ?, ?, ?, ?${soloSiCambio ? ' WHERE changes() = 1' : ''}`,
      args: [hash, d.idUsuario, d.correoAnterior, d.correoNuevo, d.ahora.toISOString(), expiraEn],
    },
    guardado: { sql: 'EXISTS (SELECT 1 FROM enlaces_reversion WHERE hash_token = ?)', args: [hash] },
  };
}

/** The account of a revert link that can still be used (its ID and name), or null; changes nothing (a GET may call it). */
export async function usuarioDeEnlaceVigente(db: Ejecutor, token: string, ahora: Date): Promise<{ idUsuario: string; nombre: string } | null> {
  if (!FORMATO_TOKEN.test(token)) return null;
  const { rows } = await db.execute({
    sql: `SELECT u.id_usuario, u.nombre FROM enlaces_reversion e JOIN usuarios u ON u.id_usuario = e.id_usuario
          WHERE e.hash_token = ? AND ${PENDIENTE}`,
    args: [sha256Hex(token), ahora.toISOString()],
  });
  const fila = rows[0];
  return fila ? { idUsuario: String(fila.id_usuario), nombre: String(fila.nombre) } : null;
}

/**
 * The revert's restore, for its batch: while the link of `token` is pending and the account ACTIVO,
 * the address goes back to the `correo_anterior` of the account's oldest pending link (a link left
 * to expire acknowledges its change) and the account becomes BLOQUEADO.
 */
export function sentenciaRestaurarCorreo(idUsuario: string, token: string, ahora: Date): InStatement {
  const momento = ahora.toISOString();
  return {
    sql: `UPDATE usuarios SET estado = 'BLOQUEADO', version = version + 1, actualizado_en = ?,
            correo = (SELECT correo_anterior FROM enlaces_reversion WHERE id_usuario = ? AND ${PENDIENTE}
                      ORDER BY creado_en, rowid LIMIT 1)
          WHERE id_usuario = ? AND estado = 'ACTIVO'
            AND EXISTS (SELECT 1 FROM enlaces_reversion WHERE hash_token = ? AND id_usuario = ? AND ${PENDIENTE})`,
    args: [momento, idUsuario, momento, idUsuario, sha256Hex(token), idUsuario, momento],
  };
}

/** The link of `token` used and every other pending revert link of the account voided, when `condicion` holds. */
export function sentenciasEnlaceUsado(idUsuario: string, token: string, ahora: Date, condicion: Condicion): InStatement[] {
  const momento = ahora.toISOString();
  return [
    {
      sql: `UPDATE enlaces_reversion SET usado_en = ? WHERE hash_token = ? AND ${condicion.sql}`,
      args: [momento, sha256Hex(token), ...condicion.args],
    },
    {
      sql: `UPDATE enlaces_reversion SET anulado_en = ?
            WHERE id_usuario = ? AND usado_en IS NULL AND anulado_en IS NULL AND ${condicion.sql}`,
      args: [momento, idUsuario, ...condicion.args],
    },
  ];
}

export interface RestablecimientoEmitido {
  token: string;
  /** SQL that is true once this link is stored: the rest of a batch can depend on it. */
  emitido: Condicion;
  /** Its INSERT (for a BLOQUEADO account, when `condicion` holds) and the voiding of older links. */
  sentencias: InStatement[];
}

/** A new reset link for `idUsuario`, stored only if the account is BLOQUEADO and `condicion` holds. */
export function restablecimientoNuevo(idUsuario: string, ahora: Date, condicion: Condicion): RestablecimientoEmitido {
  const { token, hash } = tokenNuevo();
  const momento = ahora.toISOString();
  const emitido: Condicion = { sql: 'EXISTS (SELECT 1 FROM enlaces_restablecimiento WHERE hash_token = ?)', args: [hash] };
  return {
    token,
    emitido,
    sentencias: [
      {
        sql: `INSERT INTO enlaces_restablecimiento (hash_token, id_usuario, correo, creado_en, expira_en)
              SELECT ?, id_usuario, correo, ?, ? FROM usuarios
              WHERE id_usuario = ? AND estado = 'BLOQUEADO' AND ${condicion.sql}`,
        args: [hash, momento, new Date(ahora.getTime() + VIGENCIA_RESTABLECIMIENTO_MS).toISOString(), idUsuario, ...condicion.args],
      },
      {
        sql: `UPDATE enlaces_restablecimiento SET anulado_en = ?
              WHERE id_usuario = ? AND hash_token <> ? AND usado_en IS NULL AND anulado_en IS NULL AND ${emitido.sql}`,
        args: [momento, idUsuario, hash, ...emitido.args],
      },
    ],
  };
}

/** Stored only while the account has no pending reset link (a login after the last one expired). */
export function sinRestablecimientoPendiente(idUsuario: string, ahora: Date): Condicion {
  return {
    sql: `NOT EXISTS (SELECT 1 FROM enlaces_restablecimiento WHERE id_usuario = ? AND ${PENDIENTE})`,
    args: [idUsuario, ahora.toISOString()],
  };
}

export interface CuentaARestablecer {
  idUsuario: string;
  nombre: string;
  correo: string;
  contrasenaHash: string;
}

/** The BLOQUEADO account a pending reset link belongs to, or null; changes nothing (a GET may call it). */
export async function cuentaDeRestablecimiento(db: Ejecutor, token: string, ahora: Date): Promise<CuentaARestablecer | null> {
  if (!FORMATO_TOKEN.test(token)) return null;
  const { rows } = await db.execute({
    sql: `SELECT id_usuario, nombre, correo, clave_hash FROM usuarios
          WHERE estado = 'BLOQUEADO' AND id_usuario = (SELECT id_usuario FROM enlaces_restablecimiento WHERE hash_token = ? AND ${PENDIENTE})`,
    args: [sha256Hex(token), ahora.toISOString()],
  });
  const fila = rows[0];
  return fila
    ? { idUsuario: String(fila.id_usuario), nombre: String(fila.nombre), correo: String(fila.correo), contrasenaHash: String(fila.clave_hash) }
    : null;
}

/** The reset link of `token` used, if still pending (first in the reset's batch). */
export function sentenciaRestablecimientoUsado(token: string, ahora: Date): InStatement {
  const momento = ahora.toISOString();
  return { sql: `UPDATE enlaces_restablecimiento SET usado_en = ? WHERE hash_token = ? AND ${PENDIENTE}`, args: [momento, sha256Hex(token), momento] };
}

/** Every other pending reset link of the account voided, when `condicion` holds. */
export function sentenciaAnularRestablecimientos(idUsuario: string, ahora: Date, condicion: Condicion): InStatement {
  return {
    sql: `UPDATE enlaces_restablecimiento SET anulado_en = ? WHERE id_usuario = ? AND usado_en IS NULL AND anulado_en IS NULL AND ${condicion.sql}`,
    args: [ahora.toISOString(), idUsuario, ...condicion.args],
  };
}
