import { Hono } from 'hono';
import { BajaInputSchema } from '../../contract/index.js';
import { requerirCuentaActiva } from '../middleware/cuenta.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { borrarCookieSesion, problemaNoAutenticado } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { solicitarBaja } from '../services/baja.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';

/**
 * POST /api/usuario/baja {motivo} (seed §5.8), mounted under the session middleware: the account
 * is deactivated at once (services/baja.ts) and the session cookie cleared.
 */
export function rutasBaja(deps: Servicios) {
  return new Hono<Entorno>().post('/', requerirCuentaActiva, requerirReautenticacion(deps), cuerpoValido(BajaInputSchema), async (c) => {
    const baja = await solicitarBaja(deps, c.get('usuario'), c.req.valid('json').motivo, origenDeSolicitud(c));
    if (!baja) return problemaNoAutenticado(c);
    borrarCookieSesion(c, deps.config);
    return c.json(baja, 202);
  });
}
