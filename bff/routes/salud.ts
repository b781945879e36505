import { Hono } from 'hono';
import { causaRaiz, DESCRIPCION_FALLA } from '../db/disponibilidad.js';
import { problemaBaseNoDisponible } from '../problemas.js';
import type { Entorno, Servicios } from '../tipos.js';

/**
 * GET /api/salud (readiness): 200 when the database is migrated and takes a write, else 503 with
 * Retry-After and a `detail` naming what is wrong (locked, not answering, read-only, full disk,
 * disk error). Its `correo` part says whether the provider refuses our configuration (API key,
 * sender): then 200 with `estado: "degradado"`, not 503, since every other route still works and
 * taking the instance out of service (or restarting it) would not fix a key (docs/decisiones.md).
 */
export function rutasSalud({ db, baseLista, mailer }: Servicios) {
  return new Hono<Entorno>().get('/', async (c) => {
    if (baseLista?.() === false) return problemaBaseNoDisponible(c);
    const falla = await db.comprobarEscritura();
    if (falla) {
      c.var.logger.error(`salud: ${DESCRIPCION_FALLA[falla.motivo]} (${causaRaiz(falla)})`);
      return problemaBaseNoDisponible(c, falla.motivo);
    }
    const rechazo = mailer.rechazo();
    if (!rechazo) return c.json({ estado: 'ok' as const, correo: { estado: 'ok' as const } });
    return c.json({
      estado: 'degradado' as const,
      correo: {
        estado: 'rechazado' as const,
        detalle: `El proveedor de correo rechaza la configuración desde ${rechazo.desde} (${rechazo.estado} ${rechazo.codigoProveedor}): no salen códigos ni avisos. Revise RESEND_API_KEY y CORREO_REMITENTE.`,
      },
    });
  });
}
