import type { InStatement } from '@libsql/client';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CABECERA_TOKEN_SESION, errorCampo, etiquetaVersion, unirErrores, UsuarioUpdateSchema } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAnularCodigos } from '../db/codigos.js';
import { enlaceNuevo } from '../db/enlaces.js';
import {
  camposCambiados,
  esViolacionUnica,
  sentenciaActualizacion,
  sentenciaLectura,
  usuarioDeFila,
  usuarioPublico,
  type DatosEditables,
} from '../db/usuarios.js';
import { problemaCuentaBloqueada } from '../middleware/cuenta.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { problemaReautenticacion, reautenticacionVigente } from '../middleware/reautenticacion.js';
import { ponerCookieSesion, requerirSesion, tomarRenovacion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite, problemaValidacion } from '../problemas.js';
import {
  avisoCambioContrasena,
  avisoCambioCorreo,
  renovacionDeSesiones,
  revisarCambiosSensibles,
  revisarCodigo,
} from '../services/cambios-sensibles.js';
import { hashContrasena } from '../services/contrasenas.js';
import { erroresDelCuerpo, reglasConDatos } from '../services/reglas-usuario.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';
import { rutasActividad } from './actividad.js';
import { rutasBaja } from './baja.js';
import { rutasVerificacionContrasena } from './contrasena.js';

function etagDe(version: number): string {
  return etiquetaVersion(version);
}

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
  const { db, reloj } = deps;
  return new Hono<Entorno>()
    .use(requerirSesion(deps))
    .route('/clave', rutasVerificacionContrasena(deps))
    .route('/baja', rutasBaja(deps))
    .route('/actividad', rutasActividad(deps))
    // The session middleware read the user with the session: one statement in all.
    .get('/', (c) => {
      const usuario = c.get('usuario');
      c.header('ETag', etagDe(usuario.version));
      return c.json(usuarioPublico(usuario));
    })
    // Order (docs/decisiones.md): session → If-Match → validation → blocked account (any write) → re-authentication
    // (password change) → catalogs, name, new address, old password, policy → code → one write batch.
    .put('/', leerCuerpoJson, versionVigente, cuerpoValido(UsuarioUpdateSchema, (c, cuerpo, errores) => erroresDelCuerpo(c.get('usuario'), cuerpo, errores)), async (c) => {
      const sesion = c.get('sesion');
      const { idUsuario } = sesion;
      const actual = c.get('usuario');
      const { version } = actual;
      const valor = c.req.valid('json');
      const datos: DatosEditables = {
        nombre: valor.nombre,
        pais: valor.pais,
        provincia: valor.provincia ?? null,
        ciudad: valor.ciudad ?? null,
        direccion: valor.direccion,
        telefono1: valor.telefono1,
        telefono2: valor.telefono2 ?? null,
        celular: valor.celular,
        fax: valor.fax ?? null,
        correo: valor.mantenerCorreo ? actual.correo : valor.correo!,
      };
      const campos = camposCambiados(actual, datos);
      // A blocked account is unblocked only by the reset link mailed to the restored address, never here.
      if (actual.estado === 'BLOQUEADO') return problemaCuentaBloqueada(c);
      if (valor.cambioClave && !reautenticacionVigente(sesion, reloj())) return problemaReautenticacion(c);

      const quien = origenDeSolicitud(c);
      const revision = await revisarCambiosSensibles(deps, quien, actual, valor);
      if ('limiteS' in revision) return problemaLimite(c, revision.limiteS);
      const errores = unirErrores(reglasConDatos(actual, valor), revision.errores);
      if (errores.length > 0) return problemaValidacion(c, errores);
      if (campos.length === 0 && !valor.cambioClave) {
        c.header('ETag', etagDe(actual.version));
        return c.json(usuarioPublico(actual));
      }
      // The new hash before the code: a busy server (503) must not have spent the code.
      const contrasenaHash = valor.cambioClave ? await deps.argon2(() => hashContrasena(valor.cambioClave!.contrasena)) : null;
      const cambiaCorreo = campos.includes('correo');
      if (cambiaCorreo) {
        const errorCodigo = await revisarCodigo(deps, actual, datos.correo, valor.codigoSeguridad!);
        if (errorCodigo) return problemaValidacion(c, [errorCodigo]);
      }

      // One batch, run by the driver without yielding: an interactive transaction awaited across
      // requests would make concurrent writers in this process wait on each other's lock. Each
      // audit row and the revert link are written only if the statement before changed a row;
      // the sessions of a password change are renewed only if the new hash was stored.
      const ahora = reloj();
      const sentencias: InStatement[] = [sentenciaActualizacion(idUsuario, version, datos, ahora, contrasenaHash)];
      if (campos.length > 0) {
        const evento = cambiaCorreo ? 'CORREO_MODIFICADO' : 'DATOS_MODIFICADOS';
        sentencias.push(sentenciaEvento({ idUsuario, evento, campos, creadoEn: ahora, ...quien }, 'siCambio'));
      }
      // The "No reconozco este cambio" link is stored with the new address or not at all, and the
      // notices owed are written with the change (the outbox): none is lost if the process dies.
      const enlace = cambiaCorreo
        ? enlaceNuevo({ idUsuario, correoAnterior: actual.correo, correoNuevo: datos.correo, ahora }, true)
        : null;
      if (enlace) {
        sentencias.push(enlace.sentencia);
        sentencias.push(
          avisoCambioCorreo(deps, {
            idUsuario,
            correoAnterior: actual.correo,
            nombre: datos.nombre,
            correoNuevo: datos.correo,
            tokenEnlace: enlace.token,
            ahora,
            idSolicitud: quien.idSolicitud,
          }, enlace.guardado),
        );
      }
      const renovacion = contrasenaHash ? renovacionDeSesiones(idUsuario, contrasenaHash, ahora, quien) : null;
      if (renovacion) {
        sentencias.push(sentenciaEvento({ idUsuario, evento: 'CLAVE_MODIFICADA', campos: ['contrasena'], creadoEn: ahora, ...quien }, 'siCambio'));
        sentencias.push(...renovacion.sentencias);
        sentencias.push(avisoCambioContrasena(deps, { idUsuario, nombre: datos.nombre, ahora, idSolicitud: quien.idSolicitud }, renovacion.guardada));
      }
      if (cambiaCorreo) {
        sentencias.push(sentenciaAnularCodigos(idUsuario, ahora));
      }
      // The session's due extension rides in the same batch (a no-op once a password change revoked the session).
      sentencias.push(...tomarRenovacion(c), sentenciaLectura(idUsuario));
      let resultados;
      try {
        resultados = await db.batch(sentencias, 'write');
      } catch (error) {
        // Another user took the address between the availability check and this commit.
        if (cambiaCorreo && esViolacionUnica(error)) return problemaValidacion(c, [errorCampo('correo', 'NO_DISPONIBLE')]);
        throw error;
      }
      const guardado = usuarioDeFila(resultados.at(-1)?.rows[0]);
      if (resultados[0]?.rowsAffected !== 1 || !guardado) return versionDesactualizada(c);

      if (renovacion) {
        // The renewed session's token: always in X-Token-Sesion, and in the cookie when the request came by cookie.
        if (sesion.porCookie) ponerCookieSesion(c, deps.config, renovacion.sesion.token);
        c.header(CABECERA_TOKEN_SESION, renovacion.sesion.token);
      }
      c.header('ETag', etagDe(guardado.version));
      return c.json(usuarioPublico(guardado));
    });
}
