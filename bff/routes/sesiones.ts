import { Hono } from 'hono';
import { SesionInputSchema, type Sesion, type SesionesCerradas } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { LIMITES, sentenciaPurgar } from '../db/limites.js';
import {
  listarSesiones,
  resolverSesion,
  sentenciaLimitarSesiones,
  sentenciaRevocarOtrasSesiones,
  sentenciaRevocarToken,
  sesionNueva,
} from '../db/sesiones.js';
import { condicionCuentaActiva, sentenciaLectura, usuarioDeFila } from '../db/usuarios.js';
import { problemaCuentaBloqueada } from '../middleware/cuenta.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { borrarCookieSesion, ponerCookieSesion, requerirSesion, tokenDe, tomarRenovacion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite } from '../problemas.js';
import { ServidorOcupadoError, verificarContrasena } from '../services/contrasenas.js';
import { reservaInicioSesion, sentenciasDevolverInicio, sentenciasInicioCorrecto } from '../services/limites-inicio.js';
import { reenviarRestablecimiento } from '../services/restablecimiento.js';
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
  const { db, reloj, argon2 } = deps;
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
      const ahora = reloj();
      const cierre = { idUsuario, evento: 'SESIONES_CERRADAS', creadoEn: ahora, ...origenDeSolicitud(c) } as const;
      const [revocadas] = await db.batch(
        [sentenciaRevocarOtrasSesiones(idUsuario, sesionId, ahora), sentenciaEvento(cierre, 'siAlguno')],
        'write',
      );
      return c.json({ cerradas: revocadas?.rowsAffected ?? 0 } satisfies SesionesCerradas);
    })
    .post('/', cuerpoValido(SesionInputSchema), async (c) => {
      const { idUsuario, contrasena } = c.req.valid('json');
      const ahora = reloj();
      const quien = origenDeSolicitud(c);
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
        return problemaLimite(c, limite.reintentarEnS);
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
        return problema(c, 401, 'CREDENCIALES_INVALIDAS', CREDENCIALES_INVALIDAS);
      }
      if (usuario.estado === 'BAJA') {
        await db.batch(sentenciasInicioCorrecto(idUsuario, quien.ip), 'write');
        return cuentaDeBaja(c);
      }
      // Blocked after "No reconozco este cambio": the password alone no longer opens a session
      // (whoever changed the address may know it); a new reset link goes to the registered
      // address if the last one expired.
      if (usuario.estado === 'BLOQUEADO') {
        await db.batch(sentenciasInicioCorrecto(idUsuario, quien.ip), 'write');
        await reenviarRestablecimiento(deps, usuario, quien.idSolicitud);
        return problemaCuentaBloqueada(c);
      }

      // One batch: the counts forgotten, the session this browser or client still presented ended
      // (a login never leaves the previous token alive), the new session, its audit row, and the
      // least recently used sessions beyond MAXIMO_SESIONES ended.
      const anterior = tokenDe(c, deps.config);
      // The session is stored only if the account is still ACTIVO (a revert may have blocked it meanwhile).
      const { sesion, sentencia } = sesionNueva({ idUsuario, ahora, ip: quien.ip, agente: quien.agente }, condicionCuentaActiva(idUsuario));
      const lote = [
        ...sentenciasInicioCorrecto(idUsuario, quien.ip),
        sentenciaPurgar(ahora),
        ...(anterior ? [sentenciaRevocarToken(anterior.token, ahora)] : []),
        sentencia,
        sentenciaEvento({ idUsuario, evento: 'INICIO_SESION', creadoEn: ahora, ...quien }, 'siCambio'),
        sentenciaLimitarSesiones(idUsuario, ahora),
      ];
      const resultados = await db.batch(lote, 'write');
      if (resultados[lote.indexOf(sentencia)]?.rowsAffected !== 1) return problemaCuentaBloqueada(c);
      ponerCookieSesion(c, deps.config, sesion.token);
      c.header('Cache-Control', 'no-store');
      return c.json({ token: sesion.token, expiraEn: sesion.expiraEn.toISOString() } satisfies Sesion, 201);
    })
    .delete('/actual', async (c) => {
      const credencial = tokenDe(c, deps.config);
      const ahora = reloj();
      const sesion = credencial ? await resolverSesion(db, credencial.token, ahora) : null;
      if (credencial && sesion) {
        const cierre = { idUsuario: sesion.usuario.idUsuario, evento: 'CIERRE_SESION', creadoEn: ahora, ...origenDeSolicitud(c) } as const;
        await db.batch([sentenciaRevocarToken(credencial.token, ahora), sentenciaEvento(cierre)], 'write');
      }
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
