import type { Context } from 'hono';
import { pinoLogger } from 'hono-pino';
import { routePath } from 'hono/route';
import type { Registro } from '../registro.js';
import type { Entorno } from '../tipos.js';

/**
 * One log line per request (hono-pino): request id, method, client address (the trusted one of
 * `conexion`: the peer, or X-Forwarded-For behind PROXY_CONFIABLE), the matched route pattern (e.g.
 * `/correo/revertir/:token`: never the path, which may carry a one-time link, nor the query or
 * headers), status, duration in ms and, when authenticated, the user's id. Lines written during the
 * request through `c.var.logger` carry the request id and method too. After `conexion`, which sets
 * the request id.
 */
export function registrarSolicitudes(registro: Registro) {
  return pinoLogger<'logger'>({
    pino: registro,
    http: {
      // The id is bound once, in onReqBindings, for every line of the request: hono-pino must not
      // add its own (a counter) nor copy `requestId` again (no such context key).
      reqId: false,
      referRequestIdKey: 'sinIdDeHonoPino',
      onReqBindings: (c: Context<Entorno>) => ({ reqId: c.var.requestId, req: { method: c.req.method, ip: c.var.ipCliente } }),
      onResBindings: (c: Context<Entorno>) => ({
        ruta: routePath(c),
        res: { status: c.res.status },
        ...(c.var.sesion ? { idUsuario: c.var.sesion.idUsuario } : {}),
      }),
      onResLevel: (c) => (c.res.status >= 500 ? 'error' : 'info'),
      onResMessage: () => 'solicitud atendida',
    },
  });
}
