import { randomUUID } from 'node:crypto';
import type { BajaRegistrada } from '../../contract/index.js';
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAviso } from '../db/avisos.js';
import { solicitudDeBaja } from '../db/bajas.js';
import { sentenciaAnularCodigos } from '../db/codigos.js';
import { sentenciaRevocarSesionesDeUsuario } from '../db/sesiones.js';
import type { UsuarioGuardado } from '../db/usuarios.js';
import { mensajeBaja } from '../mail/index.js';
import type { Quien, Servicios } from '../tipos.js';

/**
 * The baja (seed §5.8): one write batch records the request, puts the account in BAJA, revokes
 * every session, voids pending codes, audits BAJA_SOLICITADA and queues the confirmation to the
 * registered address in the outbox (sent after the answer; its failure does not undo the baja).
 * Null when the account was no longer ACTIVO (nothing changed).
 */
export async function solicitarBaja(
  { db, reloj, config }: Servicios,
  usuario: UsuarioGuardado,
  motivo: string,
  quien: Quien,
): Promise<BajaRegistrada | null> {
  const ahora = reloj();
  const id = randomUUID();
  const { idUsuario } = usuario;
  const solicitud = solicitudDeBaja({ id, idUsuario, motivo, ahora });
  // Sessions and codes end only if this batch registered the request.
  const [, cambio] = await db.batch(
    [
      ...solicitud.sentencias,
      sentenciaEvento({ idUsuario, evento: 'BAJA_SOLICITADA', campos: ['motivo'], creadoEn: ahora, ...quien }, 'siCambio'),
      sentenciaRevocarSesionesDeUsuario(idUsuario, ahora, solicitud.registrada),
      sentenciaAnularCodigos(idUsuario, ahora, solicitud.registrada),
      sentenciaAviso(
        config.secretoCodigos,
        {
          idUsuario,
          tipo: 'BAJA_SOLICITADA',
          contenido: mensajeBaja({ nombre: usuario.nombre, idSolicitud: id, motivo }),
          ahora,
          idSolicitud: quien.idSolicitud,
        },
        solicitud.registrada,
      ),
    ],
    'write',
  );
  if (cambio?.rowsAffected !== 1) return null;
  return { id, estado: 'REGISTRADA', creadaEn: ahora.toISOString() };
}
