import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { CABECERA_TOKEN_SESION } from '../../contract/index.js';
import type { Entorno } from '../tipos.js';

/**
 * CORS only for ORIGENES_PERMITIDOS (DESIGN §4): an allowed `Origin` gets
 * `Access-Control-Allow-Origin` with credentials, the methods and headers the element uses and
 * the headers it reads; any other origin (or none) gets no `Access-Control-*` header at all, and
 * its preflight a bare 204 the browser refuses. Every answer varies by `Origin`.
 */
export function corsPermitido(permitidos: readonly string[]): MiddlewareHandler<Entorno> {
  const lista = new Set(permitidos);
  const conceder = cors({
    origin: (origen) => origen,
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'Location', CABECERA_TOKEN_SESION],
    maxAge: 600,
  });
  return async (c, next) => {
    const origen = c.req.header('Origin');
    if (origen !== undefined && lista.has(origen)) return conceder(c, next);
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      return c.body(null, 204, { Vary: 'Origin' });
    }
    await next();
    const vary = c.res.headers.get('Vary');
    if (!vary?.split(',').some((valor) => valor.trim().toLowerCase() === 'origin')) {
      c.res.headers.set('Vary', vary ? `${vary}, Origin` : 'Origin');
    }
  };
}
