/**
 * "No reconozco este cambio" links (DESIGN §4; table `enlaces_reversion`, migrations 002 and 004):
 * after an email change the old address gets a one-time link, valid 7 days, that restores it. The
 * token is 32 random bytes in base64url; only its SHA-256 is stored (it has full entropy, so no key
 * or slow hash is needed). Using it is `revertirCambioCorreo` (./revertir.ts), which voids the
 * account's other pending links.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import type { Ejecutor } from '../db/ejecutor.js';

const VIGENCIA_ENLACE_MS = 7 * 24 * 60 * 60 * 1000;
/** A link token as `tokenDeEnlace` makes it: 43 base64url characters. */
export const FORMATO_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A one-time link's token (256 random bits, base64url) and the SHA-256 the database keeps. */
export function tokenDeEnlace(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashTokenEnlace(token) };
}

export function hashTokenEnlace(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** SQL: the link is neither used, voided nor expired (`?` = now). */
export const PENDIENTE = 'usado_en IS NULL AND anulado_en IS NULL AND expira_en > ?';

/**
 * A link for the old address, valid 7 days: its token (for the URL, nowhere else) and the INSERT
 * that stores it, run in the batch that changes the address. With `soloSiCambio` the row is
 * inserted only if the statement before it in the batch changed a row (`changes() = 1`).
 */
export function enlaceNuevo(
  d: { idUsuario: string; correoAnterior: string; correoNuevo: string; ahora: Date },
  soloSiCambio = false,
): { token: string; sentencia: InStatement } {
  const { token, hash } = tokenDeEnlace();
  const expiraEn = new Date(d.ahora.getTime() + VIGENCIA_ENLACE_MS).toISOString();
  return {
    token,
    sentencia: {
      sql: `INSERT INTO enlaces_reversion (hash_token, id_usuario, correo_anterior, correo_nuevo, creado_en, expira_en)
            SELECT ?, ?, ?, ?, ?, ?${soloSiCambio ? ' WHERE changes() = 1' : ''}`,
      args: [hash, d.idUsuario, d.correoAnterior, d.correoNuevo, d.ahora.toISOString(), expiraEn],
    },
  };
}

/** The account of a link that can still be used (its ID and name), or null; changes nothing (a GET may call it). */
export async function usuarioDeEnlaceVigente(db: Ejecutor, token: string, ahora: Date): Promise<{ idUsuario: string; nombre: string } | null> {
  if (!FORMATO_TOKEN.test(token)) return null;
  const { rows } = await db.execute({
    sql: `SELECT u.id_usuario, u.nombre FROM enlaces_reversion e JOIN usuarios u ON u.id_usuario = e.id_usuario
          WHERE e.hash_token = ? AND ${PENDIENTE}`,
    args: [hashTokenEnlace(token), ahora.toISOString()],
  });
  const fila = rows[0];
  return fila ? { idUsuario: String(fila.id_usuario), nombre: String(fila.nombre) } : null;
}
