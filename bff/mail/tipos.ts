/** One message to send. `claveIdempotencia` makes a retried send deliver once (Resend's `Idempotency-Key`). */
export interface MensajeCorreo {
  para: string;
  asunto: string;
  html: string;
  texto: string;
  claveIdempotencia: string;
}

/**
 * Sends email. Implemented by Resend (production) and by the dev outbox stored in libSQL. Resolves
 * once the provider took the message; `senal` abandons the send (the server is stopping).
 */
export interface Mailer {
  enviar(m: MensajeCorreo, senal?: AbortSignal): Promise<void>;
}

/** A clock: tests pass a fixed one. */
export type Reloj = () => Date;

/**
 * The provider cannot take the message now (429, 5xx, timeout, refused or reset connection) even
 * after the bounded retry. Map to 503 `SERVICIO_CORREO_NO_DISPONIBLE` with `Retry-After:
 * reintentarEnS`; `indicado` says the provider gave that figure (its `Retry-After`).
 */
export class CorreoNoDisponibleError extends Error {
  override readonly name = 'CorreoNoDisponibleError';
  constructor(
    readonly reintentarEnS: number,
    detalle: string,
    readonly indicado = false,
  ) {
    super(`El servicio de correo no está disponible: ${detalle}`);
  }
}

/**
 * The provider refused the message for good (a 4xx other than 408 and 429): retrying the same
 * request will not help. `destinatarioInvalido` is true when the recipient address was the reason
 * (map to 422 on `correo`, code `FORMATO`); otherwise it is our configuration (API key, sender
 * domain, message): an operator must fix it, GET /api/salud reports it, and the user is told the
 * service cannot send email now.
 */
export class CorreoRechazadoError extends Error {
  override readonly name = 'CorreoRechazadoError';
  constructor(
    readonly estado: number,
    readonly codigoProveedor: string,
    readonly destinatarioInvalido: boolean,
    detalle: string,
  ) {
    super(`El proveedor de correo rechazó el mensaje (${estado} ${codigoProveedor}): ${detalle}`);
  }
}
