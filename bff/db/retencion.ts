// Data retention (docs/operacion.md, «Retención de datos»): what has stopped being useful is deleted
// after a fixed period; audit rows after RETENCION_AUDITORIA_DIAS. One BFF process at a time runs
// the purge, through a lease row in `arrendamientos` (migration 010).
import type { Ejecutor } from './ejecutor.js';

const DIA_MS = 24 * 60 * 60 * 1000;

/** How long ended sessions, codes, links, outbox mail and undelivered notices are kept, in days (docs/operacion.md). */
export const RETENCION_DIAS = {
  /** Sessions that ended (idle or absolute expiry, or revoked). */
  sesiones: 7,
  /** Security codes (valid 15 minutes; the hourly limit reads the last hour). */
  codigos: 1,
  /** Revert links (valid 7 days) and reset links (1 hour), used or not, counted from their expiry. */
  enlaces: 30,
  /** Dev-outbox mail (BANDEJA_DEV). */
  bandeja: 7,
  /**
   * Notices still in the outbox (`avisos_pendientes`), from their creation: a sent one is deleted at
   * once and one given up moves to `avisos_fallidos` after its ~2 h 25 min of tries, so a row this
   * old was abandoned (its sender could not record the outcome); its links have expired by then.
   */
  avisos: 7,
} as const;

/** Rows deleted by one statement: small enough not to hold the write lock for long. */
const LOTE = 500;

/** One table's rule: the condition of the rows to delete, given the time and the audit period. */
interface Regla {
  tabla: string;
  condicion: string;
  args: (ahora: Date, retencionAuditoriaDias: number) => (string | number)[];
}

const antesDe = (ahora: Date, dias: number) => new Date(ahora.getTime() - dias * DIA_MS).toISOString();

/** Every retention rule; solicitudes_baja and usuarios are never deleted (DESIGN §2: «nothing is deleted»). */
export const REGLAS_RETENCION: readonly Regla[] = [
  {
    tabla: 'sesiones',
    condicion: 'expira_en < ? OR expira_absoluta_en < ? OR revocada_en < ?',
    args: (ahora) => Array(3).fill(antesDe(ahora, RETENCION_DIAS.sesiones)),
  },
  { tabla: 'codigos_seguridad', condicion: 'expira_en < ?', args: (ahora) => [antesDe(ahora, RETENCION_DIAS.codigos)] },
  { tabla: 'enlaces_reversion', condicion: 'expira_en < ?', args: (ahora) => [antesDe(ahora, RETENCION_DIAS.enlaces)] },
  { tabla: 'enlaces_restablecimiento', condicion: 'expira_en < ?', args: (ahora) => [antesDe(ahora, RETENCION_DIAS.enlaces)] },
  { tabla: 'limites', condicion: 'expira_ms <= ?', args: (ahora) => [ahora.getTime()] },
  { tabla: 'correos_bandeja', condicion: 'creado_en < ?', args: (ahora) => [antesDe(ahora, RETENCION_DIAS.bandeja)] },
  { tabla: 'auditoria', condicion: 'creado_en < ?', args: (ahora, dias) => [antesDe(ahora, dias)] },
  { tabla: 'avisos_fallidos', condicion: 'creado_en < ?', args: (ahora, dias) => [antesDe(ahora, dias)] },
  { tabla: 'avisos_pendientes', condicion: 'creado_en < ?', args: (ahora) => [antesDe(ahora, RETENCION_DIAS.avisos)] },
];

/** Deletes, table by table and in batches of 500, every row past its period; the count per table. */
export async function purgar(db: Ejecutor, ahora: Date, retencionAuditoriaDias: number): Promise<Record<string, number>> {
  const borradas: Record<string, number> = {};
  for (const { tabla, condicion, args } of REGLAS_RETENCION) {
    const sql = `DELETE FROM ${tabla} WHERE rowid IN (SELECT rowid FROM ${tabla} WHERE ${condicion} LIMIT ${LOTE})`;
    borradas[tabla] = 0;
    for (;;) {
      const { rowsAffected } = await db.execute({ sql, args: args(ahora, retencionAuditoriaDias) });
      borradas[tabla] += rowsAffected;
      if (rowsAffected < LOTE) break;
    }
  }
  return borradas;
}

/**
 * Takes the lease of task `nombre` for `duracionMs` when it is free or expired; true when `titular`
 * now holds it. One conditional UPSERT: of several processes asking at once, exactly one wins.
 */
export async function tomarArrendamiento(db: Ejecutor, nombre: string, titular: string, ahora: Date, duracionMs: number): Promise<boolean> {
  const ms = ahora.getTime();
  const { rows } = await db.execute({
    sql: `INSERT INTO arrendamientos (nombre, titular, vence_ms) VALUES (?, ?, ?)
          ON CONFLICT (nombre) DO UPDATE SET titular = excluded.titular, vence_ms = excluded.vence_ms
          WHERE arrendamientos.vence_ms <= ?
          RETURNING titular`,
    args: [nombre, titular, ms + duracionMs, ms],
  });
  return rows.length === 1;
}

/** How often the purge may run: once per hour among all the processes sharing the database. */
export const INTERVALO_PURGA_MS = 60 * 60 * 1000;

/** The purge, when no other process ran it in the last hour (it takes the hour's lease); null otherwise. */
export async function purgarSiToca(
  db: Ejecutor,
  d: { titular: string; ahora: Date; retencionAuditoriaDias: number },
): Promise<Record<string, number> | null> {
  if (!(await tomarArrendamiento(db, 'purga', d.titular, d.ahora, INTERVALO_PURGA_MS))) return null;
  return purgar(db, d.ahora, d.retencionAuditoriaDias);
}
