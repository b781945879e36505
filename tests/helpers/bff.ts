// Builds the real BFF on a fresh temp libSQL file (migrated, seeded) with an adjustable clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorCampo, Problema, Usuario } from '../../contract/index.js';
import { elegirMailer, listarBandeja, type Mailer, type MailerElegido } from '../../bff/mail/index.js';
import type { CorreoBandeja } from '../../contract/correo.js';
import { createApp } from '../../bff/app.js';
import { crearDespachador, type Despachador } from '../../bff/services/despachador.js';
import { leerConfig, type Config } from '../../bff/config.js';
import { abrirBaseDeDatos, type BaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';
import { CONTRASENA_DEMO, sembrarDemo, USUARIOS_DEMO } from '../../bff/db/semilla.js';
import { crearMetricas, type Metricas } from '../../bff/metricas.js';
import { crearRegistro, type Registro } from '../../bff/registro.js';
import { codigoEn } from '../../paquete/bff-real.js';

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

/** A logger (the BFF's, at `debug`) that keeps its JSON lines in memory for the test to read. */
export interface RegistroEnMemoria {
  registro: Registro;
  lineas(): Record<string, unknown>[];
  /** Every line as written, one per line: what an operator would read. */
  texto(): string;
}

export function registroEnMemoria(): RegistroEnMemoria {
  const escritas: string[] = [];
  return {
    registro: crearRegistro('debug', { write: (linea: string) => void escritas.push(linea) }),
    lineas: () => escritas.map((linea) => JSON.parse(linea) as Record<string, unknown>),
    texto: () => escritas.join(''),
  };
}

export interface EntornoDePrueba {
  app: ReturnType<typeof createApp>;
  /** What the app and its database logged. */
  registro: RegistroEnMemoria;
  db: BaseDeDatos;
  reloj: Reloj;
  config: Config;
  /** The counters of the app and the sender. */
  metricas: Metricas;
  /** The mailer the app uses (the one the configuration names unless `mailer` was given). */
  mailer: MailerElegido;
  /**
   * The notices' sender on the same database and mailer, not started: a test delivers the notices
   * its requests queued with `despachador.entregarPendientes()`, as the server's would within 1 s.
   */
  despachador: Despachador;
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
  const registro = registroEnMemoria();
  const db = await abrirBaseDeDatos(url, { tiempoLimiteMs: config.tiempoLimiteBaseMs, registro: registro.registro });
  await migrar(db);
  const reloj = opciones.reloj ?? new Reloj();
  if (opciones.sembrar ?? true) await sembrarDemo(db, reloj.ahora());
  const metricas = crearMetricas();
  const mailer = elegirMailer(opciones.mailer, config, db, reloj.ahora, registro.registro);
  const app = createApp({ db, mailer, reloj: reloj.ahora, config, registro: registro.registro, metricas });
  const despachador = crearDespachador({ db, mailer, reloj: reloj.ahora, secreto: config.secretoCodigos, registro: registro.registro, metricas });
  return {
    app,
    registro,
    db,
    reloj,
    config,
    metricas,
    mailer,
    despachador,
    carpeta,
    url,
    async cerrar() {
      db.close();
      await rm(carpeta, { recursive: true, force: true });
    },
  };
}

/** The dev outbox once the sender delivered every notice due (newest first), as the user would find it. */
export async function correosEntregados(e: EntornoDePrueba): Promise<CorreoBandeja[]> {
  await e.despachador.entregarPendientes();
  return listarBandeja(e.db);
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

/** A demo user as `GET /api/usuario` shows it right after the seed (bff/db/semilla.ts). */
export function usuarioDemo(idUsuario: string): Usuario {
  const u = USUARIOS_DEMO.find((demo) => demo.id_usuario === idUsuario);
  if (!u) throw new Error(`${idUsuario} no es un usuario de demostración`);
  return {
    idUsuario,
    documento: { tipo: u.documento_tipo, numero: u.documento_numero },
    nombre: u.nombre,
    nombreRegistrado: u.nombre,
    pais: u.pais,
    provincia: u.provincia,
    ciudad: u.ciudad,
    direccion: u.direccion,
    telefono1: u.telefono1,
    telefono2: u.telefono2,
    celular: { operadora: u.celular_operadora, numero: u.celular_numero },
    fax: u.fax,
    correo: u.correo,
    correoSenae: `${idUsuario}@correo.aduana.gob.ec`,
    version: 1,
  };
}

/** The update body that leaves tmacay's data as seeded (keeps the email). */
export function actualizacionTmacay(cambios: Record<string, unknown> = {}): Record<string, unknown> {
  return actualizacionDemo('tmacay', cambios);
}

/** The update body that leaves a demo user's data as seeded (keeps the email). */
export function actualizacionDemo(idUsuario: string, cambios: Record<string, unknown> = {}): Record<string, unknown> {
  const { nombre, pais, provincia, ciudad, direccion, telefono1, telefono2, celular, fax } = usuarioDemo(idUsuario);
  return { nombre, pais, provincia, ciudad, direccion, telefono1, telefono2, celular, fax, mantenerCorreo: true, ...cambios };
}

/** The whole body of a 422 VALIDACION with these field errors. */
export function problemaValidacion(errores: ErrorCampo[]): Problema {
  return { status: 422, title: 'Datos no válidos', detail: 'Revise los campos indicados.', codigo: 'VALIDACION', errores };
}

/** The `errores` of a 422 answer; any other status throws with the body. */
export async function erroresDe(r: Response): Promise<ErrorCampo[]> {
  if (r.status !== 422) throw new Error(`se esperaba 422: ${r.status} ${await r.text()}`);
  return ((await r.json()) as Problema).errores ?? [];
}

/** `[campo, codigo]` of each error of a 422 answer. */
export async function camposConError(r: Response): Promise<[string, string][]> {
  return (await erroresDe(r)).map((error) => [error.campo, error.codigo]);
}

/** Requests a security code for `correo` (202) and returns it as mailed to the dev outbox. */
export async function solicitarCodigo(e: Pick<EntornoDePrueba, 'app' | 'db'>, token: string, correo: string): Promise<string> {
  const r = await pedir(e.app, '/api/correo/codigo', { cuerpo: { correo }, token });
  if (r.status !== 202) throw new Error(`código para ${correo}: ${r.status} ${await r.text()}`);
  const mensaje = (await listarBandeja(e.db)).find((m) => m.para === correo);
  if (!mensaje) throw new Error(`no llegó el código a ${correo}`);
  return codigoEn(mensaje.texto);
}

/** The update body that changes a demo user's address to `correo` with `codigo`. */
export function cambioDeCorreo(idUsuario: string, correo: string, codigo: string, cambios: Record<string, unknown> = {}): Record<string, unknown> {
  return actualizacionDemo(idUsuario, { mantenerCorreo: false, correo, confirmacionCorreo: correo, codigoSeguridad: codigo, ...cambios });
}

/** Changes a demo user's address as the form does: a code to `correo`, then the PUT on the current version (200). */
export async function cambiarCorreo(e: Pick<EntornoDePrueba, 'app' | 'db'>, token: string, correo: string, idUsuario = 'tmacay'): Promise<void> {
  const codigo = await solicitarCodigo(e, token, correo);
  const r = await actualizarUsuario(e.app, token, cambioDeCorreo(idUsuario, correo, codigo), await versionActual(e.app, token));
  if (r.status !== 200) throw new Error(`cambio de correo a ${correo}: ${r.status} ${await r.text()}`);
}
