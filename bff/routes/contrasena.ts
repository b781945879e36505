import { Hono, type Context } from 'hono';
import { errorCampo, ReautenticacionSchema, VerificacionContrasenaSchema } from '../../contract/index.js';
import { marcarReautenticacion } from '../db/sesiones.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problemaLimite, problemaValidacion } from '../problemas.js';
import { probarContrasena } from '../services/prueba-contrasena.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';

/**
 * A password proof for the signed-in session: right → 204 and the session's re-authentication
 * time is now; wrong → 422 on `campo` INCORRECTA; 5 wrong per user per 15 minutes → 429.
 * Shared by POST /api/usuario/clave/verificacion and POST /api/sesiones/reautenticacion.
 */
async function probar(deps: Servicios, c: Context<Entorno>, campo: string, contrasena: string) {
  const { idUsuario, sesionId } = c.get('sesion');
  const resultado = await probarContrasena(deps, origenDeSolicitud(c), idUsuario, contrasena, c.get('usuario').contrasenaHash);
  if (resultado.tipo === 'LIMITE') return problemaLimite(c, resultado.reintentarEnS);
  if (resultado.tipo === 'INCORRECTA') return problemaValidacion(c, [errorCampo(campo, 'INCORRECTA')]);
  await marcarReautenticacion(deps.db, sesionId, deps.reloj());
  return c.body(null, 204);
}

/** POST /api/usuario/clave/verificacion {contrasenaAnterior} ("Cambio de clave"), under the session middleware. */
export function rutasVerificacionContrasena(deps: Servicios) {
  return new Hono<Entorno>().post('/verificacion', cuerpoValido(VerificacionContrasenaSchema), (c) =>
    probar(deps, c, 'contrasenaAnterior', c.req.valid('json').contrasenaAnterior),
  );
}

/** POST /api/sesiones/reautenticacion {contrasena}; the caller adds the session middleware. */
export function rutaReautenticacion(deps: Servicios) {
  return new Hono<Entorno>().post('/', cuerpoValido(ReautenticacionSchema), (c) =>
    probar(deps, c, 'contrasena', c.req.valid('json').contrasena),
  );
}
