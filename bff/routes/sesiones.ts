import { Hono } from 'hono';
import { SesionInputSchema } from '../contract/index.js';
import { buscarUsuario } from '../db/usuarios.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { borrarCookieSesion, ponerCookieSesion, requerirSesion, tokenDe } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite } from '../problemas.js';
import { sentenciaEvento } from '../services/auditoria.js';
import { verificarContrasena } from '../services/contrasenas.js';
import { LIMITES, reiniciar, reservar, sentenciaReiniciar } from '../services/limites.js';
import {
  listarSesiones,
  resolverSesion,
  sentenciaLimitarSesiones,
  sentenciaRevocarOtrasSesiones,
  sentenciaRevocarToken,
  sesionNueva,
} from '../services/sesiones.js';
import type { Entorno, Servicios } from '../tipos.js';
import { problemaDeValidacion, validarCuerpo } from '../validacion.js';
import { rutaReautenticacion } from './clave.js';

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
      return c.json(await listarSesiones(db, idUsuario, sesionId, reloj()));
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
      return c.json({ cerradas: revocadas?.rowsAffected ?? 0 });
    })
    .post('/', leerCuerpoJson, async (c) => {
      const entrada = validarCuerpo(c.get('cuerpo'), SesionInputSchema, ['idUsuario', 'contrasena']);
      if (!entrada.ok) return problemaDeValidacion(c, entrada);
      const { idUsuario, contrasena } = entrada.valor;
      const ahora = reloj();
      const quien = origenDeSolicitud(c);
      const clave = `sesion:${idUsuario}`;

      // The attempt is counted before the password is checked (concurrent guesses cannot all slip
      // under the limit) and forgotten when the password is right.
      const limite = await reservar(db, { clave, ...LIMITES.inicioSesion, ahora });
      // Failures and limit hits are audited for existing users only (unknown IDs would let anyone
      // fill the table), in one conditional statement: the same work whether the ID exists or not.
      if (!limite.permitido) {
        await db.execute(sentenciaEvento({ idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['sesion'], creadoEn: ahora, ...quien }, 'siExiste'));
        return problemaLimite(c, limite.reintentarEnS);
      }

      // Unknown users are checked against a dummy hash: same work, same answer.
      const usuario = await buscarUsuario(db, idUsuario);
      const correcta = await verificarContrasena(usuario?.claveHash ?? null, contrasena);

      if (!usuario || !correcta) {
        await db.execute(sentenciaEvento({ idUsuario, evento: 'INICIO_SESION_FALLIDO', creadoEn: ahora, ...quien }, 'siExiste'));
        return problema(c, 401, 'CREDENCIALES_INVALIDAS', CREDENCIALES_INVALIDAS);
      }
      if (usuario.estado === 'BAJA') {
        await reiniciar(db, clave);
        return cuentaDeBaja(c);
      }

      // One batch: the count forgotten, the session this browser or client still presented ended
      // (a login never leaves the previous token alive), the new session, the least recently used
      // ones beyond MAXIMO_SESIONES ended, and the audit row.
      const anterior = tokenDe(c);
      const { sesion, sentencia } = sesionNueva({ idUsuario, ahora, ip: quien.ip, agente: quien.agente });
      await db.batch(
        [
          sentenciaReiniciar(clave),
          ...(anterior ? [sentenciaRevocarToken(anterior.token, ahora)] : []),
          sentencia,
          sentenciaLimitarSesiones(idUsuario, ahora),
          sentenciaEvento({ idUsuario, evento: 'INICIO_SESION', creadoEn: ahora, ...quien }),
        ],
        'write',
      );
      ponerCookieSesion(c, sesion.token);
      c.header('Cache-Control', 'no-store');
      return c.json({ token: sesion.token, expiraEn: sesion.expiraEn.toISOString() }, 201);
    })
    .delete('/actual', async (c) => {
      const credencial = tokenDe(c);
      const ahora = reloj();
      const sesion = credencial ? await resolverSesion(db, credencial.token, ahora) : null;
      if (credencial && sesion) {
        const cierre = { idUsuario: sesion.idUsuario, evento: 'CIERRE_SESION', creadoEn: ahora, ...origenDeSolicitud(c) } as const;
        await db.batch([sentenciaRevocarToken(credencial.token, ahora), sentenciaEvento(cierre)], 'write');
      }
      borrarCookieSesion(c);
      return c.body(null, 204);
    });
}

/** A BAJA account, told only to whoever knows its password (a wrong one gets the usual 401). */
function cuentaDeBaja(c: Parameters<typeof problema>[0]): Response {
  return problema(
    c,
    403,
    'CUENTA_INACTIVA',
    'Este usuario fue dado de baja y ya no puede iniciar sesión. Para volver a operar registre un nuevo usuario.',
  );
}
