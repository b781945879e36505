import { Hono } from 'hono';
import { causaRaiz, DESCRIPCION_FALLA } from '../db/disponibilidad.js';
import { problemaBaseNoDisponible } from '../problemas.js';
import type { Dependencias, Entorno } from '../tipos.js';

/**
 * GET /api/salud (readiness): 200 when the database is migrated and takes a write, else 503 with
 * Retry-After and a `detail` naming what is wrong (locked, not answering, read-only, full disk,
 * disk error).
 */
export function rutasSalud({ db, baseLista }: Dependencias) {
  return new Hono<Entorno>().get('/', async (c) => {
    if (baseLista?.() === false) return problemaBaseNoDisponible(c);
    const falla = await db.comprobarEscritura();
    if (falla) {
      c.var.logger.error(`salud: ${DESCRIPCION_FALLA[falla.motivo]} (${causaRaiz(falla)})`);
      return problemaBaseNoDisponible(c, falla.motivo);
    }
    return c.json({ estado: 'ok' as const });
  });
}
