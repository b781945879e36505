// The real server (bff/server.ts) as a child process on free loopback ports, with a temp libSQL
// file, the demo users and a fixed code secret; for the end-to-end tests and the screenshots.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorreoBandeja } from '../../bff/mail/bandeja.js';

export const RAIZ = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CONTRASENA_DEMO = 'Clave-Demo-2026';
const ESPERA_ARRANQUE_MS = 30_000;
const ESPERA_CIERRE_MS = 5_000;

export interface ServidorE2e {
  /** The portal and the BFF, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The third-party page, on `localhost` (another origin). */
  urlTercero: string;
  puerto: number;
  puertoTercero: number;
  /** Everything the server printed so far (for failure messages). */
  salida(): string;
  cerrar(): Promise<void>;
}

/** A port the OS says is free right now on 127.0.0.1. */
export function puertoLibre(): Promise<number> {
  return new Promise((resolver, rechazar) => {
    const s = createServer();
    s.unref();
    s.on('error', rechazar);
    s.listen(0, '127.0.0.1', () => {
      const direccion = s.address();
      const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
      s.close(() => resolver(puerto));
    });
  });
}

function terminado(hijo: ChildProcess): Promise<void> {
  if (hijo.exitCode !== null || hijo.signalCode !== null) return Promise.resolve();
  return new Promise((resolver) => hijo.once('exit', () => resolver()));
}

/**
 * Waits until the child says both servers listen (their listen callbacks print the addresses: a
 * port taken by someone else never gets there) and, with `salud`, /api/salud answers 200.
 */
async function esperarSalud(url: string, hijo: ChildProcess, salida: () => string, escuchando: RegExp[], salud: boolean): Promise<void> {
  const limite = Date.now() + ESPERA_ARRANQUE_MS;
  let ultimo = 'sin escuchar aún';
  while (Date.now() < limite) {
    if (hijo.exitCode !== null) throw new Error(`el servidor terminó con código ${hijo.exitCode}:\n${salida()}`);
    if (!escuchando.every((r) => r.test(salida()))) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    if (!salud) return;
    try {
      const r = await fetch(`${url}/api/salud`);
      if (r.status === 200) return;
      ultimo = `HTTP ${r.status}`;
    } catch (error) {
      ultimo = String(error);
    }
    // Polling the health endpoint: the condition is "answers 200", checked every 100 ms.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`el servidor no respondió /api/salud en ${ESPERA_ARRANQUE_MS} ms (${ultimo}):\n${salida()}`);
}

export interface OpcionesArranque {
  /** Wait for /api/salud to answer 200 (default), or only for both servers to listen. */
  esperarSalud?: boolean;
  /** A command the server runs under, e.g. `['prlimit', '--fsize=…', '--']`. */
  envoltorio?: string[];
}

/**
 * Starts `node --import tsx bff/server.ts` with PORT/PORT_TERCERO free, HOST=127.0.0.1, a temp
 * DATABASE_URL, SEED_DEMO=1, a fixed SECRETO_CODIGOS and ORIGENES_PERMITIDOS for the chosen
 * third-party port; resolves once /api/salud answers 200. `entorno` adds or overrides variables.
 */
export async function arrancarServidor(entorno: Record<string, string> = {}, opciones: OpcionesArranque = {}): Promise<ServidorE2e> {
  // A port found free can be taken by another process before the server binds it: try again.
  for (let intento = 1; ; intento++) {
    try {
      return await arrancarUnaVez(entorno, opciones);
    } catch (error) {
      if (intento >= 3 || !/el puerto está en uso/.test(String(error))) throw error;
    }
  }
}

async function arrancarUnaVez(entorno: Record<string, string>, { esperarSalud: salud = true, envoltorio = [] }: OpcionesArranque): Promise<ServidorE2e> {
  const carpeta = await mkdtemp(join(tmpdir(), 'mug-e2e-'));
  const puerto = await puertoLibre();
  let puertoTercero = await puertoLibre();
  while (puertoTercero === puerto) puertoTercero = await puertoLibre();
  const url = `http://127.0.0.1:${puerto}`;
  const base: Record<string, string | undefined> = { ...process.env };
  for (const nombre of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'DATABASE_AUTH_TOKEN', 'CORREO_REMITENTE']) delete base[nombre];
  const [programa, ...argumentos] = [...envoltorio, process.execPath, '--import', 'tsx', 'bff/server.ts'];
  const hijo = spawn(programa!, argumentos, {
    cwd: RAIZ,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...base,
      NODE_ENV: 'test',
      PORT: String(puerto),
      PORT_TERCERO: String(puertoTercero),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(carpeta, 'e2e.db')}`,
      SEED_DEMO: '1',
      SECRETO_CODIGOS: 'e2e-secreto-fijo-de-los-codigos-0123456789',
      ORIGENES_PERMITIDOS: `http://localhost:${puertoTercero},http://127.0.0.1:${puertoTercero}`,
      ...entorno,
    },
  });
  let texto = '';
  hijo.stdout?.on('data', (d: Buffer) => (texto += d.toString()));
  hijo.stderr?.on('data', (d: Buffer) => (texto += d.toString()));
  const salida = () => texto;
  const cerrar = async () => {
    if (hijo.exitCode === null && hijo.signalCode === null) {
      const fin = terminado(hijo);
      hijo.kill('SIGTERM');
      const forzar = setTimeout(() => hijo.kill('SIGKILL'), ESPERA_CIERRE_MS);
      await fin;
      clearTimeout(forzar);
    }
    await rm(carpeta, { recursive: true, force: true });
  };
  try {
    await esperarSalud(url, hijo, salida, [
      new RegExp(`${url.replaceAll('.', '\\.')}/`),
      new RegExp(`localhost:${puertoTercero}/`),
    ], salud);
  } catch (error) {
    await cerrar();
    throw error;
  }
  return { url, urlTercero: `http://localhost:${puertoTercero}`, puerto, puertoTercero, salida, cerrar };
}

/** A mail of the dev outbox (GET /api/dev/correos, newest first). */
export type CorreoDev = CorreoBandeja;

export async function leerCorreos(servidor: ServidorE2e): Promise<CorreoDev[]> {
  const r = await fetch(`${servidor.url}/api/dev/correos`);
  if (r.status !== 200) throw new Error(`GET /api/dev/correos respondió ${r.status}: ${await r.text()}`);
  return (await r.json()) as CorreoDev[];
}

/** The newest mail to `para` whose subject contains `asunto`, or undefined. */
export async function ultimoCorreo(servidor: ServidorE2e, para: string, asunto: string): Promise<CorreoDev | undefined> {
  const correos = await leerCorreos(servidor);
  return correos.find((c) => c.para.toLowerCase() === para.toLowerCase() && c.asunto.includes(asunto));
}

/** The security code of a code mail: the line that is only 8 characters of the code alphabet. */
export function codigoDelCorreo(correo: CorreoDev): string {
  const linea = /^\s*([2-9A-HJ-NP-Z]{8})\s*$/m.exec(correo.texto);
  if (!linea?.[1]) throw new Error(`no se encontró el código en el correo:\n${correo.texto}`);
  return linea[1];
}

/** POST /api/sesiones from outside the browser (as the element's login does); the Bearer token. */
export async function iniciarSesionApi(servidor: ServidorE2e, idUsuario: string, contrasena = CONTRASENA_DEMO): Promise<string> {
  const r = await fetch(`${servidor.url}/api/sesiones`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ idUsuario, contrasena }),
  });
  if (r.status !== 201) throw new Error(`POST /api/sesiones de ${idUsuario} respondió ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

/** GET /api/usuario with a Bearer token: what the server has stored for that user. */
export async function usuarioPorToken(servidor: ServidorE2e, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${servidor.url}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET /api/usuario con Bearer respondió ${r.status}: ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}
