import { randomUUID } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import Bowser from 'bowser';
import { INACTIVIDAD_SESION_MS, type SesionAbierta } from '../../contract/index.js';
import { sha256Hex, tokenAleatorio } from '../cripto.js';
import type { Condicion, Ejecutor } from './ejecutor.js';
import { columnaUsuario, usuarioDeFila, type UsuarioGuardado } from './usuarios.js';

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
 * A use less than a minute after the recorded one does not extend the session (the pattern of
 * Ory Kratos's `earliest_possible_extend`): reads stay reads, and the idle limit, the "last use"
 * and its address are precise to this (docs/decisiones.md, "Sesiones").
 */
export const RENOVACION_MINIMA_MS = 60_000;

/** The live session of a request, its user, and the extension it is due (null within the minute). */
export interface SesionActiva {
  id: string;
  reautenticadoEn: Date;
  usuario: UsuarioGuardado;
  /** The UPDATE that extends the idle limit to now + 30 min and records now and `ip` as its latest use. */
  renovacion: InStatement | null;
}

/**
 * The live session of `token` and its user (not in BAJA), in one read by the token's unique index
 * and the user's primary key; null otherwise. Revocation counts at once on every instance: nothing
 * is cached. Once a minute at most the session is also due its extension (`renovacion`, to run or
 * to put in the request's write batch), with `ip`, when known, as its latest address.
 */
export async function resolverSesion(db: Ejecutor, token: string, ahora: Date, ip: string | null = null): Promise<SesionActiva | null> {
  const momento = ahora.toISOString();
  const umbral = new Date(ahora.getTime() - RENOVACION_MINIMA_MS).toISOString();
  const r = await db.execute({
    // Two result columns (the libSQL client pays per column: `columnaUsuario`).
    sql: `SELECT json_object('id', s.id, 'reautenticadoEn', s.reautenticado_en, 'renovar', s.ultimo_uso_en <= :umbral) AS sesion,
            ${columnaUsuario('u')}
          FROM sesiones s JOIN usuarios u ON u.id_usuario = s.id_usuario
          WHERE s.token_hash = :hash AND ${VIVA} AND u.estado <> 'BAJA'`,
    args: { momento, umbral, hash: sha256Hex(token) },
  });
  const fila = r.rows[0];
  const usuario = usuarioDeFila(fila);
  if (!fila || !usuario) return null;
  const { id, reautenticadoEn, renovar } = JSON.parse(String(fila.sesion)) as { id: string; reautenticadoEn: string; renovar: number };
  return {
    id,
    reautenticadoEn: new Date(reautenticadoEn),
    usuario,
    // Conditional, so concurrent requests extend it once (ISO-8601 UTC strings compare as times).
    renovacion: renovar
      ? {
          sql: `UPDATE sesiones SET ultimo_uso_en = :momento, expira_en = min(:inactividad, expira_absoluta_en),
                  ultima_ip = coalesce(:ip, ultima_ip)
                WHERE id = :id AND ultimo_uso_en <= :umbral AND ${VIVA}`,
          args: { momento, umbral, inactividad: new Date(ahora.getTime() + INACTIVIDAD_SESION_MS).toISOString(), ip, id },
        }
      : null,
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

/**
 * The user's live sessions (`GET /api/sesiones`): the current one first, then by latest use. The
 * current session's due extension (`renovacion`) runs first in the same batch, so its row shows
 * this use.
 */
export async function listarSesiones(
  db: Pick<Client, 'batch'>,
  idUsuario: string,
  sesionId: string,
  ahora: Date,
  renovacion: InStatement[] = [],
): Promise<SesionAbierta[]> {
  const lista: InStatement = {
    sql: `SELECT id, agente, coalesce(ultima_ip, ip) AS ip, creada_en, ultimo_uso_en FROM sesiones
          WHERE id_usuario = :usuario AND ${VIVA}
          ORDER BY id = :actual DESC, ultimo_uso_en DESC, rowid DESC`,
    args: { momento: ahora.toISOString(), usuario: idUsuario, actual: sesionId },
  };
  const resultados = await db.batch([...renovacion, lista], renovacion.length > 0 ? 'write' : 'read');
  return resultados.at(-1)!.rows.map((fila) => ({
    id: String(fila.id),
    dispositivo: resumenDispositivo(fila.agente === null ? null : String(fila.agente)),
    ip: fila.ip === null ? null : String(fila.ip),
    iniciadaEn: String(fila.creada_en),
    ultimoUsoEn: String(fila.ultimo_uso_en),
    actual: fila.id === sesionId,
  }));
}
