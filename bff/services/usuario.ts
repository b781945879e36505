import type { InStatement } from '@libsql/client';
import { errorCampo, unirErrores, type ErrorCampo, type UsuarioUpdate } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAnularCodigos } from '../db/codigos.js';
import { enlaceNuevo } from '../db/enlaces.js';
import {
  camposCambiados,
  esViolacionUnica,
  sentenciaActualizacion,
  sentenciaLectura,
  usuarioDeFila,
  type DatosEditables,
  type UsuarioGuardado,
} from '../db/usuarios.js';
import type { Quien, Servicios } from '../tipos.js';
import { avisoCambioContrasena, avisoCambioCorreo, renovacionDeSesiones, revisarCambiosSensibles, revisarCodigo } from './cambios-sensibles.js';
import { hashContrasena } from './contrasenas.js';
import { reglasConDatos } from './reglas-usuario.js';

export interface ActualizacionUsuario {
  /** The user as read with the session; its `version` is the one the write applies to. */
  actual: UsuarioGuardado;
  /** The body the contract accepted. */
  valor: UsuarioUpdate;
  /**
   * The session's due extension, taken only when the write batch runs (it rides in it); otherwise
   * it stays due and the session middleware runs it.
   */
  tomarRenovacion: () => InStatement[];
}

/** How a PUT /api/usuario ended; the route maps each failure to its problem. */
export type ResultadoActualizacion =
  /** Saved (or nothing to save: `usuario` is then `actual`); `tokenSesion` is the renewed session's after a password change. */
  | { tipo: 'GUARDADO'; usuario: UsuarioGuardado; tokenSesion: string | null }
  | { tipo: 'LIMITE'; reintentarEnS: number }
  | { tipo: 'ERRORES'; errores: ErrorCampo[] }
  | { tipo: 'VERSION_DESACTUALIZADA' };

/**
 * The rest of PUT /api/usuario once the session, If-Match, the body, the account state and the
 * re-authentication are checked (docs/decisiones.md): catalogs, name, new address, old password,
 * policy → code → one write batch with its audit rows, revert link, notices and session renewal.
 */
export async function actualizarUsuario(
  deps: Servicios,
  quien: Quien,
  { actual, valor, tomarRenovacion }: ActualizacionUsuario,
): Promise<ResultadoActualizacion> {
  const { idUsuario, version } = actual;
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

  const revision = await revisarCambiosSensibles(deps, quien, actual, valor);
  if ('limiteS' in revision) return { tipo: 'LIMITE', reintentarEnS: revision.limiteS };
  const errores = unirErrores(reglasConDatos(actual, valor), revision.errores);
  if (errores.length > 0) return { tipo: 'ERRORES', errores };
  if (campos.length === 0 && !valor.cambioClave) return { tipo: 'GUARDADO', usuario: actual, tokenSesion: null };
  // The new hash before the code: a busy server (503) must not have spent the code.
  const contrasenaHash = valor.cambioClave ? await deps.argon2(() => hashContrasena(valor.cambioClave!.contrasena)) : null;
  const cambiaCorreo = campos.includes('correo');
  if (cambiaCorreo) {
    const errorCodigo = await revisarCodigo(deps, actual, datos.correo, valor.codigoSeguridad!);
    if (errorCodigo) return { tipo: 'ERRORES', errores: [errorCodigo] };
  }

  // One batch, run by the driver without yielding: an interactive transaction awaited across
  // requests would make concurrent writers in this process wait on each other's lock. Each
  // audit row and the revert link are written only if the statement before changed a row;
  // the sessions of a password change are renewed only if the new hash was stored.
  const ahora = deps.reloj();
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
  sentencias.push(...tomarRenovacion(), sentenciaLectura(idUsuario));
  let resultados;
  try {
    resultados = await deps.db.batch(sentencias, 'write');
  } catch (error) {
    // Another user took the address between the availability check and this commit.
    if (cambiaCorreo && esViolacionUnica(error)) return { tipo: 'ERRORES', errores: [errorCampo('correo', 'NO_DISPONIBLE')] };
    throw error;
  }
  const guardado = usuarioDeFila(resultados.at(-1)?.rows[0]);
  if (resultados[0]?.rowsAffected !== 1 || !guardado) return { tipo: 'VERSION_DESACTUALIZADA' };
  return { tipo: 'GUARDADO', usuario: guardado, tokenSesion: renovacion?.sesion.token ?? null };
}
