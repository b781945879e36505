import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { InStatement, InValue } from '@libsql/client';
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

/** A SQL condition a batch statement may be made to depend on, e.g. `EXISTS (…)`. */
export interface Condicion {
  sql: string;
  args: InValue[];
}

/**
 * A session for `idUsuario` after a password proof at `ahora`: its token and data, and the INSERT
 * that stores it, to run in one `db.batch` with the rest of the change (login, password change);
 * with `condicion`, the row is inserted only if it holds.
 */
export function sesionNueva(
  {
    idUsuario,
    ahora,
    ip,
    agente,
  }: {
    idUsuario: string;
    ahora: Date;
    ip?: string | null;
    agente?: string | null;
  },
  condicion?: Condicion,
): { sesion: SesionNueva; sentencia: InStatement } {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiraAbsolutaEn = new Date(ahora.getTime() + DURACION_MAXIMA_MS);
  const expiraEn = masTemprana(new Date(ahora.getTime() + INACTIVIDAD_MS), expiraAbsolutaEn);
  const momento = ahora.toISOString();
  const sentencia: InStatement = {
    sql: `INSERT INTO sesiones (id, token_hash, id_usuario, creada_en, ultimo_uso_en, expira_en,
            expira_absoluta_en, reautenticado_en, ip, agente)
          SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${condicion ? ` WHERE ${condicion.sql}` : ''}`,
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
      ...(condicion?.args ?? []),
    ],
  };
  return { sesion: { id, token, expiraEn, expiraAbsolutaEn }, sentencia };
}

/**
 * The live session of `token` (not revoked, not idle for 30 min, not older than 8 h, its user
 * not in BAJA), renewed: its idle limit moves to `ahora` + 30 min. Null otherwise.
 */
export async function resolverSesion(db: Ejecutor, token: string, ahora: Date): Promise<SesionActiva | null> {
  const momento = ahora.toISOString();
  // One statement finds and renews it (ISO-8601 UTC strings compare as times, so min() is the earlier).
  const r = await db.execute({
    sql: `UPDATE sesiones SET ultimo_uso_en = :momento, expira_en = min(:inactividad, expira_absoluta_en)
          WHERE token_hash = :hash AND revocada_en IS NULL AND expira_en > :momento AND expira_absoluta_en > :momento
            AND id_usuario IN (SELECT id_usuario FROM usuarios WHERE estado <> 'BAJA')
          RETURNING id, id_usuario, reautenticado_en, expira_en, expira_absoluta_en`,
    args: { momento, inactividad: new Date(ahora.getTime() + INACTIVIDAD_MS).toISOString(), hash: hashToken(token) },
  });
  const fila = r.rows[0];
  if (!fila) return null;
  return {
    id: String(fila.id),
    idUsuario: String(fila.id_usuario),
    reautenticadoEn: new Date(String(fila.reautenticado_en)),
    expiraEn: new Date(String(fila.expira_en)),
    expiraAbsolutaEn: new Date(String(fila.expira_absoluta_en)),
  };
}

/** Records a fresh password proof (login, "Cambio de clave" check, re-authentication). */
export async function marcarReautenticacion(db: Ejecutor, sesionId: string, ahora: Date): Promise<void> {
  await db.execute({ sql: 'UPDATE sesiones SET reautenticado_en = ? WHERE id = ?', args: [ahora.toISOString(), sesionId] });
}

/** Ends the session of `token` (logout; the session a new login replaces), for a `db.batch`. */
export function sentenciaRevocarToken(token: string, ahora: Date): InStatement {
  return {
    sql: 'UPDATE sesiones SET revocada_en = ? WHERE token_hash = ? AND revocada_en IS NULL',
    args: [ahora.toISOString(), hashToken(token)],
  };
}

/**
 * Ends every session of a user (baja, password change), for a `db.batch`; with `condicion`, only
 * if it holds.
 */
export function sentenciaRevocarSesionesDeUsuario(idUsuario: string, ahora: Date, condicion?: Condicion): InStatement {
  return {
    sql: `UPDATE sesiones SET revocada_en = ? WHERE id_usuario = ? AND revocada_en IS NULL${condicion ? ` AND ${condicion.sql}` : ''}`,
    args: [ahora.toISOString(), idUsuario, ...(condicion?.args ?? [])],
  };
}
