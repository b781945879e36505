// The real server as a child process on free loopback ports, with a temp libSQL file, the demo users
// and a fixed code secret: the demo (demo/server.ts, through tsx) for the end-to-end tests and the
// screenshots, or the production entry (dist/server.js, built by `npm run build`). Closing it checks
// that its log holds none of the secrets the test saw (passwords, codes, tokens, links).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import type { CorreoBandeja } from '../../contract/correo.js';
import { ASUNTO_CODIGO } from '../../bff/mail/mensajes.js';
import { codigoEn } from '../../paquete/bff-real.js';
import { puertoLibre } from './puerto.mjs';

export const RAIZ = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ESPERA_ARRANQUE_MS = 30_000;
const ESPERA_CIERRE_MS = 5_000;

export interface ServidorE2e {
  /** The portal and the BFF, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The third-party page, on `localhost` (another origin); the demo only. */
  urlTercero: string;
  puerto: number;
  puertoTercero: number;
  /** Everything the server printed so far (for failure messages). */
  salida(): string;
  /**
   * Passwords, codes, session tokens and links the test sent or received (`recordarSecretos`); the
   * demo password is one from the start, and the dev outbox's codes and links are added at closing.
   */
  secretos: Set<string>;
  /** Sends a signal to the server process (SIGTERM to drain, SIGKILL to crash it). */
  senal(nombre: NodeJS.Signals): void;
  /** Resolves when the process has ended: its exit code, or the signal that ended it. */
  fin(): Promise<{ codigo: number | null; senal: NodeJS.Signals | null }>;
  /** Stops the server, then throws if its log holds any of `secretos`. */
  cerrar(): Promise<void>;
}

/**
 * What the production entry requires (`arrancarServidor(…, { produccion: true })` adds PORT, HOST,
 * DATABASE_URL and SEED_DEMO): a public https origin, a Resend key and the code secret.
 */
export const ENTORNO_PRODUCCION = {
  ORIGEN_PUBLICO: 'https://ecuapass.example',
  RESEND_API_KEY: 're_prueba_123',
  SECRETO_CODIGOS: 'e2e-secreto-fijo-de-los-codigos-0123456789',
} as const;

/** The production log: one JSON object per line. */
export function lineasJson(texto: string): Record<string, unknown>[] {
  return texto
    .split('\n')
    .filter((linea) => linea.trim() !== '')
    .map((linea) => JSON.parse(linea) as Record<string, unknown>);
}

/** The keys of a request body (JSON or a form) whose values are secrets. */
const CLAVES_SECRETAS = new Set(['contrasena', 'contrasenaAnterior', 'confirmacion', 'codigoSeguridad', 'token']);

/**
 * Adds to `secretos` the secret values of a request body (JSON or form-encoded): passwords, their
 * confirmation, a security code, a link's token. Values shorter than 6 characters are left out (a
 * test's deliberately wrong input, which would match anywhere).
 */
export function recordarSecretos(secretos: Set<string>, cuerpo: string | null): void {
  if (!cuerpo) return;
  const recorrer = (valor: unknown): void => {
    if (typeof valor !== 'object' || valor === null) return;
    for (const [clave, dentro] of Object.entries(valor)) {
      if (CLAVES_SECRETAS.has(clave) && typeof dentro === 'string' && dentro.length >= 6) secretos.add(dentro);
      recorrer(dentro);
    }
  };
  try {
    recorrer(JSON.parse(cuerpo));
  } catch {
    recorrer(Object.fromEntries(new URLSearchParams(cuerpo)));
  }
}

/** Every code, link and link token of some messages (the dev outbox's, or what the Resend fake received). */
export function secretosDeCorreos(correos: { asunto: string; texto: string }[]): string[] {
  const secretos: string[] = [];
  for (const correo of correos) {
    if (correo.asunto === ASUNTO_CODIGO) secretos.push(codigoEn(correo.texto));
    for (const [enlace, token] of correo.texto.matchAll(/https?:\/\/\S+?\/(?:correo\/revertir|clave\/restablecer)\/([A-Za-z0-9_-]{43})/g)) {
      secretos.push(enlace, token!);
    }
  }
  return secretos;
}

function terminado(hijo: ChildProcess): Promise<{ codigo: number | null; senal: NodeJS.Signals | null }> {
  if (hijo.exitCode !== null || hijo.signalCode !== null) return Promise.resolve({ codigo: hijo.exitCode, senal: hijo.signalCode });
  return new Promise((resolver) => hijo.once('exit', (codigo, senal) => resolver({ codigo, senal })));
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
  /** Wait for /api/salud to answer 200 (default), or only for the servers to listen. */
  esperarSalud?: boolean;
  /**
   * The production entry, `node dist/server.js` (`npm run build` first), without a third-party page;
   * `entorno` must then give what production requires (ORIGEN_PUBLICO, RESEND_API_KEY or BANDEJA_DEV).
   */
  produccion?: boolean;
  /** A command the server runs under, e.g. `['prlimit', '--fsize=…', '--']`. */
  envoltorio?: string[];
}

/**
 * Starts `node --import tsx demo/server.ts` (or, with `produccion`, `node dist/server.js`) with
 * PORT/PORT_TERCERO free, HOST=127.0.0.1, a temp DATABASE_URL, SEED_DEMO=1, a fixed
 * SECRETO_CODIGOS and ORIGENES_PERMITIDOS for the chosen third-party port; resolves once
 * /api/salud answers 200. `entorno` adds or overrides variables.
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

async function arrancarUnaVez(
  entorno: Record<string, string>,
  { esperarSalud: salud = true, envoltorio = [], produccion = false }: OpcionesArranque,
): Promise<ServidorE2e> {
  const carpeta = await mkdtemp(join(tmpdir(), 'mug-e2e-'));
  const puerto = await puertoLibre();
  let puertoTercero = await puertoLibre();
  while (puertoTercero === puerto) puertoTercero = await puertoLibre();
  const url = `http://127.0.0.1:${puerto}`;
  const base: Record<string, string | undefined> = { ...process.env };
  for (const nombre of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'DATABASE_AUTH_TOKEN', 'CORREO_REMITENTE']) delete base[nombre];
  const entrada = produccion ? ['--enable-source-maps', 'dist/server.js'] : ['--import', 'tsx', 'demo/server.ts'];
  const [programa, ...argumentos] = [...envoltorio, process.execPath, ...entrada];
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
  const secretos = new Set([CONTRASENA_DEMO]);
  const cerrar = async () => {
    if (hijo.exitCode === null && hijo.signalCode === null) {
      const bandeja = await fetch(`${url}/api/dev/correos`).catch(() => null);
      if (bandeja?.status === 200) for (const s of secretosDeCorreos((await bandeja.json()) as CorreoBandeja[])) secretos.add(s);
      const fin = terminado(hijo);
      hijo.kill('SIGTERM');
      const forzar = setTimeout(() => hijo.kill('SIGKILL'), ESPERA_CIERRE_MS);
      await fin;
      clearTimeout(forzar);
    }
    await rm(carpeta, { recursive: true, force: true });
    const filtrados = [...secretos].filter((secreto) => texto.includes(secreto));
    if (filtrados.length > 0) throw new Error(`el registro del servidor contiene secretos: ${filtrados.join(', ')}\n${texto}`);
  };
  try {
    const escuchando = [new RegExp(`${url.replaceAll('.', '\\.')}/`), ...(produccion ? [] : [new RegExp(`localhost:${puertoTercero}/`)])];
    await esperarSalud(url, hijo, salida, escuchando, salud);
  } catch (error) {
    await cerrar();
    throw error;
  }
  return {
    url,
    urlTercero: `http://localhost:${puertoTercero}`,
    puerto,
    puertoTercero,
    salida,
    secretos,
    senal: (nombre) => void hijo.kill(nombre),
    fin: () => terminado(hijo),
    cerrar,
  };
}

/** The mails of the dev outbox (GET /api/dev/correos, newest first). */
export async function leerCorreos(servidor: ServidorE2e): Promise<CorreoBandeja[]> {
  const r = await fetch(`${servidor.url}/api/dev/correos`);
  if (r.status !== 200) throw new Error(`GET /api/dev/correos respondió ${r.status}: ${await r.text()}`);
  return (await r.json()) as CorreoBandeja[];
}

/** How long a notice may take to reach the outbox: the server's sender looks every second. */
const ESPERA_AVISO_MS = 10_000;

/**
 * The newest mail to `para` whose subject contains `asunto`, waiting for one to arrive (notices
 * leave after the answer, through the server's sender); undefined if none came in 10 s.
 */
export async function ultimoCorreo(servidor: ServidorE2e, para: string, asunto: string): Promise<CorreoBandeja | undefined> {
  const limite = Date.now() + ESPERA_AVISO_MS;
  for (;;) {
    const correos = await leerCorreos(servidor);
    const correo = correos.find((c) => c.para.toLowerCase() === para.toLowerCase() && c.asunto.includes(asunto));
    if (correo || Date.now() > limite) return correo;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** POST /api/sesiones from outside the browser (as the element's login does); the Bearer token. */
export async function iniciarSesionApi(servidor: ServidorE2e, idUsuario: string, contrasena = CONTRASENA_DEMO): Promise<string> {
  const r = await fetch(`${servidor.url}/api/sesiones`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ idUsuario, contrasena }),
  });
  if (r.status !== 201) throw new Error(`POST /api/sesiones de ${idUsuario} respondió ${r.status}: ${await r.text()}`);
  const { token } = (await r.json()) as { token: string };
  servidor.secretos.add(contrasena).add(token);
  return token;
}

/** GET /api/usuario with a Bearer token: what the server has stored for that user. */
export async function usuarioPorToken(servidor: ServidorE2e, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${servidor.url}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET /api/usuario con Bearer respondió ${r.status}: ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}
