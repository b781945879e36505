// A fake of the BFF in the browser (`modificar-usuario-general/testing`), for the element's own tests
// and for hosts testing their pages: it replaces `window.fetch`, answers as the real BFF does
// (DESIGN.md §4: status, headers, problem+json bodies), keeps a little state and records every request.
import type { SesionAbierta, Usuario } from '../contract/api.js';
import { etiquetaVersion } from '../contract/http.js';

/**
 * The demo users' password, accepted by the fake's login, «Cambio de clave» and re-authentication.
 * The same as CONTRASENA_DEMO of the BFF's seed (bff/db/semilla.ts), written again because this file
 * runs in the browser and the seed imports the Node password hashing.
 */
export const CONTRASENA = 'Clave-Demo-2026';
/** The security code the fake accepts by default. */
export const CODIGO = 'ABCD2345';

/** How to start a fake BFF; every option has a default that works with the element as is. */
export interface OpcionesBffFalso {
  /** What `GET /api/usuario` answers, over `usuarioDemo()` (TITO MACAY, tmacay). Its `idUsuario` logs in. */
  usuario?: Partial<Usuario>;
  /**
   * Answer only requests to this origin (the element's `api-base`); any other request goes to the
   * network. Default: every request whose path starts with `/api/`, whatever its origin.
   */
  base?: string;
  /** The password that logs in and passes «Cambio de clave» and re-authentication (`CONTRASENA`). */
  contrasena?: string;
  /** The security code that `PUT /api/usuario` accepts for a new email (`CODIGO`). */
  codigo?: string;
  /** A host's Bearer token the fake accepts (the element's `token` property). */
  token?: string;
  /** False: no cookie session, so protected routes answer 401 (the element shows its own login). Default true. */
  autenticado?: boolean;
  /** Every answer waits this many milliseconds (a slow server). Default 0. */
  demoraMs?: number;
}

export interface Llamada {
  metodo: string;
  origen: string;
  ruta: string;
  cuerpo: any;
  cabeceras: Headers;
  credenciales: RequestCredentials | undefined;
}

/** Answers one request; `una()` and `retener()` take one. */
export type Manejador = (ll: Llamada) => Response | Promise<Response>;

/** The demo user `tmacay` as `GET /api/usuario` answers it. */
export function usuarioDemo(): Usuario {
  return {
    idUsuario: 'tmacay',
    documento: { tipo: 'RUC', numero: '0912345675001' },
    nombre: 'TITO MACAY',
    nombreRegistrado: 'TITO MACAY',
    pais: 'EC',
    provincia: '09',
    ciudad: '0901',
    direccion: 'Av. 9 de Octubre 100',
    telefono1: '042345678',
    telefono2: null,
    celular: { operadora: 'MOVISTAR', numero: '0991234567' },
    fax: null,
    correo: 'tito.macay@example.com',
    correoSenae: 'tmacay@correo.aduana.gob.ec',
    version: 1,
  };
}

/** A JSON answer (`204` has no body). */
export function json(status: number, cuerpo: unknown, cabeceras: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(cuerpo), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...cabeceras },
  });
}

/** A problem+json answer (RFC 9457) with `codigo`, as the BFF's errors; `extra` adds e.g. `errores`. */
export function problema(status: number, codigo: string, extra: Record<string, unknown> = {}, cabeceras: Record<string, string> = {}) {
  return new Response(JSON.stringify({ status, title: codigo, detail: `Detalle ${codigo}`, codigo, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...cabeceras },
  });
}

const PAISES = [
  { codigo: 'CO', nombre: 'Colombia' },
  { codigo: 'EC', nombre: 'Ecuador' },
  { codigo: 'US', nombre: 'Estados Unidos' },
];
const PROVINCIAS = [
  { codigo: '01', nombre: 'Azuay' },
  { codigo: '09', nombre: 'Guayas' },
  { codigo: '17', nombre: 'Pichincha' },
];
const CIUDADES: Record<string, { codigo: string; nombre: string }[]> = {
  '01': [{ codigo: '0101', nombre: 'Cuenca' }],
  '09': [
    { codigo: '0901', nombre: 'Guayaquil' },
    { codigo: '0907', nombre: 'Durán' },
  ],
  '17': [
    { codigo: '1701', nombre: 'Quito' },
    { codigo: '1703', nombre: 'Mejía' },
  ],
};
const OPERADORAS = [
  { codigo: 'CLARO', nombre: 'Claro' },
  { codigo: 'MOVISTAR', nombre: 'Movistar' },
  { codigo: 'CNT', nombre: 'CNT' },
  { codigo: 'TUENTI', nombre: 'Tuenti' },
  { codigo: 'OTROS', nombre: 'OTROS' },
];
const SENSIBLES = new Set(['POST /api/correo/codigo', 'POST /api/usuario/baja', 'DELETE /api/sesiones/otras']);

/** The open sessions of the demo user: this one (Chrome on Windows) and a phone. */
export function sesionesDemo(): SesionAbierta[] {
  return [
    { id: 's-1', dispositivo: 'Chrome 126 · Windows 10', ip: '127.0.0.1', iniciadaEn: '2026-11-28T10:00:00.000Z', ultimoUsoEn: '2026-11-28T10:20:00.000Z', actual: true },
    { id: 's-2', dispositivo: 'Safari 17.5 · iOS 17.5', ip: '190.152.10.20', iniciadaEn: '2026-11-27T08:00:00.000Z', ultimoUsoEn: '2026-11-27T09:30:00.000Z', actual: false },
  ];
}

/**
 * A fake BFF. `new BffFalso(opciones).instalar()` before mounting the element, `desinstalar()` after.
 * Requests are recorded in `llamadas` (read them with `de('PUT /api/usuario')`); `una()`,
 * `fallar()` and `retener()` change the next answer to one route; the fields below change its state.
 */
export class BffFalso {
  usuario: Usuario;
  /** What GET /api/sesiones lists; DELETE /api/sesiones/otras leaves only the current one. */
  sesiones = sesionesDemo();
  /** Every request answered so far, oldest first. */
  llamadas: Llamada[] = [];
  /** Session by cookie — false makes every protected route answer 401 (unless a valid Bearer token comes). */
  autenticado: boolean;
  /** A token issued by POST /api/sesiones, accepted as Bearer. */
  tokenEmitido: string | null = null;
  /** A host's token accepted as Bearer (option `token`). */
  tokenAnfitrion: string | null;
  /** Sensitive calls answer 403 REAUTENTICACION_REQUERIDA until the password is given again. */
  reautenticacionRequerida = false;
  /** Everything fails as a network error while true. */
  sinRed = false;
  /** Every answer waits this many milliseconds. */
  demoraMs: number;
  readonly base: string | null;
  readonly contrasena: string;
  readonly codigo: string;
  private propios = new Map<string, Manejador[]>();
  private original = window.fetch;

  constructor(opciones: OpcionesBffFalso = {}) {
    this.usuario = { ...usuarioDemo(), ...opciones.usuario };
    this.base = opciones.base ? new URL(opciones.base).origin : null;
    this.contrasena = opciones.contrasena ?? CONTRASENA;
    this.codigo = opciones.codigo ?? CODIGO;
    this.tokenAnfitrion = opciones.token ?? null;
    this.autenticado = opciones.autenticado ?? true;
    this.demoraMs = opciones.demoraMs ?? 0;
  }

  /** Replaces `window.fetch`: from now on the element's requests reach this fake. */
  instalar(): this {
    window.fetch = (entrada: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(entrada instanceof Request ? entrada.url : String(entrada), location.href);
      const mia = this.base ? url.origin === this.base : url.pathname.startsWith('/api/');
      return mia ? this.atender(url, entrada instanceof Request ? entrada : init) : this.original.call(window, entrada, init);
    };
    return this;
  }

  /** Gives `window.fetch` back. */
  desinstalar() {
    window.fetch = this.original;
  }

  /** Answers the next call to `clave` ("POST /api/correo/codigo") with `m` (once; calls queue). */
  una(clave: string, m: Manejador): this {
    const lista = this.propios.get(clave) ?? [];
    lista.push(m);
    this.propios.set(clave, lista);
    return this;
  }

  /** Holds the next answer to `clave` until the returned function gives it (a slow server). */
  retener(clave: string): (r: Response) => void {
    let responder!: (r: Response) => void;
    const respuesta = new Promise<Response>((r) => (responder = r));
    this.una(clave, () => respuesta);
    return (r) => responder(r);
  }

  /** The next call to `clave` answers the problem `codigo` with `status` (e.g. 503 SERVICIO_CORREO_NO_DISPONIBLE). */
  fallar(clave: string, status: number, codigo: string, extra: Record<string, unknown> = {}, cabeceras: Record<string, string> = {}): this {
    return this.una(clave, () => problema(status, codigo, extra, cabeceras));
  }

  /** The session ends: the cookie and every token stop working, so the next protected request answers 401. */
  expirarSesion(): this {
    this.autenticado = false;
    this.tokenEmitido = null;
    this.tokenAnfitrion = null;
    return this;
  }

  /** The calls received to `clave` ("PUT /api/usuario"), oldest first. */
  de(clave: string): Llamada[] {
    return this.llamadas.filter((ll) => `${ll.metodo} ${ll.ruta}` === clave);
  }

  private async atender(url: URL, init: RequestInit | Request = {}): Promise<Response> {
    const cuerpo = init instanceof Request ? await init.text() : init.body;
    const ll: Llamada = {
      metodo: (init.method ?? 'GET').toUpperCase(),
      origen: url.origin,
      ruta: url.pathname,
      cuerpo: cuerpo ? JSON.parse(String(cuerpo)) : undefined,
      cabeceras: new Headers(init.headers),
      credenciales: init.credentials,
    };
    this.llamadas.push(ll);
    // No delay: the answer still comes after the caller's current task, as a real one would.
    await (this.demoraMs > 0 ? new Promise((r) => setTimeout(r, this.demoraMs)) : Promise.resolve());
    if (this.sinRed) throw new TypeError('Failed to fetch');
    const clave = `${ll.metodo} ${ll.ruta}`;
    const propio = this.propios.get(clave)?.shift();
    if (propio) return propio(ll);
    return this.responder(ll, clave);
  }

  private autorizado(ll: Llamada): boolean {
    const bearer = ll.cabeceras.get('Authorization');
    if (bearer) return [this.tokenEmitido, this.tokenAnfitrion].some((t) => t !== null && bearer === `Bearer ${t}`);
    return this.autenticado && ll.credenciales === 'include';
  }

  private responder(ll: Llamada, clave: string): Response {
    if (ll.ruta.startsWith('/api/catalogos/')) return this.catalogo(ll.ruta);
    if (clave === 'POST /api/sesiones') {
      if (ll.cuerpo.idUsuario?.toLowerCase() !== this.usuario.idUsuario.toLowerCase() || ll.cuerpo.contrasena !== this.contrasena) return problema(401, 'CREDENCIALES_INVALIDAS');
      this.tokenEmitido = 'token-de-prueba-' + this.llamadas.length;
      return json(201, { token: this.tokenEmitido, expiraEn: new Date(Date.now() + 8 * 3600_000).toISOString() });
    }
    if (!this.autorizado(ll)) return problema(401, 'NO_AUTENTICADO');
    if (clave === 'POST /api/sesiones/reautenticacion') {
      if (ll.cuerpo.contrasena !== this.contrasena) {
        return problema(422, 'VALIDACION', { errores: [{ campo: 'contrasena', codigo: 'INCORRECTA', mensaje: 'Contraseña: no es correcta.' }] });
      }
      this.reautenticacionRequerida = false;
      return json(204, null);
    }
    if (this.reautenticacionRequerida && SENSIBLES.has(clave)) return problema(403, 'REAUTENTICACION_REQUERIDA');
    switch (clave) {
      case 'GET /api/usuario':
        return json(200, this.usuario, { ETag: etiquetaVersion(this.usuario.version) });
      case 'GET /api/usuario/actividad':
        return json(200, [
          { evento: 'DATOS_MODIFICADOS', campos: ['telefono1'], creadoEn: '2026-11-20T15:04:00.000Z', ip: '127.0.0.1', conteo: 1 },
          { evento: 'INICIO_SESION', campos: [], creadoEn: '2026-11-28T10:00:00.000Z', ip: '127.0.0.1', conteo: 1 },
        ]);
      case 'GET /api/sesiones':
        return json(200, this.sesiones);
      case 'DELETE /api/sesiones/otras': {
        const cerradas = this.sesiones.filter((s) => !s.actual).length;
        this.sesiones = this.sesiones.filter((s) => s.actual);
        return json(200, { cerradas });
      }
      case 'POST /api/usuario/clave/verificacion':
        return ll.cuerpo.contrasenaAnterior === this.contrasena
          ? json(204, null)
          : problema(422, 'VALIDACION', { errores: [{ campo: 'contrasenaAnterior', codigo: 'INCORRECTA', mensaje: 'Contraseña anterior: no es correcta.' }] });
      case 'POST /api/correo/disponibilidad':
        return json(200, { disponible: ll.cuerpo.correo !== 'ocupado@example.com' });
      case 'POST /api/correo/codigo':
        return json(202, {
          expiraEn: new Date(Date.now() + 15 * 60_000).toISOString(),
          reenviarDesde: new Date(Date.now() + 60_000).toISOString(),
        });
      case 'PUT /api/usuario':
        return this.actualizar(ll);
      case 'POST /api/usuario/baja':
        return json(202, { id: 'b-1', estado: 'REGISTRADA', creadaEn: new Date().toISOString() });
    }
    return problema(404, 'NO_ENCONTRADO');
  }

  private catalogo(ruta: string): Response {
    if (ruta === '/api/catalogos/paises') return json(200, PAISES, { ETag: '"p1"', 'Cache-Control': 'public, max-age=86400' });
    if (ruta === '/api/catalogos/provincias') return json(200, PROVINCIAS);
    if (ruta === '/api/catalogos/operadoras') return json(200, OPERADORAS);
    const m = /^\/api\/catalogos\/provincias\/(\d{2})\/ciudades$/.exec(ruta);
    const ciudades = m && CIUDADES[m[1]!];
    return ciudades ? json(200, ciudades) : problema(404, 'NO_ENCONTRADO');
  }

  private actualizar(ll: Llamada): Response {
    const si = ll.cabeceras.get('If-Match');
    if (!si) return problema(428, 'PRECONDICION_REQUERIDA');
    if (si !== etiquetaVersion(this.usuario.version)) return problema(412, 'VERSION_DESACTUALIZADA');
    const b = ll.cuerpo;
    if (!b.mantenerCorreo && b.codigoSeguridad?.toUpperCase() !== this.codigo) {
      return problema(422, 'VALIDACION', {
        errores: [{ campo: 'codigoSeguridad', codigo: 'INCORRECTO', mensaje: 'Código de seguridad: no es correcto. Le quedan 4 intentos.', intentosRestantes: 4 }],
      });
    }
    this.usuario = {
      ...this.usuario,
      nombre: b.nombre,
      pais: b.pais,
      provincia: b.provincia,
      ciudad: b.ciudad,
      direccion: b.direccion,
      telefono1: b.telefono1,
      telefono2: b.telefono2,
      celular: b.celular,
      fax: b.fax,
      correo: b.mantenerCorreo ? this.usuario.correo : b.correo.toLowerCase(),
      version: this.usuario.version + 1,
    };
    return json(200, this.usuario, { ETag: etiquetaVersion(this.usuario.version) });
  }
}
