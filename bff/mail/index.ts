// Email for the BFF: the Mailer interface, Resend in production, the libSQL outbox in development,
// and the Spanish messages (DESIGN §2, §4).
import { crearBandejaDev } from './bandeja.js';
import { crearMailerResend } from './resend.js';
import type { Ejecutor } from '../db/ejecutor.js';
import type { Mailer, Reloj } from './tipos.js';

export * from './tipos.js';
export * from './bandeja.js';
export * from './resend.js';
export * from './mensajes.js';

export interface ConfigCorreo {
  /** RESEND_API_KEY: set → Resend; unset or empty → the dev outbox. */
  resendApiKey?: string | null | undefined;
  /** RESEND_BASE_URL (tests aim it at a local fake). */
  resendBaseUrl?: string | null | undefined;
  /** CORREO_REMITENTE, the `from` of every message. */
  correoRemitente: string;
}

/** The chosen mailer, and which one it is (`/dev/correos` answers 404 when it is `resend`). */
export type MailerElegido = Mailer & { readonly tipo: 'resend' | 'bandeja' };

export function crearMailer(config: ConfigCorreo, db: Ejecutor, reloj: Reloj): MailerElegido {
  if (config.resendApiKey) {
    const mailer = crearMailerResend({
      apiKey: config.resendApiKey,
      remitente: config.correoRemitente,
      baseUrl: config.resendBaseUrl ?? undefined,
    });
    return { tipo: 'resend', enviar: (m) => mailer.enviar(m) };
  }
  const bandeja = crearBandejaDev(db, reloj);
  return { tipo: 'bandeja', enviar: (m) => bandeja.enviar(m) };
}

/**
 * The mailer with each send counted (`Metricas.correo`): its kind is the prefix of the idempotency
 * key (`codigo`, `aviso-correo`, `aviso-clave`, `baja`, `restablecimiento`, …).
 */
export function contarEnvios(mailer: MailerElegido, contar: (tipo: string, enviado: boolean) => void): MailerElegido {
  return {
    tipo: mailer.tipo,
    async enviar(m) {
      const tipo = m.claveIdempotencia.split(':', 1)[0]!;
      await mailer.enviar(m).catch((error: unknown) => {
        contar(tipo, false);
        throw error;
      });
      contar(tipo, true);
    },
  };
}
