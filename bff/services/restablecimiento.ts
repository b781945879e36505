/**
 * Password-reset links (DESIGN §4; table `enlaces_restablecimiento`, migration 004): the only way
 * out of BLOQUEADO. One is sent to the address a revert restored, and another when someone logs in
 * with the right password after it expired. One hour, single use; a new one voids the previous one.
 * Only the SHA-256 of the 256-bit token is stored, as for revert links.
 */
import type { InStatement } from '@libsql/client';
import { errorCampo, RestablecimientoContrasenaSchema, validar, type ErrorCampo } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAviso } from '../db/avisos.js';
import {
  cuentaDeRestablecimiento,
  restablecimientoNuevo,
  sentenciaAnularRestablecimientos,
  sentenciaRestablecimientoUsado,
  sinRestablecimientoPendiente,
  type RestablecimientoEmitido,
} from '../db/enlaces.js';
import { sentenciaRevocarSesionesDeUsuario } from '../db/sesiones.js';
import { condicionContrasenaGuardada, sentenciaDesbloquear } from '../db/usuarios.js';
import { mensajeContrasenaCambiada, mensajeRestablecimiento } from '../mail/index.js';
import type { Quien, Servicios } from '../tipos.js';
import { errorPoliticaContrasena, hashContrasena } from './contrasenas.js';

/** Where the reset page lives (bff/routes/restablecer.ts); the token follows. */
export const RUTA_RESTABLECIMIENTO = '/clave/restablecer';

/**
 * The email with the link, to the account's address as the batch leaves it (the one a revert
 * restored): a row of the outbox for the batch that stores the link, written only if it was
 * (`nuevo.emitido`). A failure ends as AVISO_NO_ENVIADO; the owner can get another by logging in.
 */
export function avisoRestablecimiento(
  deps: Servicios,
  nuevo: RestablecimientoEmitido,
  d: { idUsuario: string; nombre: string; ahora: Date; idSolicitud: string | null },
): InStatement {
  const enlace = `${deps.config.origenPublico}${RUTA_RESTABLECIMIENTO}/${nuevo.token}`;
  return sentenciaAviso(
    deps.config.secretoCodigos,
    {
      idUsuario: d.idUsuario,
      tipo: 'RESTABLECIMIENTO',
      contenido: mensajeRestablecimiento({ nombre: d.nombre, idUsuario: d.idUsuario, enlace }),
      ahora: d.ahora,
      idSolicitud: d.idSolicitud,
    },
    nuevo.emitido,
  );
}

/**
 * After a right password on a BLOQUEADO account (login): a new link to the registered address, but
 * only when no earlier one is still pending, so whoever knows the password (maybe the attacker) can
 * neither flood the owner's mailbox nor void the link the owner is about to use.
 */
export async function reenviarRestablecimiento(
  deps: Servicios,
  usuario: { idUsuario: string; nombre: string },
  idSolicitud: string | null,
): Promise<void> {
  const ahora = deps.reloj();
  const { idUsuario } = usuario;
  const nuevo = restablecimientoNuevo(idUsuario, ahora, sinRestablecimientoPendiente(idUsuario, ahora));
  await deps.db.batch([...nuevo.sentencias, avisoRestablecimiento(deps, nuevo, { idUsuario, nombre: usuario.nombre, ahora, idSolicitud })], 'write');
}

export type ResultadoRestablecimiento = { tipo: 'RESTABLECIDO' } | { tipo: 'NO_VALIDO' } | { tipo: 'ERRORES'; idUsuario: string; errores: ErrorCampo[] };

/**
 * The reset form: the new password must meet the same rules as the screen's (length, no personal
 * data, not the current password, not guessable). Then, in one batch: the link consumed, the
 * password stored and the account ACTIVO, audited CLAVE_RESTABLECIDA, every session revoked and any
 * other reset link voided, and the "password changed" notice queued. Errors use `contrasena` and
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
      sentenciaAviso(
        deps.config.secretoCodigos,
        { idUsuario, tipo: 'CLAVE_MODIFICADA', contenido: mensajeContrasenaCambiada({ nombre: cuenta.nombre }), ahora, idSolicitud: quien.idSolicitud },
        guardada,
      ),
    ],
    'write',
  );
  if (cambio?.rowsAffected !== 1) return { tipo: 'NO_VALIDO' };
  return { tipo: 'RESTABLECIDO' };
}
