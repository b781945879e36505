import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { problema } from '../problemas.js';
import { tokenDe } from './sesion.js';
import type { Entorno } from '../tipos.js';

const ESCRITURAS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for writes that a browser could send with the session cookie: the `Origin` must be
 * the BFF's own (ORIGEN_PUBLICO, never derived from the request's `Host`) or one of ORIGENES_PERMITIDOS. Without `Origin`, `Sec-Fetch-Site` must not say
 * the request came from another site. Bearer-authenticated requests are exempt (a foreign page
 * cannot add that header without a CORS preflight, which only allowed origins pass).
 */
export function verificarOrigen(config: Pick<Config, 'origenPublico' | 'origenesPermitidos'>): MiddlewareHandler<Entorno> {
  const lista = new Set([config.origenPublico, ...config.origenesPermitidos]);
  return async (c, next) => {
    // Exempt only when the credential actually used is the Bearer token (a malformed one falls back to the cookie).
    if (!ESCRITURAS.has(c.req.method) || tokenDe(c, config)?.porCookie === false) return next();
    const origen = c.req.header('Origin');
    const sitio = c.req.header('Sec-Fetch-Site');
    // `Origin: null` (sandboxed page, opaque origin) matches neither the BFF's origin nor the list.
    const permitido =
      origen !== undefined
        ? lista.has(origen)
        : sitio !== 'cross-site' && sitio !== 'same-site';
    if (!permitido) {
      return problema(c, 403, 'ORIGEN_NO_PERMITIDO', 'La solicitud proviene de un sitio no autorizado.');
    }
    await next();
  };
}
