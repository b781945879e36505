import { randomUUID } from 'node:crypto';
import type { CorreoBandeja } from '../../contract/correo.js';
import type { Ejecutor } from '../db/ejecutor.js';
import type { Mailer, MensajeCorreo, Reloj } from './tipos.js';

/**
 * The dev outbox (no RESEND_API_KEY): messages are stored in libSQL (`correos_bandeja`, migration
 * 002) so every BFF process sharing the database sees them. A repeated `claveIdempotencia` stores
 * the message once, as Resend would deliver it once.
 */
export function crearBandejaDev(db: Ejecutor, reloj: Reloj): Mailer {
  return {
    async enviar(m: MensajeCorreo): Promise<void> {
      await db.execute({
        sql: `INSERT INTO correos_bandeja (id, para, asunto, texto, html, clave_idempotencia, creado_en)
              VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clave_idempotencia) DO NOTHING`,
        args: [randomUUID(), m.para, m.asunto, m.texto, m.html, m.claveIdempotencia, reloj().toISOString()],
      });
    },
  };
}

/** The outbox, newest first (at most `limite` messages, 100 by default). */
export async function listarBandeja(db: Ejecutor, limite = 100): Promise<CorreoBandeja[]> {
  const { rows } = await db.execute({
    sql: `SELECT id, para, asunto, texto, html, creado_en FROM correos_bandeja
          ORDER BY creado_en DESC, rowid DESC LIMIT ?`,
    args: [limite],
  });
  return rows.map((fila) => ({
    id: String(fila.id),
    para: String(fila.para),
    asunto: String(fila.asunto),
    texto: String(fila.texto),
    html: String(fila.html),
    creadoEn: String(fila.creado_en),
  }));
}
