/**
 * Password-reset links (DESIGN §4; table `enlaces_restablecimiento`, migration 004): the only way
 * out of BLOQUEADO. One is sent to the address a revert restored, and another when someone logs in
 * with the right password after it expired. One hour, single use; a new one voids the previous one.
 * Only the SHA-256 of the 256-bit token is stored, as for revert links.
 */
import { errorCampo, RestablecimientoContrasenaSchema, validar, type ErrorCampo } from '../../contract/index.js';
import { sha256Hex } from '../cripto.js';
import { sentenciaEvento } from '../db/auditoria.js';
import {
  cuentaDeRestablecimiento,
  restablecimientoNuevo,
  sentenciaAnularRestablecimientos,
  sentenciaRestablecimientoUsado,
  sinRestablecimientoPendiente,
} from '../db/enlaces.js';
import { sentenciaRevocarSesionesDeUsuario } from '../db/sesiones.js';
import { condicionContrasenaGuardada, sentenciaDesbloquear } from '../db/usuarios.js';
import { mensajeContrasenaCambiada, mensajeRestablecimiento } from '../mail/index.js';
import type { Quien, Servicios } from '../tipos.js';
import { enviarAviso } from './avisos.js';
import { errorPoliticaContrasena, hashContrasena } from './contrasenas.js';

/** Where the reset page lives (bff/routes/restablecer.ts); the token follows. */
export const RUTA_RESTABLECIMIENTO = '/clave/restablecer';

/** Emails the link (a failure is recorded as AVISO_NO_ENVIADO; the owner can get another by logging in later). */
export async function enviarRestablecimiento(
  deps: Servicios,
  d: { idUsuario: string; nombre: string; correo: string; token: string },
  idSolicitud: string | null,
): Promise<void> {
  await enviarAviso(deps.db, deps.mailer, {
    idUsuario: d.idUsuario,
    tipo: 'RESTABLECIMIENTO',
    para: d.correo,
    contenido: mensajeRestablecimiento({
      nombre: d.nombre,
      idUsuario: d.idUsuario,
      enlace: `${deps.config.origenPublico}${RUTA_RESTABLECIMIENTO}/${d.token}`,
    }),
    claveIdempotencia: `restablecimiento:${sha256Hex(d.token).slice(0, 32)}`,
    ahora: deps.reloj(),
    idSolicitud,
  });
}

/**
 * After a right password on a BLOQUEADO account (login): a new link to the registered address, but
 * only when no earlier one is still pending, so whoever knows the password (maybe the attacker) can
 * neither flood the owner's mailbox nor void the link the owner is about to use.
 */
export async function reenviarRestablecimiento(deps: Servicios, idUsuario: string, idSolicitud: string | null): Promise<void> {
  const ahora = deps.reloj();
  const nuevo = restablecimientoNuevo(idUsuario, ahora, sinRestablecimientoPendiente(idUsuario, ahora));
  const resultados = await deps.db.batch([...nuevo.sentencias, nuevo.destinatario], 'write');
  const fila = resultados.at(-1)?.rows[0];
  if (fila) await enviarRestablecimiento(deps, { idUsuario, nombre: String(fila.nombre), correo: String(fila.correo), token: nuevo.token }, idSolicitud);
}

export type ResultadoRestablecimiento = { tipo: 'RESTABLECIDO' } | { tipo: 'NO_VALIDO' } | { tipo: 'ERRORES'; idUsuario: string; errores: ErrorCampo[] };

/**
 * The reset form: the new password must meet the same rules as the screen's (length, no personal
 * data, not the current password, not guessable). Then, in one batch: the link consumed, the
 * password stored and the account ACTIVO, audited CLAVE_RESTABLECIDA, every session revoked and any
 * other reset link voided; then the "password changed" notice. Errors use `contrasena` and
 * `confirmacion` as fields.
 */
export async function restablecerContrasena(
  deps: Servicios,
  token: string,
  formulario: { contrasena: unknown; confirmacion: unknown },
  quien: Quien,
): Promise<ResultadoRestablecimiento> {
  const cuenta = await cuentaDeRestablecimiento(deps.db, token, deps.reloj());
  if (!cuenta) return { tipo: 'NO_VALIDO' };
  const entrada = validar(RestablecimientoContrasenaSchema, formulario);
  if (!entrada.ok) return { tipo: 'ERRORES', idUsuario: cuenta.idUsuario, errores: entrada.errores };
  const nueva = entrada.valor.contrasena;
  const politica = await errorPoliticaContrasena(nueva, { idUsuario: cuenta.idUsuario, nombre: cuenta.nombre, correo: cuenta.correo }, cuenta.contrasenaHash);
  if (politica) return { tipo: 'ERRORES', idUsuario: cuenta.idUsuario, errores: [errorCampo('contrasena', politica)] };

  const contrasenaHash = await hashContrasena(nueva);
  const ahora = deps.reloj();
  const { idUsuario } = cuenta;
  const guardada = condicionContrasenaGuardada(idUsuario, contrasenaHash);
  const [, cambio] = await deps.db.batch(
    [
      sentenciaRestablecimientoUsado(token, ahora),
      sentenciaDesbloquear(idUsuario, contrasenaHash, ahora),
      sentenciaEvento({ idUsuario, evento: 'CLAVE_RESTABLECIDA', campos: ['contrasena', 'estado'], creadoEn: ahora, ...quien }, 'siCambio'),
      sentenciaRevocarSesionesDeUsuario(idUsuario, ahora, guardada),
      sentenciaAnularRestablecimientos(idUsuario, ahora, guardada),
    ],
    'write',
  );
  if (cambio?.rowsAffected !== 1) return { tipo: 'NO_VALIDO' };
  await enviarAviso(deps.db, deps.mailer, {
    idUsuario,
    tipo: 'CLAVE_MODIFICADA',
    para: cuenta.correo,
    contenido: mensajeContrasenaCambiada({ nombre: cuenta.nombre }),
    claveIdempotencia: `aviso-clave-restablecida:${sha256Hex(token).slice(0, 32)}`,
    ahora,
    idSolicitud: quien.idSolicitud,
  });
  return { tipo: 'RESTABLECIDO' };
}
