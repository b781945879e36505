import type { Client } from '@libsql/client';
import { sentenciaEvento } from '../db/auditoria.js';
import { sentenciaAvisoFallido } from '../db/avisos.js';
import type { ContenidoCorreo, Mailer } from '../mail/index.js';

export interface Aviso {
  idUsuario: string;
  /** What the notice is about, e.g. `CORREO_MODIFICADO`; stored when it fails. */
  tipo: string;
  para: string;
  contenido: ContenidoCorreo;
  claveIdempotencia: string;
  ahora: Date;
  idSolicitud: string | null;
}

/**
 * Sends a notice about a change that is already saved (DESIGN §4). A failure must not undo the
 * change: it is logged (without the message, which may hold a one-time link), recorded in
 * `avisos_fallidos` for operators and shown to the user as `AVISO_NO_ENVIADO` in their activity
 * (both in one write batch).
 * Returns whether it was sent.
 */
export async function enviarAviso(db: Pick<Client, 'batch'>, mailer: Mailer, aviso: Aviso): Promise<boolean> {
  try {
    await mailer.enviar({ para: aviso.para, ...aviso.contenido, claveIdempotencia: aviso.claveIdempotencia });
    return true;
  } catch (error) {
    const detalle = error instanceof Error ? error.message : String(error);
    console.error(`[${aviso.idSolicitud ?? '-'}] aviso ${aviso.tipo} a ${aviso.idUsuario} no enviado: ${detalle}`);
    try {
      await db.batch(
        [
          sentenciaAvisoFallido({ idUsuario: aviso.idUsuario, tipo: aviso.tipo, para: aviso.para, detalle, ahora: aviso.ahora }),
          sentenciaEvento({
            idUsuario: aviso.idUsuario,
            evento: 'AVISO_NO_ENVIADO',
            campos: [aviso.tipo],
            creadoEn: aviso.ahora,
            idSolicitud: aviso.idSolicitud,
          }),
        ],
        'write',
      );
    } catch (registro) {
      console.error(`[${aviso.idSolicitud ?? '-'}] no se pudo registrar el aviso fallido`, registro);
    }
    return false;
  }
}
