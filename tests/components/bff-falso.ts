// A fake of the BFF for the element tests: answers exactly as DESIGN.md §4 says (status,
// headers, problem+json bodies), keeps a little state, and records every request.
import type { SesionAbierta } from '../../contract/api.js';
import type { Usuario } from '../../contract/api.js';

export const CLAVE = 'Clave-Demo-2026';
export const CODIGO = 'ABCD2345';

export interface Llamada {
  metodo: string;
  origen: string;
  ruta: string;
  cuerpo: any;
  cabeceras: Headers;
  credenciales: RequestCredentials | undefined;
}

type Manejador = (ll: Llamada) => Response | Promise<Response>;

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

export function json(status: number, cuerpo: unknown, cabeceras: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(cuerpo), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...cabeceras },
  });
}

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

export class BffFalso {
  usuario = usuarioDemo();
  /** What GET /api/sesiones lists; DELETE /api/sesiones/otras leaves only the current one. */
  sesiones = sesionesDemo();
  llamadas: Llamada[] = [];
  /** Session by cookie (the default) — false makes every protected route answer 401. */
  autenticado = true;
  /** A token issued by POST /api/sesiones, accepted as Bearer. */
  tokenEmitido: string | null = null;
  /** Sensitive calls answer 403 REAUTENTICACION_REQUERIDA until the password is given again. */
  reautenticacionRequerida = false;
  /** Everything fails as a network error while true. */
  sinRed = false;
  private propios = new Map<string, Manejador[]>();
  private original = window.fetch;

  instalar(): this {
    window.fetch = (entrada: RequestInfo | URL, init?: RequestInit) => this.atender(entrada, init);
    return this;
  }

  desinstalar() {
    window.fetch = this.original;
  }

  /** Answers the next call to `clave` ("POST /api/correo/codigo") with `m` (once). */
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

  de(clave: string): Llamada[] {
    return this.llamadas.filter((ll) => `${ll.metodo} ${ll.ruta}` === clave);
  }

  private async atender(entrada: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(String(entrada));
    const ll: Llamada = {
      metodo: (init.method ?? 'GET').toUpperCase(),
      origen: url.origin,
      ruta: url.pathname,
      cuerpo: init.body ? JSON.parse(String(init.body)) : undefined,
      cabeceras: new Headers(init.headers),
      credenciales: init.credentials,
    };
    this.llamadas.push(ll);
    await Promise.resolve();
    if (this.sinRed) throw new TypeError('Failed to fetch');
    const clave = `${ll.metodo} ${ll.ruta}`;
    const propio = this.propios.get(clave)?.shift();
    if (propio) return propio(ll);
    return this.responder(ll, clave);
  }

  private autorizado(ll: Llamada): boolean {
    const bearer = ll.cabeceras.get('Authorization');
    if (bearer) return bearer === `Bearer ${this.tokenEmitido}`;
    return this.autenticado && ll.credenciales === 'include';
  }

  private responder(ll: Llamada, clave: string): Response {
    if (ll.ruta.startsWith('/api/catalogos/')) return this.catalogo(ll.ruta);
    if (clave === 'POST /api/sesiones') {
      if (ll.cuerpo.idUsuario !== 'tmacay' || ll.cuerpo.contrasena !== CLAVE) return problema(401, 'CREDENCIALES_INVALIDAS');
      this.tokenEmitido = 'token-de-prueba-' + this.llamadas.length;
      return json(201, { token: this.tokenEmitido, expiraEn: new Date(Date.now() + 8 * 3600_000).toISOString() });
    }
    if (!this.autorizado(ll)) return problema(401, 'NO_AUTENTICADO');
    if (clave === 'POST /api/sesiones/reautenticacion') {
      if (ll.cuerpo.contrasena !== CLAVE) {
        return problema(422, 'VALIDACION', { errores: [{ campo: 'contrasena', codigo: 'INCORRECTA', mensaje: 'Contraseña: no es correcta.' }] });
      }
      this.reautenticacionRequerida = false;
      return json(204, null);
    }
    if (this.reautenticacionRequerida && SENSIBLES.has(clave)) return problema(403, 'REAUTENTICACION_REQUERIDA');
    switch (clave) {
      case 'GET /api/usuario':
        return json(200, this.usuario, { ETag: `"${this.usuario.version}"` });
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
        return ll.cuerpo.contrasenaAnterior === CLAVE
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
    if (si !== `"${this.usuario.version}"`) return problema(412, 'VERSION_DESACTUALIZADA');
    const b = ll.cuerpo;
    if (!b.mantenerCorreo && b.codigoSeguridad?.toUpperCase() !== CODIGO) {
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
    return json(200, this.usuario, { ETag: `"${this.usuario.version}"` });
  }
}
