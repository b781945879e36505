// Email for the BFF: the Mailer interface, Resend in production, the libSQL outbox in development,
// and the Spanish messages (DESIGN §2, §4).
import { crearBandejaDev } from './bandeja.js';
import { crearMailerResend } from './resend.js';
import type { Ejecutor } from '../db/ejecutor.js';
import { registroSilencioso, type Registro } from '../registro.js';
import { CorreoRechazadoError, type Mailer, type Reloj } from './tipos.js';

export * from './tipos.js';
export * from './bandeja.js';
export * from './resend.js';
export * from './mensajes.js';
export * from './sellado.js';

export interface ConfigCorreo {
  /** RESEND_API_KEY: set → Resend; unset or empty → the dev outbox. */
  resendApiKey?: string | null | undefined;
  /** RESEND_BASE_URL (tests aim it at a local fake). */
  resendBaseUrl?: string | null | undefined;
  /** CORREO_REMITENTE, the `from` of every message. */
  correoRemitente: string;
}

/** The provider refuses our configuration (key, sender): since when, and its answer (no secrets). */
export interface RechazoConfiguracion {
  desde: string;
  estado: number;
  codigoProveedor: string;
}

/**
 * The chosen mailer, which one it is (`/dev/correos` answers 404 when it is `resend`), and whether
 * the provider is refusing our configuration right now (GET /api/salud reports it).
 */
export type MailerElegido = Mailer & {
  readonly tipo: 'resend' | 'bandeja';
  /** The last send was refused for our configuration (until a send goes through); null otherwise. */
  rechazo(): RechazoConfiguracion | null;
};

/**
 * `dado` when given (a `MailerElegido` as it is, so the notices' sender and the routes share its
 * state), else the one the configuration names: Resend with RESEND_API_KEY, else the dev outbox.
 */
export function elegirMailer(
  dado: Mailer | null | undefined,
  config: ConfigCorreo,
  db: Ejecutor,
  reloj: Reloj,
  registro: Registro = registroSilencioso(),
): MailerElegido {
  if (!dado) return crearMailer(config, db, reloj, registro);
  if ('rechazo' in dado) return dado as MailerElegido;
  return vigilarMailer(dado, 'tipo' in dado && dado.tipo === 'resend' ? 'resend' : 'bandeja', reloj, registro);
}

/** The mailer the configuration names; `registro` gets its configuration errors (nothing is logged by default). */
export function crearMailer(config: ConfigCorreo, db: Ejecutor, reloj: Reloj, registro: Registro = registroSilencioso()): MailerElegido {
  if (config.resendApiKey) {
    const mailer = crearMailerResend({
      apiKey: config.resendApiKey,
      remitente: config.correoRemitente,
      baseUrl: config.resendBaseUrl ?? undefined,
    });
    return vigilarMailer(mailer, 'resend', reloj, registro);
  }
  return vigilarMailer(crearBandejaDev(db, reloj), 'bandeja', reloj, registro);
}

/**
 * `mailer` as a `MailerElegido`: a refusal of our configuration (a permanent error that is not
 * about the recipient: API key, sender domain) is logged once as a configuration error and kept
 * until a send goes through. One per process: the security codes and the notices' sender share it.
 */
export function vigilarMailer(mailer: Mailer, tipo: MailerElegido['tipo'], reloj: Reloj, registro: Registro): MailerElegido {
  let rechazo: RechazoConfiguracion | null = null;
  return {
    tipo,
    rechazo: () => rechazo,
    async enviar(m, senal) {
      try {
        await mailer.enviar(m, senal);
      } catch (error) {
        if (error instanceof CorreoRechazadoError && !error.destinatarioInvalido) {
          if (!rechazo) {
            registro.error(
              `Error de configuración del correo: el proveedor rechaza los envíos (${error.message}); revise RESEND_API_KEY y CORREO_REMITENTE. GET /api/salud lo informa hasta que un envío salga.`,
            );
          }
          rechazo = { desde: rechazo?.desde ?? reloj().toISOString(), estado: error.estado, codigoProveedor: error.codigoProveedor };
        }
        throw error;
      }
      if (rechazo) registro.info('El proveedor de correo vuelve a aceptar los envíos.');
      rechazo = null;
    },
  };
}

