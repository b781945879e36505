import type { InStatement } from '@libsql/client';
import type { Ejecutor } from '../db/ejecutor.js';

import type { Evento } from '../contract/index.js';

export type { Evento };

export interface RegistroAuditoria {
  idUsuario: string;
  evento: Evento;
  /** Names of the fields involved, never their values. */
  campos?: readonly string[];
  ip?: string | null;
  agente?: string | null;
  idSolicitud?: string | null;
  creadoEn: Date;
}

const CONDICIONES = {
  siCambio: ' WHERE changes() = 1',
  siAlguno: ' WHERE changes() > 0',
  siExiste: ' WHERE EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ?)',
};

/**
 * The INSERT of one audit row, for a `db.batch`. With `'siCambio'` the row is written only if the
 * previous statement of the batch changed exactly one row (`changes() = 1`), with `'siAlguno'` if
 * it changed any; with `'siExiste'` only if the user exists (one statement either way, so an
 * unknown ID costs the same round trip).
 */
export function sentenciaEvento(registro: RegistroAuditoria, condicion?: keyof typeof CONDICIONES): InStatement {
  const donde = condicion ? CONDICIONES[condicion] : '';
  return {
    sql: `INSERT INTO auditoria (id_usuario, evento, campos, ip, agente, id_solicitud, creado_en)
          SELECT ?, ?, ?, ?, ?, ?, ?${donde}`,
    args: [
      registro.idUsuario,
      registro.evento,
      JSON.stringify(registro.campos ?? []),
      registro.ip ?? null,
      registro.agente?.slice(0, 300) ?? null,
      registro.idSolicitud ?? null,
      registro.creadoEn.toISOString(),
      ...(condicion === 'siExiste' ? [registro.idUsuario] : []),
    ],
  };
}

/** Writes one audit row (who, what, which fields, when, from where). Never pass secrets. */
export async function registrarEvento(db: Ejecutor, registro: RegistroAuditoria): Promise<void> {
  await db.execute(sentenciaEvento(registro));
}

export interface Actividad {
  evento: string;
  campos: string[];
  creadoEn: string;
  ip: string | null;
}

/** The user's latest events, newest first (`GET /api/usuario/actividad`). */
export async function listarActividad(db: Ejecutor, idUsuario: string, limite = 50): Promise<Actividad[]> {
  const r = await db.execute({
    sql: `SELECT evento, campos, creado_en, ip FROM auditoria
          WHERE id_usuario = ? ORDER BY creado_en DESC, id DESC LIMIT ?`,
    args: [idUsuario, limite],
  });
  return r.rows.map((fila) => ({
    evento: String(fila.evento),
    campos: JSON.parse(String(fila.campos)) as string[],
    creadoEn: String(fila.creado_en),
    ip: fila.ip === null ? null : String(fila.ip),
  }));
}
