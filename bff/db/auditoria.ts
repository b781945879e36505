import type { InStatement } from '@libsql/client';
import type { Actividad, Evento } from '../../contract/index.js';
import type { Condicion, Ejecutor } from './ejecutor.js';

export interface RegistroAuditoria {
  idUsuario: string;
  evento: Evento;
  /** Names of the fields involved, never their values. */
  campos?: readonly string[];
  ip?: string | null;
  agente?: string | null;
  idSolicitud?: string | null;
  creadoEn: Date;
  /**
   * Repeated events (failed logins, limit hits): the same event with the same fields in the same
   * window of this many ms (fixed, from the epoch) adds 1 to one row's `conteo` instead of adding a
   * row, so strangers cannot flood the user's activity.
   */
  agruparMs?: number;
}

const CONDICIONES = {
  siCambio: 'changes() = 1',
  siAlguno: 'changes() > 0',
  siExiste: 'EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ?)',
};

/**
 * The INSERT of one audit row, for a `db.batch`. With `'siCambio'` the row is written only if the
 * previous statement of the batch changed exactly one row (`changes() = 1`), with `'siAlguno'` if
 * it changed any; with `'siExiste'` only if the user exists (one statement either way, so an
 * unknown ID costs the same round trip); with a `Condicion`, only if it holds. With `agruparMs` a
 * repeat within the window only counts (see `RegistroAuditoria`).
 */
export function sentenciaEvento(registro: RegistroAuditoria, condicion?: keyof typeof CONDICIONES | Condicion): InStatement {
  // An INSERT … SELECT with an upsert needs a WHERE before ON CONFLICT.
  const donde = condicion === undefined ? 'true' : typeof condicion === 'string' ? CONDICIONES[condicion] : condicion.sql;
  const campos = JSON.stringify(registro.campos ?? []);
  const agrupacion = registro.agruparMs
    ? `${registro.evento}|${campos}|${Math.floor(registro.creadoEn.getTime() / registro.agruparMs)}`
    : null;
  return {
    sql: `INSERT INTO auditoria (id_usuario, evento, campos, ip, agente, id_solicitud, creado_en, agrupacion)
          SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${donde}
          ON CONFLICT (id_usuario, agrupacion) WHERE agrupacion IS NOT NULL DO UPDATE SET conteo = conteo + 1`,
    args: [
      registro.idUsuario,
      registro.evento,
      campos,
      registro.ip ?? null,
      registro.agente?.slice(0, 300) ?? null,
      registro.idSolicitud ?? null,
      registro.creadoEn.toISOString(),
      agrupacion,
      ...(condicion === 'siExiste' ? [registro.idUsuario] : typeof condicion === 'object' ? condicion.args : []),
    ],
  };
}

/** Writes one audit row (who, what, which fields, when, from where). Never pass secrets. */
export async function registrarEvento(db: Ejecutor, registro: RegistroAuditoria): Promise<void> {
  await db.execute(sentenciaEvento(registro));
}

/** Failed attempts and limit hits: what anyone who types an ID can cause, unlike the user's own actions. */
const INTENTOS: readonly Evento[] = ['INICIO_SESION_FALLIDO', 'CONTRASENA_INCORRECTA', 'LIMITE_EXCEDIDO'];
/** Places of the list that failed attempts may always take, however many actions the user has. */
const PLAZAS_INTENTOS = 10;

async function ultimos(db: Ejecutor, idUsuario: string, intentos: boolean, limite: number): Promise<(Actividad & { id: number })[]> {
  const r = await db.execute({
    sql: `SELECT id, evento, campos, creado_en, ip, conteo FROM auditoria
          WHERE id_usuario = ? AND evento ${intentos ? '' : 'NOT '}IN (${INTENTOS.map(() => '?').join(', ')})
          ORDER BY creado_en DESC, id DESC LIMIT ?`,
    args: [idUsuario, ...INTENTOS, limite],
  });
  return r.rows.map((fila) => ({
    id: Number(fila.id),
    evento: String(fila.evento) as Evento,
    campos: JSON.parse(String(fila.campos)) as string[],
    creadoEn: String(fila.creado_en),
    ip: fila.ip === null ? null : String(fila.ip),
    conteo: Number(fila.conteo),
  }));
}

/**
 * The user's latest `limite` events, newest first (`GET /api/usuario/actividad`). Failed attempts and
 * limit hits (each row already coalesced per window) take at most 10 places while the user's own
 * actions would fill the rest, so strangers typing the ID cannot push the user's changes out.
 */
export async function listarActividad(db: Ejecutor, idUsuario: string, limite = 50): Promise<Actividad[]> {
  const propias = await ultimos(db, idUsuario, false, limite);
  const intentos = await ultimos(db, idUsuario, true, limite);
  const plazasIntentos = Math.min(intentos.length, Math.max(PLAZAS_INTENTOS, limite - propias.length));
  return [...propias.slice(0, limite - plazasIntentos), ...intentos.slice(0, plazasIntentos)]
    .sort((a, b) => (a.creadoEn === b.creadoEn ? b.id - a.id : a.creadoEn < b.creadoEn ? 1 : -1))
    .map(({ id: _id, ...actividad }) => actividad);
}
