import { Hono } from 'hono';
import { problema } from '../problemas.js';
import type { Dependencias, Entorno } from '../tipos.js';

/** GET /api/salud: 200 when the database answers `SELECT 1`, 503 otherwise. */
export function rutasSalud({ db }: Dependencias) {
  return new Hono<Entorno>().get('/', async (c) => {
    try {
      await db.execute('SELECT 1');
    } catch (error) {
      console.error(`[${c.get('requestId')}] salud: la base de datos no responde`, error);
      return problema(c, 503, 'SERVICIO_NO_DISPONIBLE', 'La base de datos no está disponible en este momento.');
    }
    return c.json({ estado: 'ok' as const });
  });
}
