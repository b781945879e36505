// A local stand-in for the Resend API (POST /emails) on 127.0.0.1, so tests drive the real `resend`
// SDK through `baseUrl` / RESEND_BASE_URL. It records every request and answers as it is told.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Respuesta =
  | { tipo: 'ok' }
  | { tipo: 'limite'; retryAfter?: number | string }
  | { tipo: 'error'; estado?: number }
  | { tipo: 'lento'; ms: number }
  | { tipo: 'destinatario-invalido' }
  | { tipo: 'clave-invalida' };

export interface SolicitudRegistrada {
  metodo: string;
  ruta: string;
  /** Lower-case header names, as node:http gives them. */
  headers: Record<string, string>;
  cuerpo: unknown;
}

export interface ResendFalso {
  /** Base URL to give the SDK, e.g. http://127.0.0.1:54321 */
  url: string;
  solicitudes: SolicitudRegistrada[];
  /** The next requests get these answers, in order; after them, `ok`. */
  programar(...respuestas: Respuesta[]): void;
  /** Stops listening and drops open connections: later requests are refused. */
  cerrar(): Promise<void>;
}

function json(res: ServerResponse, estado: number, cuerpo: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(estado, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(cuerpo));
}

async function leerCuerpo(req: IncomingMessage): Promise<unknown> {
  const partes: Buffer[] = [];
  for await (const parte of req) partes.push(parte as Buffer);
  const texto = Buffer.concat(partes).toString('utf8');
  try {
    return JSON.parse(texto);
  } catch {
    return texto;
  }
}

export async function iniciarResendFalso(): Promise<ResendFalso> {
  const solicitudes: SolicitudRegistrada[] = [];
  const cola: Respuesta[] = [];
  // Resend answers a repeated Idempotency-Key with the first email's id.
  const idsPorClave = new Map<string, string>();

  const servidor = createServer(async (req, res) => {
    const cuerpo = await leerCuerpo(req);
    const headers: Record<string, string> = {};
    for (const [nombre, valor] of Object.entries(req.headers)) {
      if (typeof valor === 'string') headers[nombre] = valor;
    }
    solicitudes.push({ metodo: req.method ?? '', ruta: req.url ?? '', headers, cuerpo });
    if (req.method !== 'POST' || req.url !== '/emails') {
      json(res, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
      return;
    }
    const respuesta = cola.shift() ?? { tipo: 'ok' };
    switch (respuesta.tipo) {
      case 'ok':
      case 'lento': {
        if (respuesta.tipo === 'lento') await new Promise((r) => setTimeout(r, respuesta.ms));
        if (res.destroyed) return;
        const clave = headers['idempotency-key'];
        const id = (clave && idsPorClave.get(clave)) || randomUUID();
        if (clave) idsPorClave.set(clave, id);
        json(res, 200, { id });
        return;
      }
      case 'limite':
        json(
          res,
          429,
          { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests. You can only make 2 requests per second.' },
          respuesta.retryAfter === undefined ? {} : { 'retry-after': String(respuesta.retryAfter) },
        );
        return;
      case 'error':
        json(res, respuesta.estado ?? 500, {
          statusCode: respuesta.estado ?? 500,
          name: 'internal_server_error',
          message: 'An unexpected error occurred.',
        });
        return;
      case 'destinatario-invalido':
        json(res, 422, {
          statusCode: 422,
          name: 'validation_error',
          message: 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
        });
        return;
      case 'clave-invalida':
        json(res, 403, { statusCode: 403, name: 'invalid_api_key', message: 'API key is invalid' });
        return;
    }
  });

  await new Promise<void>((resolver) => servidor.listen(0, '127.0.0.1', resolver));
  const { port } = servidor.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    solicitudes,
    programar: (...respuestas) => void cola.push(...respuestas),
    cerrar: () =>
      new Promise<void>((resolver) => {
        servidor.closeAllConnections();
        servidor.close(() => resolver());
      }),
  };
}
