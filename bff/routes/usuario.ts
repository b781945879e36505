import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CABECERA_TOKEN_SESION, etiquetaVersion, UsuarioUpdateSchema } from '../../contract/index.js';
import { usuarioPublico } from '../db/usuarios.js';
import { problemaCuentaBloqueada } from '../middleware/cuenta.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { problemaReautenticacion, reautenticacionVigente } from '../middleware/reautenticacion.js';
import { ponerCookieSesion, requerirSesion, tomarRenovacion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite, problemaValidacion } from '../problemas.js';
import { erroresDelCuerpo } from '../services/reglas-usuario.js';
import { actualizarUsuario } from '../services/usuario.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';
import { rutasActividad } from './actividad.js';
import { rutasBaja } from './baja.js';
import { rutasVerificacionContrasena } from './contrasena.js';

/** The version an `If-Match: "<n>"` names; undefined when absent, null when it names none. */
function versionDeIfMatch(c: Context): number | null | undefined {
  const cabecera = c.req.header('If-Match');
  if (cabecera === undefined || cabecera.trim() === '') return undefined;
  const coincidencia = cabecera.trim().match(/^"(\d{1,15})"$/);
  return coincidencia ? Number(coincidencia[1]) : null;
}

/**
 * `If-Match` must name the version of the user read with the session (428 without it, 412 when
 * another change came first); the write batch still applies only while that version holds.
 */
const versionVigente: MiddlewareHandler<Entorno> = async (c, next) => {
  const version = versionDeIfMatch(c);
  if (version === undefined) {
    return problema(c, 428, 'PRECONDICION_REQUERIDA', 'Falta la cabecera If-Match con la versión (ETag) de los datos que está modificando.');
  }
  if (version !== c.get('usuario').version) return versionDesactualizada(c);
  await next();
};

function versionDesactualizada(c: Context) {
  return problema(
    c,
    412,
    'VERSION_DESACTUALIZADA',
    'Sus datos fueron modificados desde que los abrió (quizá en otra ventana). Vuelva a cargarlos y repita los cambios.',
  );
}

/**
 * /api/usuario: GET and PUT the signed-in user's registration data, and under it the password
 * check, the baja and the activity list (all behind the session middleware).
 */
export function rutasUsuario(deps: Servicios) {
  const { reloj } = deps;
  return new Hono<Entorno>()
    .use(requerirSesion(deps))
    .route('/clave', rutasVerificacionContrasena(deps))
    .route('/baja', rutasBaja(deps))
    .route('/actividad', rutasActividad(deps))
    // The session middleware read the user with the session: one statement in all.
    .get('/', (c) => {
      const usuario = c.get('usuario');
      c.header('ETag', etiquetaVersion(usuario.version));
      return c.json(usuarioPublico(usuario));
    })
    // Order (docs/decisiones.md): session → If-Match → validation → blocked account (any write) → re-authentication
    // (password change) → catalogs, name, new address, old password, policy → code → one write batch.
    .put('/', leerCuerpoJson, versionVigente, cuerpoValido(UsuarioUpdateSchema, (c, cuerpo, errores) => erroresDelCuerpo(c.get('usuario'), cuerpo, errores)), async (c) => {
      const sesion = c.get('sesion');
      const actual = c.get('usuario');
      const valor = c.req.valid('json');
      // A blocked account is unblocked only by the reset link mailed to the restored address, never here.
      if (actual.estado === 'BLOQUEADO') return problemaCuentaBloqueada(c);
      if (valor.cambioClave && !reautenticacionVigente(sesion, reloj())) return problemaReautenticacion(c);

      const resultado = await actualizarUsuario(deps, origenDeSolicitud(c), { actual, valor, tomarRenovacion: () => tomarRenovacion(c) });
      switch (resultado.tipo) {
        case 'LIMITE':
          return problemaLimite(c, resultado.reintentarEnS);
        case 'ERRORES':
          return problemaValidacion(c, resultado.errores);
        case 'VERSION_DESACTUALIZADA':
          return versionDesactualizada(c);
      }
      if (resultado.tokenSesion) {
        // The renewed session's token: always in X-Token-Sesion, and in the cookie when the request came by cookie.
        if (sesion.porCookie) ponerCookieSesion(c, deps.config, resultado.tokenSesion);
        c.header(CABECERA_TOKEN_SESION, resultado.tokenSesion);
      }
      c.header('ETag', etiquetaVersion(resultado.usuario.version));
      return c.json(usuarioPublico(resultado.usuario));
    });
}
