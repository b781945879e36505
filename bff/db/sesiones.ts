import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import Bowser from 'bowser';
import { INACTIVIDAD_SESION_MS, type SesionAbierta } from '../../contract/index.js';
import { sha256Hex, tokenAleatorio } from '../cripto.js';
import type { Condicion, Ejecutor } from './ejecutor.js';

/** 8 hours after login a session ends whatever its use. */
export const DURACION_MAXIMA_MS = 8 * 60 * 60_000;

/**
 * Live sessions a user may hold: a login beyond this ends the least recently used one(s). Enough
 * for a few browsers and devices and the host pages that embed the element; a leaked password
 * used again and again cannot pile up sessions.
 */
export const MAXIMO_SESIONES = 10;

export interface SesionNueva {
  id: string;
  /** Opaque bearer token (`tokenAleatorio`); the database keeps its SHA-256. */
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
  const token = tokenAleatorio();
  const id = randomUUID();
  const expiraAbsolutaEn = new Date(ahora.getTime() + DURACION_MAXIMA_MS);
  const expiraEn = masTemprana(new Date(ahora.getTime() + INACTIVIDAD_SESION_MS), expiraAbsolutaEn);
  const momento = ahora.toISOString();
  const sentencia: InStatement = {
    sql: `INSERT INTO sesiones (id, token_hash, id_usuario, creada_en, ultimo_uso_en, expira_en,
            expira_absoluta_en, reautenticado_en, ip, agente)
          SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${condicion ? ` WHERE ${condicion.sql}` : ''}`,
    args: [
      id,
      sha256Hex(token),
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

/** A session not revoked, not idle for 30 min, not older than 8 h (`:momento` = now). */
const VIVA = 'revocada_en IS NULL AND expira_en > :momento AND expira_absoluta_en > :momento';

/**
 * The live session of `token` (its user not in BAJA), renewed: its idle limit moves to `ahora` +
 * 30 min, and `ip`, when known, becomes its latest address. Null otherwise.
 */
export async function resolverSesion(db: Ejecutor, token: string, ahora: Date, ip: string | null = null): Promise<SesionActiva | null> {
  const momento = ahora.toISOString();
  // One statement finds and renews it (ISO-8601 UTC strings compare as times, so min() is the earlier).
  const r = await db.execute({
    sql: `UPDATE sesiones SET ultimo_uso_en = :momento, expira_en = min(:inactividad, expira_absoluta_en),
            ultima_ip = coalesce(:ip, ultima_ip)
          WHERE token_hash = :hash AND ${VIVA}
            AND id_usuario IN (SELECT id_usuario FROM usuarios WHERE estado <> 'BAJA')
          RETURNING id, id_usuario, reautenticado_en, expira_en, expira_absoluta_en`,
    args: { momento, inactividad: new Date(ahora.getTime() + INACTIVIDAD_SESION_MS).toISOString(), hash: sha256Hex(token), ip },
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
    args: [ahora.toISOString(), sha256Hex(token)],
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

/**
 * Keeps a user's live sessions at `MAXIMO_SESIONES`, ending the least recently used beyond it
 * (for the login batch, after the new session's INSERT; ties go to the newer row).
 */
export function sentenciaLimitarSesiones(idUsuario: string, ahora: Date): InStatement {
  return {
    sql: `UPDATE sesiones SET revocada_en = :momento
          WHERE id IN (SELECT id FROM sesiones WHERE id_usuario = :usuario AND ${VIVA}
                       ORDER BY ultimo_uso_en DESC, rowid DESC LIMIT -1 OFFSET :maximo)`,
    args: { momento: ahora.toISOString(), usuario: idUsuario, maximo: MAXIMO_SESIONES },
  };
}

/** Ends every live session of a user but `sesionId` ("Cerrar las demás sesiones"), for a `db.batch`. */
export function sentenciaRevocarOtrasSesiones(idUsuario: string, sesionId: string, ahora: Date): InStatement {
  return {
    sql: `UPDATE sesiones SET revocada_en = :momento WHERE id_usuario = :usuario AND id <> :actual AND ${VIVA}`,
    args: { momento: ahora.toISOString(), usuario: idUsuario, actual: sesionId },
  };
}

/** "Chrome 126 · Windows 10", "Safari 17.5 · iOS 17.5": a short readable summary of a User-Agent. */
export function resumenDispositivo(agente: string | null): string | null {
  if (!agente?.trim()) return null;
  const { browser, os } = Bowser.parse(agente);
  const navegador = [browser.name, browser.version?.split('.').slice(0, 2).join('.').replace(/\.0$/, '')];
  const sistema = [os.name, os.versionName ?? os.version];
  const resumen = [navegador, sistema].map((partes) => partes.filter(Boolean).join(' ')).filter(Boolean).join(' · ');
  // Not a browser (curl, a server): its first product token.
  return resumen || agente.trim().split(/\s+/)[0]!.slice(0, 60);
}

/** The user's live sessions (`GET /api/sesiones`): the current one first, then by latest use. */
export async function listarSesiones(db: Ejecutor, idUsuario: string, sesionId: string, ahora: Date): Promise<SesionAbierta[]> {
  const r = await db.execute({
    sql: `SELECT id, agente, coalesce(ultima_ip, ip) AS ip, creada_en, ultimo_uso_en FROM sesiones
          WHERE id_usuario = :usuario AND ${VIVA}
          ORDER BY id = :actual DESC, ultimo_uso_en DESC, rowid DESC`,
    args: { momento: ahora.toISOString(), usuario: idUsuario, actual: sesionId },
  });
  return r.rows.map((fila) => ({
    id: String(fila.id),
    dispositivo: resumenDispositivo(fila.agente === null ? null : String(fila.agente)),
    ip: fila.ip === null ? null : String(fila.ip),
    iniciadaEn: String(fila.creada_en),
    ultimoUsoEn: String(fila.ultimo_uso_en),
    actual: fila.id === sesionId,
  }));
}
