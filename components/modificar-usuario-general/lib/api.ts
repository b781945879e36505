import type { ErrorCampo } from '../../../contract/api.js';
import type { CodigoProblema } from '../../../contract/codigos.js';
import { CABECERA_TOKEN_SESION } from '../../../contract/http.js';

/**
 * The `codigo` of a failed answer: the contract's, or `HTTP_<status>` when the body had none (a
 * proxy's error page). Like the field codes of `errores`, it is taken as sent: a code a newer
 * server adds is worded by the texts' own fallback (mensajes.ts, textos-error.ts).
 */
export type CodigoRespuesta = CodigoProblema | `HTTP_${number}`;

/** An RFC 9457 problem answered by the BFF (DESIGN.md §4). */
export class ProblemaHttp extends Error {
  constructor(
    readonly status: number,
    readonly codigo: CodigoRespuesta,
    readonly detalle: string,
    readonly errores: ErrorCampo[],
    /** Seconds from `Retry-After`, when the server sent it. */
    readonly reintentarEn: number | null,
    /** The whole problem body, for extensions such as `intentosRestantes`. */
    readonly cuerpo: Record<string, unknown> = {},
  ) {
    super(`${status} ${codigo}`);
  }
}

/** The request never got an answer (offline, DNS, CORS refused, server down). */
export class ErrorRed extends Error {}

export interface Respuesta<T> {
  datos: T;
  etag: string | null;
}

export interface OpcionesCliente {
  base(): string;
  token(): string | undefined;
  /** Asks the user for the password; resolves true when the proof was renewed. */
  reautenticar(): Promise<boolean>;
  /** Called before a 401 is thrown, so the element can show its login or tell the host. */
  alNoAutenticado(): void;
  /** Every answer of a route under the session renews its 30-minute idle window (catalogs do not). */
  alResponder(): void;
  /**
   * After a password change the BFF ends every session and sends the new token of this one in
   * `X-Token-Sesion`; called with it when the request went with a Bearer token.
   */
  alRenovarToken(token: string): void;
}

/** Small fetch wrapper: JSON in and out, problem+json parsing, 403 re-authentication retry. */
export class ClienteApi {
  constructor(private readonly opciones: OpcionesCliente) {}

  /** `signal`: aborts the request (a `@lit/task` run superseded by a newer one). */
  get<T>(ruta: string, signal?: AbortSignal): Promise<Respuesta<T>> {
    return this.solicitar<T>('GET', ruta, undefined, {}, signal);
  }

  post<T>(ruta: string, cuerpo: unknown, cabeceras: Record<string, string> = {}): Promise<Respuesta<T>> {
    return this.solicitar<T>('POST', ruta, cuerpo, cabeceras);
  }

  put<T>(ruta: string, cuerpo: unknown, cabeceras: Record<string, string> = {}): Promise<Respuesta<T>> {
    return this.solicitar<T>('PUT', ruta, cuerpo, cabeceras);
  }

  async solicitar<T>(
    metodo: string,
    ruta: string,
    cuerpo?: unknown,
    cabeceras: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<Respuesta<T>> {
    for (;;) {
      try {
        return await this.una<T>(metodo, ruta, cuerpo, cabeceras, signal);
      } catch (e) {
        // A stale password proof: ask for the password in a dialog (the form keeps its
        // values, it is never re-rendered from the server) and repeat the same call.
        if (e instanceof ProblemaHttp && e.status === 403 && e.codigo === 'REAUTENTICACION_REQUERIDA') {
          if (await this.opciones.reautenticar()) continue;
        }
        throw e;
      }
    }
  }

  private async una<T>(metodo: string, ruta: string, cuerpo: unknown, extra: Record<string, string>, signal?: AbortSignal): Promise<Respuesta<T>> {
    const cabeceras: Record<string, string> = { Accept: 'application/json', ...extra };
    if (cuerpo !== undefined) cabeceras['Content-Type'] = 'application/json';
    const token = this.opciones.token();
    if (token) cabeceras['Authorization'] = `Bearer ${token}`;
    const login = metodo === 'POST' && ruta === '/api/sesiones';
    let respuesta: Response;
    try {
      respuesta = await fetch(new URL(ruta, this.opciones.base()), {
        method: metodo,
        headers: cabeceras,
        body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
        // Without a bearer token the session travels in the BFF's HttpOnly cookie. The built-in
        // login keeps its token in memory only, so its answer must not leave a cookie behind.
        credentials: token || login ? 'omit' : 'include',
        cache: 'no-store',
        signal,
      });
    } catch (e) {
      // Aborted on purpose: no failure to show (the newer request is the one that counts).
      if (signal?.aborted) throw e;
      throw new ErrorRed('red');
    }
    if (respuesta.ok) {
      const renovado = respuesta.headers.get(CABECERA_TOKEN_SESION);
      if (token && renovado) this.opciones.alRenovarToken(renovado);
      // The catalogs are public: answering them does not touch the session's idle clock.
      if (!ruta.startsWith('/api/catalogos/')) this.opciones.alResponder();
      const texto = respuesta.status === 204 ? '' : await respuesta.text();
      return {
        datos: (texto ? JSON.parse(texto) : undefined) as T,
        etag: respuesta.headers.get('ETag'),
      };
    }
    const problema = await leerProblema(respuesta);
    // A 401 to the login itself is a wrong password; anywhere else (re-authentication included,
    // whose wrong password is a 422) the session has ended.
    if (problema.status === 401 && !login) {
      this.opciones.alNoAutenticado();
    }
    throw problema;
  }
}

async function leerProblema(respuesta: Response): Promise<ProblemaHttp> {
  let cuerpo: Record<string, unknown> = {};
  try {
    const leido: unknown = await respuesta.json();
    if (leido && typeof leido === 'object') cuerpo = leido as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: keep the status, no details.
  }
  const errores = Array.isArray(cuerpo['errores'])
    ? (cuerpo['errores'] as unknown[]).filter(esErrorCampo)
    : [];
  const retry = Number(respuesta.headers.get('Retry-After'));
  return new ProblemaHttp(
    respuesta.status,
    typeof cuerpo['codigo'] === 'string' ? (cuerpo['codigo'] as CodigoProblema) : `HTTP_${respuesta.status}`,
    typeof cuerpo['detail'] === 'string' ? cuerpo['detail'] : '',
    errores,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    cuerpo,
  );
}

function esErrorCampo(x: unknown): x is ErrorCampo {
  return !!x && typeof x === 'object' && typeof (x as ErrorCampo).campo === 'string' && typeof (x as ErrorCampo).codigo === 'string';
}
