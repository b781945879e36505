import { Hono } from 'hono';
import { problemaBaseNoDisponible } from '../problemas.js';
import type { Dependencias, Entorno } from '../tipos.js';

/** GET /api/salud: 200 when the database is migrated and answers `SELECT 1`, else 503 with Retry-After. */
export function rutasSalud({ db, baseLista }: Dependencias) {
  return new Hono<Entorno>().get('/', async (c) => {
    if (baseLista?.() === false) return problemaBaseNoDisponible(c);
    try {
      await db.execute('SELECT 1');
    } catch (error) {
      console.error(`[${c.get('requestId')}] salud: la base de datos no responde`, error);
      return problemaBaseNoDisponible(c);
    }
    return c.json({ estado: 'ok' as const });
  });
}
