import type { MiddlewareHandler } from 'hono';
import { problema } from '../problemas.js';
import type { Entorno } from '../tipos.js';

const ESCRITURAS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for writes that a browser could send with the session cookie: the `Origin` must be
 * the BFF's own or one of ORIGENES_PERMITIDOS. Without `Origin`, `Sec-Fetch-Site` must not say
 * the request came from another site. Bearer-authenticated requests are exempt (a foreign page
 * cannot add that header without a CORS preflight, which only allowed origins pass).
 */
export function verificarOrigen(permitidos: readonly string[]): MiddlewareHandler<Entorno> {
  const lista = new Set(permitidos);
  return async (c, next) => {
    if (!ESCRITURAS.has(c.req.method) || /^Bearer\s/i.test(c.req.header('Authorization') ?? '')) return next();
    const origen = c.req.header('Origin');
    const propio = new URL(c.req.url).origin;
    const sitio = c.req.header('Sec-Fetch-Site');
    const permitido =
      origen !== undefined && origen !== 'null'
        ? origen === propio || lista.has(origen)
        : sitio !== 'cross-site' && sitio !== 'same-site' && origen !== 'null';
    if (!permitido) {
      return problema(c, 403, 'ORIGEN_NO_PERMITIDO', 'La solicitud proviene de un sitio no autorizado.');
    }
    await next();
  };
}
