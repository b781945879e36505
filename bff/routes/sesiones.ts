import { Hono } from 'hono';
import { SesionInputSchema, type SesionesCerradas } from '../../contract/index.js';
import { listarSesiones } from '../db/sesiones.js';
import { problemaCuentaBloqueada } from '../middleware/cuenta.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { borrarCookieSesion, ponerCookieSesion, requerirSesion, tokenDe, tomarRenovacion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite } from '../problemas.js';
import { cerrarOtrasSesiones, cerrarSesion, iniciarSesion } from '../services/sesiones.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';
import { rutaReautenticacion } from './contrasena.js';

const CREDENCIALES_INVALIDAS = 'El ID.usuario o la contraseña no son correctos.';

/**
 * POST /api/sesiones (login), GET /api/sesiones (the user's open sessions), DELETE
 * /api/sesiones/actual (logout), DELETE /api/sesiones/otras (end the others) and POST
 * /api/sesiones/reautenticacion (a fresh password proof for sensitive actions).
 */
export function rutasSesiones(deps: Servicios) {
  const { db, reloj } = deps;
  const sesion = requerirSesion(deps);
  return new Hono<Entorno>()
    .use('/reautenticacion', sesion)
    .route('/reautenticacion', rutaReautenticacion(deps))
    .get('/', sesion, async (c) => {
      const { idUsuario, sesionId } = c.get('sesion');
      return c.json(await listarSesiones(db, idUsuario, sesionId, reloj(), tomarRenovacion(c)));
    })
    // ASVS 7.5.2: ending sessions asks for a password proof of the last 15 minutes, as other
    // sensitive actions do. A BLOQUEADO account may too: it only ends sessions.
    .delete('/otras', sesion, requerirReautenticacion(deps), async (c) => {
      const { idUsuario, sesionId } = c.get('sesion');
      const cerradas = await cerrarOtrasSesiones(deps, origenDeSolicitud(c), idUsuario, sesionId);
      return c.json({ cerradas } satisfies SesionesCerradas);
    })
    .post('/', cuerpoValido(SesionInputSchema), async (c) => {
      const datos = { ...c.req.valid('json'), tokenAnterior: tokenDe(c, deps.config)?.token ?? null };
      const resultado = await iniciarSesion(deps, origenDeSolicitud(c), datos);
      switch (resultado.tipo) {
        case 'LIMITE':
          return problemaLimite(c, resultado.reintentarEnS);
        case 'CREDENCIALES_INVALIDAS':
          return problema(c, 401, 'CREDENCIALES_INVALIDAS', CREDENCIALES_INVALIDAS);
        case 'BAJA':
          return cuentaDeBaja(c);
        case 'BLOQUEADO':
          return problemaCuentaBloqueada(c);
      }
      ponerCookieSesion(c, deps.config, resultado.sesion.token);
      c.header('Cache-Control', 'no-store');
      return c.json(resultado.sesion, 201);
    })
    .delete('/actual', async (c) => {
      const credencial = tokenDe(c, deps.config);
      if (credencial) await cerrarSesion(deps, origenDeSolicitud(c), credencial.token);
      borrarCookieSesion(c, deps.config);
      return c.body(null, 204);
    });
}

/** A BAJA account, told only to whoever knows its password (a wrong one gets the usual 401). */
function cuentaDeBaja(c: Parameters<typeof problema>[0]) {
  return problema(
    c,
    403,
    'CUENTA_INACTIVA',
    'Este usuario fue dado de baja y ya no puede iniciar sesión. Para volver a operar registre un nuevo usuario.',
  );
}
