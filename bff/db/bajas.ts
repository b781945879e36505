import type { InStatement } from '@libsql/client';
import type { Condicion } from './ejecutor.js';

/**
 * A baja request (seed §5.8; table `solicitudes_baja`, migration 003), for a write batch: the
 * request is recorded and the account put in BAJA, both only while it is ACTIVO (the row and its
 * email stay; the unique index on the email ignores BAJA users). `registrada` holds once this
 * batch recorded it, so the rest of the batch can depend on it.
 */
export function solicitudDeBaja(d: { id: string; idUsuario: string; motivo: string; ahora: Date }): {
  sentencias: InStatement[];
  registrada: Condicion;
} {
  const momento = d.ahora.toISOString();
  return {
    sentencias: [
      {
        sql: `INSERT INTO solicitudes_baja (id, id_usuario, motivo, estado, creada_en)
              SELECT ?, ?, ?, 'REGISTRADA', ? WHERE EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ? AND estado = 'ACTIVO')`,
        args: [d.id, d.idUsuario, d.motivo, momento, d.idUsuario],
      },
      {
        sql: `UPDATE usuarios SET estado = 'BAJA', version = version + 1, actualizado_en = ?
              WHERE id_usuario = ? AND estado = 'ACTIVO' AND changes() = 1`,
        args: [momento, d.idUsuario],
      },
    ],
    registrada: { sql: 'EXISTS (SELECT 1 FROM solicitudes_baja WHERE id = ?)', args: [d.id] },
  };
}
