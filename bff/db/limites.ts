import type { InStatement, ResultSet } from '@libsql/client';
import type { Ejecutor } from './ejecutor.js';

/** A fixed-window limit: at most `maximo` hits per `ventanaMs` for `clave`. */
export interface Limite {
  clave: string;
  maximo: number;
  ventanaMs: number;
  ahora: Date;
}

export interface ResultadoLimite {
  permitido: boolean;
  /** Seconds until the window closes (0 when there is none). */
  reintentarEnS: number;
}

function segundosHasta(expiraMs: number, ahora: Date): number {
  return Math.max(1, Math.ceil((expiraMs - ahora.getTime()) / 1000));
}

/** One more hit for :clave at :ms: a closed window reopens at 1 for :ventana ms. */
const CONTAR = `INSERT INTO limites (clave, conteo, expira_ms) VALUES (:clave, 1, :ms + :ventana)
  ON CONFLICT (clave) DO UPDATE SET
    conteo = CASE WHEN expira_ms <= :ms THEN 1 ELSE conteo + 1 END,
    expira_ms = CASE WHEN expira_ms <= :ms THEN :ms + :ventana ELSE expira_ms END`;

/**
 * Counts one hit and says whether it is within the limit. One UPSERT, so concurrent requests
 * (even from several processes sharing the database) never lose a hit.
 */
export async function consumir(db: Ejecutor, { clave, maximo, ventanaMs, ahora }: Limite): Promise<ResultadoLimite> {
  const ms = ahora.getTime();
  const r = await db.execute({
    sql: `${CONTAR} RETURNING conteo, expira_ms`,
    args: { clave, ms, ventana: ventanaMs },
  });
  const fila = r.rows[0]!;
  const permitido = Number(fila.conteo) <= maximo;
  return { permitido, reintentarEnS: permitido ? 0 : segundosHasta(Number(fila.expira_ms), ahora) };
}

/** Whether `clave` already reached `maximo` in its open window, without counting a hit. */
export async function consultar(db: Ejecutor, { clave, maximo, ahora }: Omit<Limite, 'ventanaMs'>): Promise<ResultadoLimite> {
  const r = await db.execute({
    sql: 'SELECT conteo, expira_ms FROM limites WHERE clave = ? AND expira_ms > ?',
    args: [clave, ahora.getTime()],
  });
  const fila = r.rows[0];
  if (!fila || Number(fila.conteo) < maximo) return { permitido: true, reintentarEnS: 0 };
  return { permitido: false, reintentarEnS: segundosHasta(Number(fila.expira_ms), ahora) };
}

/**
 * Counts one attempt BEFORE it is made, when the open window still has room: allowed while fewer
 * than `maximo` were counted, and then the attempt is counted; refused (nothing counted) otherwise.
 * One conditional UPSERT, so concurrent attempts cannot all see room and all be tried (a check
 * followed by a later count could). A successful attempt then calls `reiniciar`, so only failures
 * stay counted.
 */
export async function reservar(db: Ejecutor, { clave, maximo, ventanaMs, ahora }: Limite): Promise<ResultadoLimite> {
  const ms = ahora.getTime();
  const r = await db.execute({
    sql: `${CONTAR} WHERE expira_ms <= :ms OR conteo < :maximo RETURNING conteo`,
    args: { clave, ms, ventana: ventanaMs, maximo },
  });
  if (r.rows.length > 0) return { permitido: true, reintentarEnS: 0 };
  const { reintentarEnS } = await consultar(db, { clave, maximo, ahora });
  return { permitido: false, reintentarEnS: Math.max(1, reintentarEnS) };
}

/** One attempt reserved in several limits at once: the statements that open a write `db.batch`, and how to read it. */
export interface Reserva {
  sentencias: InStatement[];
  /** The outcome, from the results of the batch the statements opened. */
  resultado(resultados: ResultSet[]): ResultadoLimite;
}

/**
 * Reserves one attempt in every limit, all or none, for the start of a write `db.batch` (so the
 * caller reads what it needs in the same round trip): each counter takes the hit; if one went past
 * its `maximo`, every counter gives it back in the same transaction, so a refused attempt is counted
 * nowhere and concurrent attempts cannot all slip under a limit. The wait is that of the first limit
 * that refused.
 */
export function reservaDeTodos(limites: readonly Limite[]): Reserva {
  const claves = limites.map((l) => l.clave);
  const enLista = claves.map(() => '?').join(', ');
  const excedido = limites.map(() => '(clave = ? AND conteo > ?)').join(' OR ');
  const sentencias: InStatement[] = [
    ...limites.map(({ clave, ventanaMs, ahora }) => ({ sql: CONTAR, args: { clave, ms: ahora.getTime(), ventana: ventanaMs } })),
    {
      sql: `UPDATE limites SET conteo = conteo - 1 WHERE clave IN (${enLista}) AND EXISTS (SELECT 1 FROM limites WHERE ${excedido})`,
      args: [...claves, ...limites.flatMap((l) => [l.clave, l.maximo])],
    },
    { sql: `SELECT clave, conteo, expira_ms FROM limites WHERE clave IN (${enLista})`, args: claves },
  ];
  return {
    sentencias,
    resultado(resultados) {
      if (!resultados[limites.length]?.rowsAffected) return { permitido: true, reintentarEnS: 0 };
      const filas = resultados[limites.length + 1]?.rows ?? [];
      // Given back, a counter that refused is still at its maximum; the others are below theirs.
      const limite = limites.find((l) => filas.some((f) => f.clave === l.clave && Number(f.conteo) >= l.maximo));
      const fila = filas.find((f) => f.clave === limite?.clave);
      return { permitido: false, reintentarEnS: fila ? segundosHasta(Number(fila.expira_ms), limite!.ahora) : 1 };
    },
  };
}

/** The UPDATE that gives back one reserved attempt of `clave` (it was not tried, or it succeeded), for a `db.batch`. */
export function sentenciaDevolver(clave: string): InStatement {
  return { sql: 'UPDATE limites SET conteo = conteo - 1 WHERE clave = ? AND conteo > 0', args: [clave] };
}

/** Expired counters deleted by one `sentenciaPurgar`: enough to keep up, small enough to stay cheap. */
const PURGA_MAXIMA = 100;

/**
 * The DELETE of up to 100 counters whose window closed before `ahora` (found through the index on
 * `expira_ms`), for a `db.batch`: run with every login attempt, so made-up IDs do not pile up.
 */
export function sentenciaPurgar(ahora: Date): InStatement {
  return {
    sql: 'DELETE FROM limites WHERE rowid IN (SELECT rowid FROM limites WHERE expira_ms <= ? LIMIT ?)',
    args: [ahora.getTime(), PURGA_MAXIMA],
  };
}

/** The DELETE that forgets the hits of `clave`, for a `db.batch`. */
export function sentenciaReiniciar(clave: string): InStatement {
  return { sql: 'DELETE FROM limites WHERE clave = ?', args: [clave] };
}

/** Forgets the hits of `clave` (e.g. the failed logins of an ID after a successful login). */
export async function reiniciar(db: Ejecutor, clave: string): Promise<void> {
  await db.execute(sentenciaReiniciar(clave));
}

/** The counters of DESIGN §4 kept in `limites` (the security-code limits are read from `codigos_seguridad`). */
export const LIMITES = {
  /** Failed logins per ID from one client: 5 per 15 minutes (the owner elsewhere is not locked out). */
  inicioSesion: { maximo: 5, ventanaMs: 15 * 60_000 },
  /** Failed logins per ID from all clients together: 50 per 15 minutes (a distributed guesser). */
  inicioSesionId: { maximo: 50, ventanaMs: 15 * 60_000 },
  /** Failed logins per client across IDs: 20 per 15 minutes (one client trying many IDs). */
  inicioSesionCliente: { maximo: 20, ventanaMs: 15 * 60_000 },
  /** Wrong passwords per user (the "Cambio de clave" check, the re-authentication, a PUT's contrasenaAnterior): 5 per 15 minutes. */
  pruebaContrasena: { maximo: 5, ventanaMs: 15 * 60_000 },
  /** Availability checks per user: 20 per hour. */
  disponibilidad: { maximo: 20, ventanaMs: 60 * 60_000 },
} as const;
