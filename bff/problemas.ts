import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CodigoProblema, ErrorCampo, Problema } from '../contract/index.js';
import { DESCRIPCION_FALLA, type MotivoFalla } from './db/disponibilidad.js';

/** Spanish titles of the HTTP statuses the BFF answers with. */
const TITULOS: Partial<Record<number, string>> = {
  400: 'Solicitud incorrecta',
  401: 'No autenticado',
  403: 'Prohibido',
  404: 'No encontrado',
  405: 'Método no permitido',
  409: 'Conflicto',
  410: 'Ya no disponible',
  412: 'Precondición fallida',
  413: 'Contenido demasiado grande',
  415: 'Tipo de contenido no admitido',
  422: 'Datos no válidos',
  428: 'Precondición requerida',
  429: 'Demasiadas solicitudes',
  500: 'Error interno',
  503: 'Servicio no disponible',
};

function cuerpoProblema(
  status: number,
  codigo: CodigoProblema,
  detail: string,
  errores?: ErrorCampo[],
): Problema {
  return { status, title: TITULOS[status] ?? 'Error', detail, codigo, ...(errores ? { errores } : {}) };
}

/** Answers an `application/problem+json` error, typed for the client of `AppType`. */
export function problema<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  codigo: CodigoProblema,
  detail: string,
  errores?: ErrorCampo[],
) {
  return c.json(cuerpoProblema(status, codigo, detail, errores), status, {
    'Content-Type': 'application/problem+json; charset=UTF-8',
  });
}

/** A problem answer with status `S`, as the client of `AppType` sees it. */
export type RespuestaProblema<S extends ContentfulStatusCode> = ReturnType<typeof problema<S>>;

/** 422 VALIDACION with its `errores`. */
export function problemaValidacion(c: Context, errores: ErrorCampo[]) {
  return problema(c, 422, 'VALIDACION', 'Revise los campos indicados.', errores);
}

/** 429 DEMASIADAS_SOLICITUDES with `Retry-After` in seconds. */
export function problemaLimite(c: Context, reintentarEnS: number) {
  c.header('Retry-After', String(reintentarEnS));
  const minutos = Math.ceil(reintentarEnS / 60);
  return problema(
    c,
    429,
    'DEMASIADAS_SOLICITUDES',
    `Demasiados intentos. Vuelva a intentarlo en ${minutos === 1 ? '1 minuto' : `${minutos} minutos`}.`,
  );
}

/** Seconds a client should wait before retrying while the database is unreachable or takes no writes. */
export const REINTENTO_BASE_S = 5;
/** Seconds a client should wait before retrying while another connection holds the write lock. */
export const REINTENTO_BLOQUEO_S = 2;

/** 503 SERVICIO_NO_DISPONIBLE with `Retry-After`: the database cannot serve the request (`motivo`). */
export function problemaBaseNoDisponible(c: Context, motivo: MotivoFalla = 'no-responde') {
  const pasajero = motivo === 'ocupada' || motivo === 'no-responde';
  c.header('Retry-After', String(motivo === 'ocupada' ? REINTENTO_BLOQUEO_S : REINTENTO_BASE_S));
  return problema(
    c,
    503,
    'SERVICIO_NO_DISPONIBLE',
    `El servicio no está disponible en este momento porque ${DESCRIPCION_FALLA[motivo]}. Intente nuevamente ${pasajero ? 'en unos segundos' : 'más tarde'}.`,
  );
}

/** 503 SERVICIO_NO_DISPONIBLE with `Retry-After`: too many password checks in progress (a flood of logins). */
export function problemaServidorOcupado(c: Context, reintentarEnS: number) {
  c.header('Retry-After', String(reintentarEnS));
  return problema(
    c,
    503,
    'SERVICIO_NO_DISPONIBLE',
    'El servicio está atendiendo demasiadas solicitudes en este momento. Intente nuevamente en unos segundos.',
  );
}
