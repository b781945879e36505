import type { Sesion } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { LIMITES, sentenciaPurgar } from '../db/limites.js';
import {
  resolverSesion,
  sentenciaLimitarSesiones,
  sentenciaRevocarOtrasSesiones,
  sentenciaRevocarToken,
  sesionNueva,
} from '../db/sesiones.js';
import { condicionCuentaActiva, sentenciaLectura, usuarioDeFila } from '../db/usuarios.js';
import type { Quien, Servicios } from '../tipos.js';
import { ServidorOcupadoError, verificarContrasena } from './contrasenas.js';
import { reservaInicioSesion, sentenciasDevolverInicio, sentenciasInicioCorrecto } from './limites-inicio.js';
import { reenviarRestablecimiento } from './restablecimiento.js';

export interface DatosInicioSesion {
  idUsuario: string;
  contrasena: string;
  /** The session token this browser or client still presented, if any: a login ends it. */
  tokenAnterior: string | null;
}

/** How a login ended; the route maps each failure to its problem. */
export type ResultadoInicioSesion =
  | { tipo: 'INICIADA'; sesion: Sesion }
  | { tipo: 'LIMITE'; reintentarEnS: number }
  | { tipo: 'CREDENCIALES_INVALIDAS' }
  | { tipo: 'BAJA' }
  | { tipo: 'BLOQUEADO' };

/**
 * POST /api/sesiones: limits, the password check (argon2 under the app's cap; `ServidorOcupadoError`
 * is thrown after the attempt is given back), the audit rows and the new session in one batch.
 */
export async function iniciarSesion(
  deps: Servicios,
  quien: Quien,
  { idUsuario, contrasena, tokenAnterior }: DatosInicioSesion,
): Promise<ResultadoInicioSesion> {
  const { db, reloj, argon2 } = deps;
  const ahora = reloj();
  // Failures and limit hits are audited for existing users only (unknown IDs would let anyone
  // fill the table), in one conditional statement: the same work whether the ID exists or not.
  // Repeats share one row per window; every attempt also purges a few expired counters.
  const auditar = (evento: 'LIMITE_EXCEDIDO' | 'INICIO_SESION_FALLIDO', campos: string[] = []) =>
    db.batch(
      [
        sentenciaPurgar(ahora),
        sentenciaEvento({ idUsuario, evento, campos, creadoEn: ahora, agruparMs: LIMITES.inicioSesion.ventanaMs, ...quien }, 'siExiste'),
      ],
      'write',
    );

  // The attempt is counted (per ID and client, per ID, per client) before the password is
  // checked, so concurrent guesses cannot all slip under a limit; a right password forgets it.
  // The user is read in the same round trip.
  const reserva = reservaInicioSesion(idUsuario, quien.ip, ahora);
  const lectura = await db.batch([...reserva.sentencias, sentenciaLectura(idUsuario)], 'write');
  const limite = reserva.resultado(lectura);
  if (!limite.permitido) {
    await auditar('LIMITE_EXCEDIDO', ['sesion']);
    deps.metricas.limiteRechazado('inicio-sesion');
    return { tipo: 'LIMITE', reintentarEnS: limite.reintentarEnS };
  }

  // Unknown users are checked against a dummy hash: same work, same answer. A busy server
  // answers 503 at once and the attempt, never tried, is given back.
  const usuario = usuarioDeFila(lectura.at(-1)?.rows[0]);
  let correcta: boolean;
  try {
    correcta = await argon2(() => verificarContrasena(usuario?.contrasenaHash ?? null, contrasena));
  } catch (error) {
    if (error instanceof ServidorOcupadoError) await db.batch(sentenciasDevolverInicio(idUsuario, quien.ip), 'write');
    throw error;
  }

  if (!usuario || !correcta) {
    await auditar('INICIO_SESION_FALLIDO');
    return { tipo: 'CREDENCIALES_INVALIDAS' };
  }
  if (usuario.estado === 'BAJA') {
    await db.batch(sentenciasInicioCorrecto(idUsuario, quien.ip), 'write');
    return { tipo: 'BAJA' };
  }
  // Blocked after "No reconozco este cambio": the password alone no longer opens a session
  // (whoever changed the address may know it); a new reset link goes to the registered
  // address if the last one expired.
  if (usuario.estado === 'BLOQUEADO') {
    await db.batch(sentenciasInicioCorrecto(idUsuario, quien.ip), 'write');
    await reenviarRestablecimiento(deps, usuario, quien.idSolicitud);
    return { tipo: 'BLOQUEADO' };
  }

  // One batch: the counts forgotten, the previous session ended (a login never leaves the previous
  // token alive), the new session, its audit row, and the least recently used sessions beyond
  // MAXIMO_SESIONES ended. The session is stored only if the account is still ACTIVO (a revert may
  // have blocked it meanwhile).
  const { sesion, sentencia } = sesionNueva({ idUsuario, ahora, ip: quien.ip, agente: quien.agente }, condicionCuentaActiva(idUsuario));
  const lote = [
    ...sentenciasInicioCorrecto(idUsuario, quien.ip),
    sentenciaPurgar(ahora),
    ...(tokenAnterior ? [sentenciaRevocarToken(tokenAnterior, ahora)] : []),
    sentencia,
    sentenciaEvento({ idUsuario, evento: 'INICIO_SESION', creadoEn: ahora, ...quien }, 'siCambio'),
    sentenciaLimitarSesiones(idUsuario, ahora),
  ];
  const resultados = await db.batch(lote, 'write');
  if (resultados[lote.indexOf(sentencia)]?.rowsAffected !== 1) return { tipo: 'BLOQUEADO' };
  return { tipo: 'INICIADA', sesion: { token: sesion.token, expiraEn: sesion.expiraEn.toISOString() } };
}

/** Ends the user's other sessions and audits SESIONES_CERRADAS if any was open: how many ended. */
export async function cerrarOtrasSesiones({ db, reloj }: Servicios, quien: Quien, idUsuario: string, sesionId: string): Promise<number> {
  const ahora = reloj();
  const cierre = { idUsuario, evento: 'SESIONES_CERRADAS', creadoEn: ahora, ...quien } as const;
  const [revocadas] = await db.batch(
    [sentenciaRevocarOtrasSesiones(idUsuario, sesionId, ahora), sentenciaEvento(cierre, 'siAlguno')],
    'write',
  );
  return revocadas?.rowsAffected ?? 0;
}

/** Logout: ends the session of `token` and audits CIERRE_SESION, if that session is live. */
export async function cerrarSesion({ db, reloj }: Servicios, quien: Quien, token: string): Promise<void> {
  const ahora = reloj();
  const sesion = await resolverSesion(db, token, ahora);
  if (!sesion) return;
  const cierre = { idUsuario: sesion.usuario.idUsuario, evento: 'CIERRE_SESION', creadoEn: ahora, ...quien } as const;
  await db.batch([sentenciaRevocarToken(token, ahora), sentenciaEvento(cierre)], 'write');
}
