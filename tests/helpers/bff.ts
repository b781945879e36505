// Builds the real BFF on a fresh temp libSQL file (migrated, seeded) with an adjustable clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mailer } from '../../bff/mail/index.js';
import { createApp } from '../../bff/app.js';
import { leerConfig, type Config } from '../../bff/config.js';
import { abrirBaseDeDatos, type BaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';
import { CONTRASENA_DEMO, sembrarDemo, USUARIOS_DEMO } from '../../bff/db/semilla.js';

export { CONTRASENA_DEMO };

/** A clock tests move by hand. Starts at 2026-03-02T15:00:00Z unless told otherwise. */
export class Reloj {
  private ms: number;
  constructor(inicio = '2026-03-02T15:00:00.000Z') {
    this.ms = Date.parse(inicio);
  }
  readonly ahora = (): Date => new Date(this.ms);
  avanzar(ms: number): void {
    this.ms += ms;
  }
  fijar(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export const MINUTO = 60_000;
export const ORIGEN_BFF = 'http://127.0.0.1:8787';
export const ORIGEN_TERCERO = 'http://localhost:8788';

export interface EntornoDePrueba {
  app: ReturnType<typeof createApp>;
  db: BaseDeDatos;
  reloj: Reloj;
  config: Config;
  carpeta: string;
  url: string;
  /** Closes the database and deletes the temp folder. */
  cerrar(): Promise<void>;
}

export interface OpcionesEntorno {
  /** Seed the demo users (default true). */
  sembrar?: boolean;
  /** Extra environment variables for `leerConfig`. */
  entorno?: Record<string, string>;
  mailer?: Mailer;
  reloj?: Reloj;
}

/** A temp folder with a new libSQL file URL in it. */
export async function baseTemporal(): Promise<{ carpeta: string; url: string }> {
  const carpeta = await mkdtemp(join(tmpdir(), 'mug-bff-'));
  return { carpeta, url: `file:${join(carpeta, 'prueba.db')}` };
}

export async function crearEntorno(opciones: OpcionesEntorno = {}): Promise<EntornoDePrueba> {
  const { carpeta, url } = await baseTemporal();
  const { config } = leerConfig({ DATABASE_URL: url, SECRETO_CODIGOS: 's'.repeat(32), ...opciones.entorno });
  const db = await abrirBaseDeDatos(url, { tiempoLimiteMs: config.tiempoLimiteBaseMs });
  await migrar(db);
  const reloj = opciones.reloj ?? new Reloj();
  if (opciones.sembrar ?? true) await sembrarDemo(db, reloj.ahora());
  const app = createApp({ db, mailer: opciones.mailer ?? null, reloj: reloj.ahora, config });
  return {
    app,
    db,
    reloj,
    config,
    carpeta,
    url,
    async cerrar() {
      db.close();
      await rm(carpeta, { recursive: true, force: true });
    },
  };
}

export interface Pedido {
  metodo?: string;
  cuerpo?: unknown;
  token?: string;
  cookie?: string;
  cabeceras?: Record<string, string>;
  /** The client's address, as @hono/node-server would see it on the socket (none by default). */
  ip?: string;
}

/** The bindings @hono/node-server gives a request from `ip` (what `getConnInfo` reads). */
function desde(ip: string) {
  return { incoming: { socket: { remoteAddress: ip, remotePort: 40000, remoteFamily: ip.includes(':') ? 'IPv6' : 'IPv4' } } };
}

/** Sends a request to the app: JSON body, Bearer token or cookie, extra headers, client address. */
export function pedir(app: EntornoDePrueba['app'], ruta: string, pedido: Pedido = {}): Promise<Response> {
  const cabeceras: Record<string, string> = { ...pedido.cabeceras };
  if (pedido.cuerpo !== undefined) cabeceras['Content-Type'] ??= 'application/json';
  if (pedido.token) cabeceras.Authorization = `Bearer ${pedido.token}`;
  if (pedido.cookie) cabeceras.Cookie = `mug_sesion=${pedido.cookie}`;
  return Promise.resolve(
    app.request(`${ORIGEN_BFF}${ruta}`, {
      method: pedido.metodo ?? (pedido.cuerpo === undefined ? 'GET' : 'POST'),
      headers: cabeceras,
      ...(pedido.cuerpo === undefined
        ? {}
        : { body: typeof pedido.cuerpo === 'string' ? pedido.cuerpo : JSON.stringify(pedido.cuerpo) }),
    }, pedido.ip === undefined ? undefined : desde(pedido.ip)),
  );
}

/** POST /api/sesiones with these credentials (and extra headers); the raw response. */
export function pedirSesion(
  app: EntornoDePrueba['app'],
  idUsuario = 'tmacay',
  contrasena = CONTRASENA_DEMO,
  cabeceras: Record<string, string> = {},
): Promise<Response> {
  return pedir(app, '/api/sesiones', { cuerpo: { idUsuario, contrasena }, cabeceras });
}

/** Logs a demo user in and returns the session token. */
export async function iniciarSesion(
  app: EntornoDePrueba['app'],
  idUsuario = 'tmacay',
  contrasena = CONTRASENA_DEMO,
): Promise<string> {
  const respuesta = await pedirSesion(app, idUsuario, contrasena);
  if (respuesta.status !== 201) throw new Error(`login de ${idUsuario}: ${respuesta.status} ${await respuesta.text()}`);
  const { token } = (await respuesta.json()) as { token: string };
  return token;
}

/** PUT /api/usuario with `If-Match: ifMatch` (none when null). */
export function actualizarUsuario(
  app: EntornoDePrueba['app'],
  token: string,
  cuerpo: unknown,
  ifMatch: string | null = '"1"',
): Promise<Response> {
  return pedir(app, '/api/usuario', { metodo: 'PUT', cuerpo, token, cabeceras: ifMatch === null ? {} : { 'If-Match': ifMatch } });
}

/** The ETag of the signed-in user as the server has it now. */
export async function versionActual(app: EntornoDePrueba['app'], token: string): Promise<string> {
  const etag = (await pedir(app, '/api/usuario', { token })).headers.get('ETag');
  if (etag === null) throw new Error('GET /api/usuario no devolvió ETag');
  return etag;
}

/** The update body that leaves tmacay's data as seeded (keeps the email). */
export function actualizacionTmacay(cambios: Record<string, unknown> = {}): Record<string, unknown> {
  return actualizacionDemo('tmacay', cambios);
}

/** The update body that leaves a demo user's data as seeded (keeps the email). */
export function actualizacionDemo(idUsuario: string, cambios: Record<string, unknown> = {}): Record<string, unknown> {
  const t = USUARIOS_DEMO.find((u) => u.id_usuario === idUsuario)!;
  return {
    nombre: t.nombre,
    pais: t.pais,
    provincia: t.provincia,
    ciudad: t.ciudad,
    direccion: t.direccion,
    telefono1: t.telefono1,
    telefono2: t.telefono2,
    celular: { operadora: t.celular_operadora, numero: t.celular_numero },
    fax: t.fax,
    mantenerCorreo: true,
    ...cambios,
  };
}
