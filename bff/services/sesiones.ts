import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ejecutor } from '../db/ejecutor.js';

/** 30 minutes without use end a session (renewed on every authenticated request). */
export const INACTIVIDAD_MS = 30 * 60_000;
/** 8 hours after login a session ends whatever its use. */
export const DURACION_MAXIMA_MS = 8 * 60 * 60_000;

/** The token travels only to the client; the database keeps its SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SesionNueva {
  id: string;
  /** Opaque bearer token: 256 random bits, base64url. */
  token: string;
  /** When it ends if unused (idle limit, never after the absolute one). */
  expiraEn: Date;
  expiraAbsolutaEn: Date;
}

export interface SesionActiva {
  id: string;
  idUsuario: string;
  reautenticadoEn: Date;
  expiraEn: Date;
  expiraAbsolutaEn: Date;
}

function masTemprana(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** Opens a session for `idUsuario` after a password proof at `ahora`. */
export async function crearSesion(
  db: Ejecutor,
  { idUsuario, ahora, ip, agente }: { idUsuario: string; ahora: Date; ip?: string | null; agente?: string | null },
): Promise<SesionNueva> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiraAbsolutaEn = new Date(ahora.getTime() + DURACION_MAXIMA_MS);
  const expiraEn = masTemprana(new Date(ahora.getTime() + INACTIVIDAD_MS), expiraAbsolutaEn);
  const momento = ahora.toISOString();
  await db.execute({
    sql: `INSERT INTO sesiones (id, token_hash, id_usuario, creada_en, ultimo_uso_en, expira_en,
            expira_absoluta_en, reautenticado_en, ip, agente)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      hashToken(token),
      idUsuario,
      momento,
      momento,
      expiraEn.toISOString(),
      expiraAbsolutaEn.toISOString(),
      momento,
      ip ?? null,
      agente?.slice(0, 300) ?? null,
    ],
  });
  return { id, token, expiraEn, expiraAbsolutaEn };
}

/**
 * The live session of `token` (not revoked, not idle for 30 min, not older than 8 h, its user
 * not in BAJA), renewed: its idle limit moves to `ahora` + 30 min. Null otherwise.
 */
export async function resolverSesion(db: Ejecutor, token: string, ahora: Date): Promise<SesionActiva | null> {
  const momento = ahora.toISOString();
  const r = await db.execute({
    sql: `SELECT s.id, s.id_usuario, s.reautenticado_en, s.expira_absoluta_en
          FROM sesiones s JOIN usuarios u ON u.id_usuario = s.id_usuario
          WHERE s.token_hash = ? AND s.revocada_en IS NULL
            AND s.expira_en > ? AND s.expira_absoluta_en > ? AND u.estado <> 'BAJA'`,
    args: [hashToken(token), momento, momento],
  });
  const fila = r.rows[0];
  if (!fila) return null;
  const expiraAbsolutaEn = new Date(String(fila.expira_absoluta_en));
  const expiraEn = masTemprana(new Date(ahora.getTime() + INACTIVIDAD_MS), expiraAbsolutaEn);
  await db.execute({
    sql: 'UPDATE sesiones SET ultimo_uso_en = ?, expira_en = ? WHERE id = ?',
    args: [momento, expiraEn.toISOString(), String(fila.id)],
  });
  return {
    id: String(fila.id),
    idUsuario: String(fila.id_usuario),
    reautenticadoEn: new Date(String(fila.reautenticado_en)),
    expiraEn,
    expiraAbsolutaEn,
  };
}

/** Records a fresh password proof (login, "Cambio de clave" check, re-authentication). */
export async function marcarReautenticacion(db: Ejecutor, sesionId: string, ahora: Date): Promise<void> {
  await db.execute({ sql: 'UPDATE sesiones SET reautenticado_en = ? WHERE id = ?', args: [ahora.toISOString(), sesionId] });
}

/** Ends one session (logout). */
export async function revocarSesion(db: Ejecutor, sesionId: string, ahora: Date): Promise<void> {
  await db.execute({
    sql: 'UPDATE sesiones SET revocada_en = ? WHERE id = ? AND revocada_en IS NULL',
    args: [ahora.toISOString(), sesionId],
  });
}

/** Ends every session of a user (baja, "No reconozco este cambio", password change). */
export async function revocarSesionesDeUsuario(db: Ejecutor, idUsuario: string, ahora: Date): Promise<void> {
  await db.execute({
    sql: 'UPDATE sesiones SET revocada_en = ? WHERE id_usuario = ? AND revocada_en IS NULL',
    args: [ahora.toISOString(), idUsuario],
  });
}
