import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The client's address when served by @hono/node-server; null in `app.request` tests. */
function ipDe(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** Who and where, for the audit log. */
export function origenDeSolicitud(c: Context): { ip: string | null; agente: string | null; idSolicitud: string | null } {
  return {
    ip: ipDe(c),
    agente: c.req.header('User-Agent') ?? null,
    idSolicitud: (c.get('requestId') as string | undefined) ?? null,
  };
}
