// A local stand-in for the Resend API (POST /emails) on 127.0.0.1, so tests drive the real `resend`
// SDK through `baseUrl` / RESEND_BASE_URL. It records every request (as soon as it arrives) and
// answers as it is told, faults included: hang, reset, garbage.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Respuesta =
  | { tipo: 'ok' }
  | { tipo: 'limite'; retryAfter?: number | string }
  | { tipo: 'error'; estado?: number }
  | { tipo: 'lento'; ms: number }
  | { tipo: 'destinatario-invalido' }
  | { tipo: 'clave-invalida' }
  /** Never answers (until `cerrar`). */
  | { tipo: 'colgado' }
  /** Drops the connection without an answer (the client sees a reset). */
  | { tipo: 'reinicio' }
  /** 200 with a body that is not JSON (the message was taken). */
  | { tipo: 'basura' }
  /** 200 headers, then the connection is dropped mid-body (the message was taken). */
  | { tipo: 'corte-tras-200' }
  /** A 502 with an HTML page, as a proxy in front of the API would answer. */
  | { tipo: 'error-html' };

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
  /** The next requests get these answers, in order; after them, the standing answer (`ok`). */
  programar(...respuestas: Respuesta[]): void;
  /** The answer for every request once the programmed ones are used (`ok` at first). */
  fijar(respuesta: Respuesta): void;
  /** Resolves with the first request (already received or future) that `cumple`. */
  esperarSolicitud(cumple?: (s: SolicitudRegistrada) => boolean, plazoMs?: number): Promise<SolicitudRegistrada>;
  /** Emails taken (answered 200, garbage included), by idempotency key: what a recipient would get once each. */
  aceptados(): Map<string, SolicitudRegistrada>;
  /** Stops listening and drops open connections (hanging ones too): later requests are refused. */
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

/** Starts the fake on a free loopback port; `puerto` picks one (a restarted server reuses its URL). */
export async function iniciarResendFalso(puerto = 0): Promise<ResendFalso> {
  const solicitudes: SolicitudRegistrada[] = [];
  const cola: Respuesta[] = [];
  let fija: Respuesta = { tipo: 'ok' };
  const esperas: { cumple: (s: SolicitudRegistrada) => boolean; listo: (s: SolicitudRegistrada) => void }[] = [];
  // Resend answers a repeated Idempotency-Key with the first email's id.
  const idsPorClave = new Map<string, string>();
  const aceptados = new Map<string, SolicitudRegistrada>();

  const servidor = createServer(async (req, res) => {
    const cuerpo = await leerCuerpo(req);
    const headers: Record<string, string> = {};
    for (const [nombre, valor] of Object.entries(req.headers)) {
      if (typeof valor === 'string') headers[nombre] = valor;
    }
    const solicitud = { metodo: req.method ?? '', ruta: req.url ?? '', headers, cuerpo };
    solicitudes.push(solicitud);
    for (const espera of esperas.filter((e) => e.cumple(solicitud))) {
      esperas.splice(esperas.indexOf(espera), 1);
      espera.listo(solicitud);
    }
    if (req.method !== 'POST' || req.url !== '/emails') {
      json(res, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
      return;
    }
    const clave = headers['idempotency-key'];
    const aceptar = (): string => {
      const id = (clave && idsPorClave.get(clave)) || randomUUID();
      if (clave) {
        idsPorClave.set(clave, id);
        if (!aceptados.has(clave)) aceptados.set(clave, solicitud);
      }
      return id;
    };
    const respuesta = cola.shift() ?? fija;
    switch (respuesta.tipo) {
      case 'ok':
      case 'lento': {
        if (respuesta.tipo === 'lento') await new Promise((r) => setTimeout(r, respuesta.ms));
        if (res.destroyed) return;
        json(res, 200, { id: aceptar() });
        return;
      }
      case 'colgado':
        return;
      case 'reinicio':
        req.socket.destroy();
        return;
      case 'basura':
        aceptar();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html>ok</html>');
        return;
      case 'corte-tras-200':
        aceptar();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      case 'error-html':
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
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

  await new Promise<void>((resolver) => servidor.listen(puerto, '127.0.0.1', resolver));
  const { port } = servidor.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    solicitudes,
    programar: (...respuestas) => void cola.push(...respuestas),
    fijar: (respuesta) => void (fija = respuesta),
    esperarSolicitud: (cumple = () => true, plazoMs = 15_000) => {
      const ya = solicitudes.find(cumple);
      if (ya) return Promise.resolve(ya);
      return new Promise((listo, falla) => {
        const temporizador = setTimeout(() => falla(new Error(`el proveedor falso no recibió la solicitud esperada en ${plazoMs} ms`)), plazoMs);
        esperas.push({ cumple, listo: (s) => (clearTimeout(temporizador), listo(s)) });
      });
    },
    aceptados: () => aceptados,
    cerrar: () =>
      new Promise<void>((resolver) => {
        servidor.closeAllConnections();
        servidor.close(() => resolver());
      }),
  };
}
