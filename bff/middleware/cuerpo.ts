import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problema, type RespuestaProblema } from '../problemas.js';
import type { Entorno } from '../tipos.js';

/** Largest request body accepted (DESIGN §4). */
const LIMITE_CUERPO = 16 * 1024;

const CON_CUERPO = new Set(['POST', 'PUT', 'PATCH']);

const limite = bodyLimit({
  maxSize: LIMITE_CUERPO,
  onError: (c) =>
    problema(c, 413, 'CUERPO_DEMASIADO_GRANDE', 'El contenido de la solicitud supera el máximo de 16 KiB.'),
});

/** Methods whose requests never carry a body (a fetch `Request` refuses one; @hono/node-server gives them none). */
const SIN_CUERPO = new Set(['GET', 'HEAD']);

/**
 * 413 CUERPO_DEMASIADO_GRANDE above 16 KiB, whatever the Content-Length says. GET and HEAD skip it:
 * `bodyLimit` reads `c.req.raw.body`, which makes @hono/node-server build a whole fetch `Request`
 * (with its AbortController) that these requests never need.
 */
export const limitarCuerpo: MiddlewareHandler<Entorno> = (c, next) => (SIN_CUERPO.has(c.req.method) ? next() : limite(c, next));

/**
 * POST/PUT/PATCH bodies must be JSON: another media type → 415 TIPO_CONTENIDO, unparsable JSON →
 * 400 JSON_INVALIDO; null when it is JSON. The parse is kept by the request (`c.req.json()` reads
 * it again without failing), so `cuerpoValido` (bff/validacion.ts) and handlers can read it.
 */
export async function problemaDeCuerpoJson(c: Context): Promise<RespuestaProblema<400 | 415> | null> {
  if (!CON_CUERPO.has(c.req.method)) return null;
  const tipo = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^application\/([\w.-]+\+)?json$/.test(tipo)) {
    return problema(c, 415, 'TIPO_CONTENIDO', 'El contenido debe enviarse como JSON (Content-Type: application/json).');
  }
  try {
    await c.req.json();
  } catch {
    return problema(c, 400, 'JSON_INVALIDO', 'El contenido de la solicitud no es un JSON válido.');
  }
  return null;
}

/** `problemaDeCuerpoJson` as a middleware, for a route that reads its body before validating it. */
export const leerCuerpoJson: MiddlewareHandler<Entorno> = async (c, next) => (await problemaDeCuerpoJson(c)) ?? next();
