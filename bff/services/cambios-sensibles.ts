// The email and password parts of PUT /api/usuario (DESIGN §2): checks that need data, and what
// happens after the change is saved. bff/routes/usuario.ts orchestrates them.
import type { InStatement } from '@libsql/client';
import { errorCampo, type ErrorCampo, type UsuarioUpdate } from '../../contract/index.js';
import { sentenciaAviso } from '../db/avisos.js';
import { intentosRestantes, verificarCodigo } from '../db/codigos.js';
import type { Condicion } from '../db/ejecutor.js';
import { sentenciaRevocarSesionesDeUsuario, sesionNueva, type SesionNueva } from '../db/sesiones.js';
import { condicionContrasenaGuardada, correoOcupado, type UsuarioGuardado } from '../db/usuarios.js';
import { mensajeAvisoCambioCorreo, mensajeContrasenaCambiada } from '../mail/index.js';
import type { Quien, Servicios } from '../tipos.js';
import { errorPoliticaContrasena } from './contrasenas.js';
import { probarContrasena } from './prueba-contrasena.js';

/**
 * Why `correo` cannot be the user's new address: the current one (NO_PERMITIDO, "debe ser distinto
 * del actual") or one another ACTIVO or BLOQUEADO user holds (NO_DISPONIBLE); null when it can.
 */
export async function objecionCorreo(db: Servicios['db'], usuario: UsuarioGuardado, correo: string): Promise<ErrorCampo | null> {
  if (correo === usuario.correo.toLowerCase()) return errorCampo('correo', 'NO_PERMITIDO');
  if (await correoOcupado(db, correo, usuario.idUsuario)) return errorCampo('correo', 'NO_DISPONIBLE');
  return null;
}

export type RevisionSensible = { errores: ErrorCampo[] } | { limiteS: number };

/**
 * Field errors of the new address (different from the current one) and of the password change
 * (`contrasenaAnterior` right, counted with the 5/15 min limit; the policy). Whether another user
 * holds the address is not said here: only the rate-limited availability check and the code request
 * tell that, and a code is sent only to a free address, so an address that was never sent a code
 * fails as a wrong code (checked last, once nothing else can fail). An address taken after its code
 * was sent fails at the commit on the unique index (NO_DISPONIBLE, to the one who owns the code).
 */
export async function revisarCambiosSensibles(
  deps: Servicios,
  quien: Quien,
  actual: UsuarioGuardado,
  valor: UsuarioUpdate,
): Promise<RevisionSensible> {
  const errores: ErrorCampo[] = [];
  const correoNuevo = valor.mantenerCorreo ? actual.correo : valor.correo!;
  if (!valor.mantenerCorreo && correoNuevo === actual.correo.toLowerCase()) errores.push(errorCampo('correo', 'NO_PERMITIDO'));
  if (valor.cambioClave) {
    const prueba = await probarContrasena(deps, quien, actual.idUsuario, valor.cambioClave.contrasenaAnterior, actual.contrasenaHash);
    if (prueba.tipo === 'LIMITE') return { limiteS: prueba.reintentarEnS };
    if (prueba.tipo === 'INCORRECTA') errores.push(errorCampo('cambioClave.contrasenaAnterior', 'INCORRECTA'));
    const politica = await errorPoliticaContrasena(
      valor.cambioClave.contrasena,
      { idUsuario: actual.idUsuario, nombre: valor.nombre, correo: correoNuevo },
      actual.contrasenaHash,
    );
    if (politica) errores.push(errorCampo('cambioClave.contrasena', politica));
  }
  return { errores };
}

/** The typed code for the new address: null when valid (and now consumed), else its field error. */
export async function revisarCodigo(deps: Servicios, actual: UsuarioGuardado, correo: string, codigo: string): Promise<ErrorCampo | null> {
  const ahora = deps.reloj();
  const d = { idUsuario: actual.idUsuario, correo, codigo, ahora, secreto: deps.config.secretoCodigos };
  const resultado = await verificarCodigo(deps.db, d);
  if (resultado === 'VALIDO') return null;
  const error = errorCampo('codigoSeguridad', resultado);
  if (resultado !== 'INCORRECTO') return error;
  const quedan = await intentosRestantes(deps.db, actual.idUsuario, ahora);
  const resto =
    quedan === 0
      ? ' Solicite un nuevo código de seguridad.'
      : ` Le ${quedan === 1 ? 'queda 1 intento' : `quedan ${quedan} intentos`}.`;
  return { ...error, mensaje: `${error.mensaje}${resto}`, intentosRestantes: quedan };
}

/**
 * The notice to the OLD address after an email change, with the one-time "No reconozco este
 * cambio" link (absolute, on ORIGEN_PUBLICO, never on the request's `Host`): a row of the outbox,
 * written in the change's batch only if the link was stored there (`guardado`).
 */
export function avisoCambioCorreo(
  deps: Servicios,
  d: { idUsuario: string; correoAnterior: string; nombre: string; correoNuevo: string; tokenEnlace: string; ahora: Date; idSolicitud: string | null },
  guardado: Condicion,
): InStatement {
  const enlace = `${deps.config.origenPublico}/correo/revertir/${d.tokenEnlace}`;
  return sentenciaAviso(
    deps.config.secretoCodigos,
    {
      idUsuario: d.idUsuario,
      tipo: 'CORREO_MODIFICADO',
      para: d.correoAnterior,
      contenido: mensajeAvisoCambioCorreo({ nombre: d.nombre, correoNuevo: d.correoNuevo, enlace }),
      ahora: d.ahora,
      idSolicitud: d.idSolicitud,
    },
    guardado,
  );
}

/** The "password changed" notice to the account's address (as the batch leaves it), only if `guardada` holds. */
export function avisoCambioContrasena(
  deps: Servicios,
  d: { idUsuario: string; nombre: string; ahora: Date; idSolicitud: string | null },
  guardada: Condicion,
): InStatement {
  return sentenciaAviso(
    deps.config.secretoCodigos,
    { idUsuario: d.idUsuario, tipo: 'CLAVE_MODIFICADA', contenido: mensajeContrasenaCambiada({ nombre: d.nombre }), ahora: d.ahora, idSolicitud: d.idSolicitud },
    guardada,
  );
}

/**
 * The password change's part of the PUT's write batch: every session of the user ends and a new one
 * opens (password proof = now), both only if the batch stored `contrasenaHash` (`guardada`: a lost
 * race changes nothing), so a saved password never leaves the old sessions alive.
 */
export function renovacionDeSesiones(
  idUsuario: string,
  contrasenaHash: string,
  ahora: Date,
  quien: Quien,
): { sesion: SesionNueva; sentencias: InStatement[]; guardada: Condicion } {
  const guardada = condicionContrasenaGuardada(idUsuario, contrasenaHash);
  const { sesion, sentencia } = sesionNueva({ idUsuario, ahora, ip: quien.ip, agente: quien.agente }, guardada);
  return { sesion, sentencias: [sentenciaRevocarSesionesDeUsuario(idUsuario, ahora, guardada), sentencia], guardada };
}
