import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { BajaInputSchema, type BajaRegistrada } from '../../contract/index.js';
import { mensajeBaja } from '../mail/index.js';
import { requerirCuentaActiva } from '../middleware/cuenta.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { borrarCookieSesion, problemaNoAutenticado } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { enviarAviso } from '../services/avisos.js';
import { sentenciaAnularCodigos } from '../db/codigos.js';
import { sentenciaRevocarSesionesDeUsuario } from '../db/sesiones.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';

/**
 * POST /api/usuario/baja {motivo} (seed §5.8), mounted under the session middleware: one write
 * batch records the request, puts the account in BAJA (the row and its email stay; the unique
 * index ignores BAJA users), revokes every session, voids pending codes and audits
 * BAJA_SOLICITADA. Then the confirmation goes to the registered address; its failure does not
 * undo the baja.
 */
export function rutasBaja(deps: Servicios) {
  const { db, reloj, mailer } = deps;
  return new Hono<Entorno>().post('/', requerirCuentaActiva(deps), requerirReautenticacion(deps), cuerpoValido(BajaInputSchema), async (c) => {
    const usuario = c.get('usuario');
    const { motivo } = c.req.valid('json');
    const ahora = reloj();
    const momento = ahora.toISOString();
    const id = randomUUID();
    const quien = origenDeSolicitud(c);
    // Sessions and codes end only if this batch registered the request (the account was ACTIVO).
    const registrada = { sql: 'EXISTS (SELECT 1 FROM solicitudes_baja WHERE id = ?)', args: [id] };
    const [, cambio] = await db.batch(
      [
        {
          sql: `INSERT INTO solicitudes_baja (id, id_usuario, motivo, estado, creada_en)
                SELECT ?, ?, ?, 'REGISTRADA', ? WHERE EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ? AND estado = 'ACTIVO')`,
          args: [id, usuario.idUsuario, motivo, momento, usuario.idUsuario],
        },
        {
          sql: `UPDATE usuarios SET estado = 'BAJA', version = version + 1, actualizado_en = ?
                WHERE id_usuario = ? AND estado = 'ACTIVO' AND changes() = 1`,
          args: [momento, usuario.idUsuario],
        },
        sentenciaEvento({ idUsuario: usuario.idUsuario, evento: 'BAJA_SOLICITADA', campos: ['motivo'], creadoEn: ahora, ...quien }, 'siCambio'),
        sentenciaRevocarSesionesDeUsuario(usuario.idUsuario, ahora, registrada),
        sentenciaAnularCodigos(usuario.idUsuario, ahora, registrada),
      ],
      'write',
    );
    if (cambio?.rowsAffected !== 1) {
      return problemaNoAutenticado(c);
    }
    borrarCookieSesion(c, deps.config);
    await enviarAviso(db, mailer, {
      idUsuario: usuario.idUsuario,
      tipo: 'BAJA_SOLICITADA',
      para: usuario.correo,
      contenido: mensajeBaja({ nombre: usuario.nombre, idSolicitud: id, motivo }),
      claveIdempotencia: `baja:${id}`,
      ahora,
      idSolicitud: quien.idSolicitud,
    });
    return c.json({ id, estado: 'REGISTRADA', creadaEn: momento } satisfies BajaRegistrada, 202);
  });
}
