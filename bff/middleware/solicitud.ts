import { randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Entorno, Quien } from '../tipos.js';

/** What `X-Request-Id` may hold (as hono/request-id accepts it). */
const ID_SOLICITUD = /^[\w=-]{1,255}$/;

/** The connection's peer when served by @hono/node-server; null in `app.request` tests. */
function direccionDelPar(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

function familia(ip: string): 'ipv4' | 'ipv6' {
  return isIP(ip) === 4 ? 'ipv4' : 'ipv6';
}

/** PROXY_CONFIABLE (addresses and CIDR ranges, validated by bff/config.ts) as a BlockList. */
function listaDeProxies(proxies: readonly string[]): BlockList {
  const lista = new BlockList();
  for (const entrada of proxies) {
    const [ip = '', prefijo] = entrada.split('/');
    if (prefijo === undefined) lista.addAddress(ip, familia(ip));
    else lista.addSubnet(ip, Number(prefijo), familia(ip));
  }
  return lista;
}

/**
 * The client behind a trusted proxy: `X-Forwarded-For` read from the right (each proxy appends the
 * address it received the request from), skipping trusted proxies; the first address that is not
 * one is the client. A malformed entry stops the walk: what lies left of it was written by whoever
 * sent the request, so the last trusted hop is reported instead.
 */
function clienteReenviado(cabecera: string | undefined, par: string, proxies: BlockList): string {
  let cliente = par;
  for (const entrada of (cabecera ?? '').split(',').map((parte) => parte.trim()).reverse()) {
    if (isIP(entrada) === 0) break;
    cliente = entrada;
    if (!proxies.check(entrada, familia(entrada))) break;
  }
  return cliente;
}

/**
 * Settles, once per request, who the client is and the request's id (DESIGN §5, PROXY_CONFIABLE):
 * the client's address is the connection's peer, or what `X-Forwarded-For` says only when that peer
 * is a trusted proxy; an incoming `X-Request-Id` is kept only from a trusted proxy, otherwise a new
 * one is generated. Both go to the audit rows, rate limits and logs; the id is echoed in the answer.
 */
export function conexion(proxyConfiable: readonly string[]): MiddlewareHandler<Entorno> {
  const proxies = proxyConfiable.length > 0 ? listaDeProxies(proxyConfiable) : null;
  return async (c, next) => {
    const par = direccionDelPar(c);
    const desdeProxy = par !== null && proxies !== null && proxies.check(par, familia(par));
    c.set('ipCliente', desdeProxy ? clienteReenviado(c.req.header('X-Forwarded-For'), par, proxies) : par);
    const recibido = desdeProxy ? c.req.header('X-Request-Id') : undefined;
    const id = recibido !== undefined && ID_SOLICITUD.test(recibido) ? recibido : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}

/** Who and where, for the audit log (set by `conexion`). */
export function origenDeSolicitud(c: Context<Entorno>): Quien {
  return {
    ip: c.var.ipCliente ?? null,
    agente: c.req.header('User-Agent') ?? null,
    idSolicitud: c.var.requestId ?? null,
  };
}
