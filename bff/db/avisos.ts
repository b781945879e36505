/**
 * Notices about a change that is already saved (DESIGN §4): the old address's «No reconozco este
 * cambio» link, password changed, baja, and the unblock link. A transactional outbox (table
 * `avisos_pendientes`, migration 008): the notice's row is written in the same write batch as the
 * change, so a saved change always owes its notice, whatever happens to the process afterwards;
 * the request does not wait for the provider. The sender (../services/despachador.ts) delivers the
 * rows.
 */
import { randomUUID } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import { sellarContenido, type ContenidoCorreo } from '../mail/index.js';
import { sentenciaEvento } from './auditoria.js';
import type { Condicion, Ejecutor } from './ejecutor.js';

export type TipoAviso = 'CORREO_MODIFICADO' | 'CLAVE_MODIFICADA' | 'BAJA_SOLICITADA' | 'RESTABLECIMIENTO';

export interface Aviso {
  idUsuario: string;
  tipo: TipoAviso;
  /** The recipient; absent → the account's address as the batch leaves it (e.g. the one a revert restored). */
  para?: string;
  contenido: ContenidoCorreo;
  ahora: Date;
  idSolicitud: string | null;
}

/**
 * The INSERT of a notice owed, for the batch that saves the change; only if `condicion` holds (the
 * change happened). The content is sealed with `secreto` (SECRETO_CODIGOS): it may hold a link.
 */
export function sentenciaAviso(secreto: string, aviso: Aviso, condicion: Condicion): InStatement {
  const para =
    aviso.para === undefined
      ? { sql: '(SELECT correo FROM usuarios WHERE id_usuario = ?)', args: [aviso.idUsuario] }
      : { sql: '?', args: [aviso.para] };
  return {
    sql: `INSERT INTO avisos_pendientes (id, id_usuario, tipo, para, contenido, id_solicitud, creado_en, proximo_ms)
          SELECT ?, ?, ?, ${para.sql}, ?, ?, ?, ? WHERE ${condicion.sql}`,
    args: [
      randomUUID(),
      aviso.idUsuario,
      aviso.tipo,
      ...para.args,
      sellarContenido(secreto, aviso.contenido),
      aviso.idSolicitud,
      aviso.ahora.toISOString(),
      aviso.ahora.getTime(),
      ...condicion.args,
    ],
  };
}

/** A notice a sender claimed. */
export interface AvisoReservado {
  id: string;
  idUsuario: string;
  tipo: string;
  para: string;
  contenido: string;
  idSolicitud: string | null;
  /** Tries before this one. */
  intentos: number;
}

/** Whether some notice is due at `ahoraMs` and not claimed (a read: no write lock while idle). */
export async function hayAvisosListos(db: Ejecutor, ahoraMs: number): Promise<boolean> {
  const { rows } = await db.execute({
    sql: 'SELECT 1 FROM avisos_pendientes WHERE proximo_ms <= ? AND reservado_hasta_ms <= ? LIMIT 1',
    args: [ahoraMs, ahoraMs],
  });
  return rows.length > 0;
}

/**
 * Claims up to `lote` due notices for `por` until `hastaMs`, oldest first, in one statement: two
 * processes never hold the same row, and a row whose lease ran out (its claimer died) is due again.
 */
export async function reservarAvisos(
  db: Ejecutor,
  d: { ahoraMs: number; hastaMs: number; por: string; lote: number },
): Promise<AvisoReservado[]> {
  const { rows } = await db.execute({
    sql: `UPDATE avisos_pendientes SET reservado_por = ?, reservado_hasta_ms = ?
          WHERE id IN (SELECT id FROM avisos_pendientes WHERE proximo_ms <= ? AND reservado_hasta_ms <= ?
                       ORDER BY proximo_ms LIMIT ?)
          RETURNING id, id_usuario, tipo, para, contenido, id_solicitud, intentos`,
    args: [d.por, d.hastaMs, d.ahoraMs, d.ahoraMs, d.lote],
  });
  return rows.map((fila) => ({
    id: String(fila.id),
    idUsuario: String(fila.id_usuario),
    tipo: String(fila.tipo),
    para: String(fila.para),
    contenido: String(fila.contenido),
    idSolicitud: fila.id_solicitud === null ? null : String(fila.id_solicitud),
    intentos: Number(fila.intentos),
  }));
}

/** Delivered: the row goes, whoever holds it now (a second send would carry the same Idempotency-Key). */
export async function avisoEntregado(db: Ejecutor, id: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM avisos_pendientes WHERE id = ?', args: [id] });
}

/** A failed try: counted, the claim released, due again at `proximoMs`. */
export async function posponerAviso(db: Ejecutor, d: { id: string; por: string; proximoMs: number; error: string }): Promise<void> {
  await db.execute({
    sql: `UPDATE avisos_pendientes SET intentos = intentos + 1, proximo_ms = ?, ultimo_error = ?, reservado_por = NULL, reservado_hasta_ms = 0
          WHERE id = ? AND reservado_por = ?`,
    args: [d.proximoMs, d.error.slice(0, 500), d.id, d.por],
  });
}

/** The sender stopped before an answer: the claim is released at once, no try counted. */
export async function liberarAviso(db: Ejecutor, id: string, por: string): Promise<void> {
  await db.execute({
    sql: 'UPDATE avisos_pendientes SET reservado_por = NULL, reservado_hasta_ms = 0 WHERE id = ? AND reservado_por = ?',
    args: [id, por],
  });
}

/**
 * Given up (last try, or refused for good): in one batch the row leaves the outbox, goes to
 * `avisos_fallidos` (for operators) and the user's activity shows AVISO_NO_ENVIADO; each only if
 * the one before happened, so a notice fails once even if two senders held it.
 */
export async function avisoFallido(
  db: Pick<Client, 'batch'>,
  aviso: AvisoReservado,
  d: { por: string; error: string; ahora: Date },
): Promise<void> {
  const momento = d.ahora.toISOString();
  await db.batch(
    [
      { sql: 'DELETE FROM avisos_pendientes WHERE id = ? AND reservado_por = ?', args: [aviso.id, d.por] },
      {
        sql: 'INSERT INTO avisos_fallidos (id_usuario, tipo, para, detalle, creado_en) SELECT ?, ?, ?, ?, ? WHERE changes() = 1',
        args: [aviso.idUsuario, aviso.tipo, aviso.para, d.error.slice(0, 500), momento],
      },
      sentenciaEvento(
        { idUsuario: aviso.idUsuario, evento: 'AVISO_NO_ENVIADO', campos: [aviso.tipo], creadoEn: d.ahora, idSolicitud: aviso.idSolicitud },
        'siCambio',
      ),
    ],
    'write',
  );
}
