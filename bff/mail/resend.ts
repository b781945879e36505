import { Resend, type ErrorResponse, type Response as RespuestaResend } from 'resend';
import { CorreoNoDisponibleError, CorreoRechazadoError, type Mailer, type MensajeCorreo } from './tipos.js';

/** Time budget of one `enviar`, all tries included (the user waits for a security code this long at most). */
export const PLAZO_ENVIO_MS = 5000;

export interface OpcionesResend {
  apiKey: string;
  /** The `from` of every message, e.g. `Ecuapass <no-responder@correo.aduana.gob.ec>`. */
  remitente: string;
  /** API origin; without it the SDK uses `RESEND_BASE_URL` or https://api.resend.com. */
  baseUrl?: string | undefined;
  /** Time budget of one `enviar`, all tries included, in ms (`PLAZO_ENVIO_MS`). */
  plazoMs?: number;
  /** Tries for a transient failure (2). */
  intentos?: number;
  /** Wait before try n+1, times n, in ms (250). */
  esperaMs?: number;
}

/** Retry-After (seconds) when the provider gives none. */
const REINTENTAR_POR_DEFECTO_S = 30;

/**
 * The SDK with one change in how an answer is read. The SDK reports an answer 2xx whose body is not
 * JSON (or that is cut mid-body) as "Unable to fetch data", the same error as no answer at all; but
 * the provider took the message, and retrying or voiding the code the user is about to type would
 * be wrong. Here a 2xx is success whatever its body, an error answer keeps the SDK's error object
 * (or, unreadable, its status), and only no answer is "Unable to fetch data". The request itself
 * (payload, Authorization, User-Agent, Idempotency-Key) is still built by the SDK.
 */
class ResendSegunEstado extends Resend {
  override async fetchRequest<T>(path: string, options: RequestInit = {}): Promise<RespuestaResend<T>> {
    let respuesta: Response;
    try {
      respuesta = await fetch(`${this.baseUrl}${path}`, options);
    } catch {
      return { data: null, error: sinRespuesta, headers: null };
    }
    const headers = Object.fromEntries(respuesta.headers.entries());
    const cuerpo = leerJson(await respuesta.text().catch(() => ''));
    if (respuesta.ok) return { data: (cuerpo ?? {}) as T, error: null, headers };
    const error = esErrorResend(cuerpo)
      ? cuerpo
      : { name: 'application_error' as const, statusCode: respuesta.status, message: `respuesta ilegible (${respuesta.status} ${respuesta.statusText})` };
    return { data: null, error, headers };
  }
}

function leerJson(texto: string): unknown {
  try {
    return JSON.parse(texto) as unknown;
  } catch {
    return null;
  }
}

function esErrorResend(cuerpo: unknown): cuerpo is ErrorResponse {
  const e = cuerpo as Partial<ErrorResponse> | null;
  return typeof e?.name === 'string' && typeof e.message === 'string';
}

// Resend's SDK never throws on API errors: it returns `{ data, error, headers }`, with
// `error.statusCode === null` when the request did not get an answer (refused, reset, timed out).
export function crearMailerResend(opciones: OpcionesResend): Mailer {
  const resend = new ResendSegunEstado(opciones.apiKey, opciones.baseUrl ? { baseUrl: opciones.baseUrl } : undefined);
  const plazoMs = opciones.plazoMs ?? PLAZO_ENVIO_MS;
  const intentos = opciones.intentos ?? 2;
  const esperaMs = opciones.esperaMs ?? 250;

  return {
    async enviar(m: MensajeCorreo, senal?: AbortSignal): Promise<void> {
      const limite = Date.now() + plazoMs;
      let reintentarEnS = REINTENTAR_POR_DEFECTO_S;
      let indicadoPorProveedor = false;
      let detalle = 'sin respuesta del proveedor';
      for (let intento = 1; intento <= intentos && !senal?.aborted; intento++) {
        const restante = limite - Date.now();
        if (restante <= 0) break;
        const plazo = AbortSignal.timeout(restante);
        const respuesta = await resend.emails
          .send(
            { from: opciones.remitente, to: m.para, subject: m.asunto, html: m.html, text: m.texto },
            { idempotencyKey: m.claveIdempotencia, signal: senal ? AbortSignal.any([plazo, senal]) : plazo },
          )
          .catch(() => ({ error: sinRespuesta, headers: null }));
        if (!respuesta.error) return;

        const estado = estadoDe(respuesta.error);
        detalle = `${estado || 'sin respuesta'} ${respuesta.error.name}: ${respuesta.error.message}`;
        if (!esTransitorio(estado, respuesta.error.name)) {
          throw new CorreoRechazadoError(
            estado,
            respuesta.error.name,
            esDestinatarioInvalido(respuesta.error),
            respuesta.error.message,
          );
        }
        const indicado = leerRetryAfter(respuesta.headers);
        reintentarEnS = indicado ?? REINTENTAR_POR_DEFECTO_S;
        indicadoPorProveedor = indicado !== null;
        // A quota or a long Retry-After will not clear within this request's budget.
        if (esCuota(respuesta.error.name) || (indicado !== null && indicado > 2)) break;
        const espera = Math.max(esperaMs * intento, (indicado ?? 0) * 1000);
        if (intento === intentos || Date.now() + espera >= limite) break;
        await new Promise((resolver) => setTimeout(resolver, espera));
      }
      throw new CorreoNoDisponibleError(reintentarEnS, detalle, indicadoPorProveedor);
    },
  };
}

const sinRespuesta: ErrorResponse = {
  name: 'application_error',
  statusCode: null,
  message: 'Unable to fetch data. The request could not be resolved.',
};

const ESTADO_POR_NOMBRE: Partial<Record<string, number>> = {
  rate_limit_exceeded: 429,
  daily_quota_exceeded: 429,
  monthly_quota_exceeded: 429,
  concurrent_idempotent_requests: 409,
  internal_server_error: 500,
  application_error: 500,
  validation_error: 422,
  missing_required_field: 422,
  invalid_parameter: 422,
  invalid_from_address: 403,
  invalid_api_key: 403,
  restricted_api_key: 401,
  missing_api_key: 401,
};

/** The HTTP status of an SDK error; 0 when there was no answer at all. */
function estadoDe(error: ErrorResponse): number {
  if (typeof error.statusCode === 'number') return error.statusCode;
  if (error.statusCode === null && error.message.startsWith('Unable to fetch data')) return 0;
  return ESTADO_POR_NOMBRE[error.name] ?? 500;
}

function esTransitorio(estado: number, nombre: string): boolean {
  return estado === 0 || estado === 408 || estado === 429 || estado >= 500 || nombre === 'concurrent_idempotent_requests';
}

function esCuota(nombre: string): boolean {
  return nombre === 'daily_quota_exceeded' || nombre === 'monthly_quota_exceeded';
}

// Resend answers e.g. "Invalid `to` field. The email address needs to follow the `email@example.com` format."
function esDestinatarioInvalido(error: ErrorResponse): boolean {
  return (error.name === 'validation_error' || error.name === 'invalid_parameter') && /`to`|\bto\b/i.test(error.message);
}

/** Seconds from a Retry-After header (delta-seconds or HTTP-date), clamped to 1..3600; null when absent. */
function leerRetryAfter(headers: Record<string, string> | null): number | null {
  const valor = headers?.['retry-after']?.trim();
  if (!valor) return null;
  const segundos = /^\d+$/.test(valor) ? Number(valor) : Math.ceil((Date.parse(valor) - Date.now()) / 1000);
  if (!Number.isFinite(segundos)) return null;
  return Math.min(3600, Math.max(1, segundos));
}
