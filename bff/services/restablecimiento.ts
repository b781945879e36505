/**
 * Password-reset links (DESIGN §4; table `enlaces_restablecimiento`, migration 004): the only way
 * out of BLOQUEADO. One is sent to the address a revert restored, and another when someone logs in
 * with the right password after it expired. One hour, single use; a new one voids the previous one.
 * Only the SHA-256 of the 256-bit token is stored, as for revert links.
 */
import type { InStatement } from '@libsql/client';
import { errorCampo, RestablecimientoContrasenaSchema, validar, type ErrorCampo } from '../../contract/index.js';
import { mensajeContrasenaCambiada, mensajeRestablecimiento } from '../mail/index.js';
import type { Servicios } from '../tipos.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { enviarAviso } from './avisos.js';
import { errorPoliticaContrasena, hashContrasena } from './contrasenas.js';
import { FORMATO_TOKEN, hashTokenEnlace, PENDIENTE, tokenDeEnlace } from './reversion.js';
import { sentenciaRevocarSesionesDeUsuario, type Condicion } from '../db/sesiones.js';

export const VIGENCIA_RESTABLECIMIENTO_MS = 60 * 60 * 1000;

/** Where the reset page lives (bff/routes/restablecer.ts); the token follows. */
export const RUTA_RESTABLECIMIENTO = '/clave/restablecer';

export interface RestablecimientoEmitido {
  token: string;
  /** SQL that is true once this link is stored: the rest of a batch can depend on it. */
  emitido: Condicion;
  /** Its INSERT (for a BLOQUEADO account, when `condicion` holds) and the voiding of older links. */
  sentencias: InStatement[];
  /** SELECT of the name and address it goes to, empty unless it was stored. */
  destinatario: InStatement;
}

/** A new reset link for `idUsuario`, stored only if the account is BLOQUEADO and `condicion` holds. */
export function restablecimientoNuevo(idUsuario: string, ahora: Date, condicion: Condicion): RestablecimientoEmitido {
  const { token, hash } = tokenDeEnlace();
  const momento = ahora.toISOString();
  const emitido: Condicion = { sql: 'EXISTS (SELECT 1 FROM enlaces_restablecimiento WHERE hash_token = ?)', args: [hash] };
  return {
    token,
    emitido,
    sentencias: [
      {
        sql: `INSERT INTO enlaces_restablecimiento (hash_token, id_usuario, correo, creado_en, expira_en)
              SELECT ?, id_usuario, correo, ?, ? FROM usuarios
              WHERE id_usuario = ? AND estado = 'BLOQUEADO' AND ${condicion.sql}`,
        args: [hash, momento, new Date(ahora.getTime() + VIGENCIA_RESTABLECIMIENTO_MS).toISOString(), idUsuario, ...condicion.args],
      },
      {
        sql: `UPDATE enlaces_restablecimiento SET anulado_en = ?
              WHERE id_usuario = ? AND hash_token <> ? AND usado_en IS NULL AND anulado_en IS NULL AND ${emitido.sql}`,
        args: [momento, idUsuario, hash, ...emitido.args],
      },
    ],
    destinatario: {
      sql: `SELECT id_usuario, nombre, correo FROM usuarios WHERE id_usuario = ? AND ${emitido.sql}`,
      args: [idUsuario, ...emitido.args],
    },
  };
}

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
    claveIdempotencia: `restablecimiento:${hashTokenEnlace(d.token).slice(0, 32)}`,
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
  const sinPendiente: Condicion = {
    sql: `NOT EXISTS (SELECT 1 FROM enlaces_restablecimiento WHERE id_usuario = ? AND ${PENDIENTE})`,
    args: [idUsuario, ahora.toISOString()],
  };
  const nuevo = restablecimientoNuevo(idUsuario, ahora, sinPendiente);
  const resultados = await deps.db.batch([...nuevo.sentencias, nuevo.destinatario], 'write');
  const fila = resultados.at(-1)?.rows[0];
  if (fila) await enviarRestablecimiento(deps, { idUsuario, nombre: String(fila.nombre), correo: String(fila.correo), token: nuevo.token }, idSolicitud);
}

export interface CuentaARestablecer {
  idUsuario: string;
  nombre: string;
  correo: string;
  contrasenaHash: string;
}

/** The BLOQUEADO account a pending reset link belongs to, or null; changes nothing (a GET may call it). */
export async function cuentaDeRestablecimiento(db: Servicios['db'], token: string, ahora: Date): Promise<CuentaARestablecer | null> {
  if (!FORMATO_TOKEN.test(token)) return null;
  const { rows } = await db.execute({
    sql: `SELECT id_usuario, nombre, correo, clave_hash FROM usuarios
          WHERE estado = 'BLOQUEADO' AND id_usuario = (SELECT id_usuario FROM enlaces_restablecimiento WHERE hash_token = ? AND ${PENDIENTE})`,
    args: [hashTokenEnlace(token), ahora.toISOString()],
  });
  const fila = rows[0];
  return fila
    ? { idUsuario: String(fila.id_usuario), nombre: String(fila.nombre), correo: String(fila.correo), contrasenaHash: String(fila.clave_hash) }
    : null;
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
  quien: { ip: string | null; agente: string | null; idSolicitud: string | null },
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
  const momento = ahora.toISOString();
  const { idUsuario } = cuenta;
  // Stored by this batch: argon2's random salt makes the hash unique.
  const guardada: Condicion = { sql: 'EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ? AND clave_hash = ?)', args: [idUsuario, contrasenaHash] };
  const hash = hashTokenEnlace(token);
  const [, cambio] = await deps.db.batch(
    [
      { sql: `UPDATE enlaces_restablecimiento SET usado_en = ? WHERE hash_token = ? AND ${PENDIENTE}`, args: [momento, hash, momento] },
      {
        sql: `UPDATE usuarios SET clave_hash = ?, clave_cambiada_en = ?, estado = 'ACTIVO', version = version + 1, actualizado_en = ?
              WHERE id_usuario = ? AND estado = 'BLOQUEADO' AND changes() = 1`,
        args: [contrasenaHash, momento, momento, idUsuario],
      },
      sentenciaEvento({ idUsuario, evento: 'CLAVE_RESTABLECIDA', campos: ['contrasena', 'estado'], creadoEn: ahora, ...quien }, 'siCambio'),
      sentenciaRevocarSesionesDeUsuario(idUsuario, ahora, guardada),
      {
        sql: `UPDATE enlaces_restablecimiento SET anulado_en = ? WHERE id_usuario = ? AND usado_en IS NULL AND anulado_en IS NULL AND ${guardada.sql}`,
        args: [momento, idUsuario, ...guardada.args],
      },
    ],
    'write',
  );
  if (cambio?.rowsAffected !== 1) return { tipo: 'NO_VALIDO' };
  await enviarAviso(deps.db, deps.mailer, {
    idUsuario,
    tipo: 'CLAVE_MODIFICADA',
    para: cuenta.correo,
    contenido: mensajeContrasenaCambiada({ nombre: cuenta.nombre }),
    claveIdempotencia: `aviso-clave-restablecida:${hash.slice(0, 32)}`,
    ahora,
    idSolicitud: quien.idSolicitud,
  });
  return { tipo: 'RESTABLECIDO' };
}
