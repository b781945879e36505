// `modificar-usuario-general/wtr`: a web-test-runner plugin that starts the REAL BFF for the browser
// tests: the package's production bundle (dist/server.js, the one `npm run serve` runs) as a child
// process on a free loopback port, with a temporary libSQL file, the demo users and the dev outbox.
//
// A test asks for one with `iniciarBffReal()` of `modificar-usuario-general/testing` (a POST to
// /__bff-real on the runner's own server) and gets its origin, for the element's `api-base`. Each test
// file (browser session) has its own BFF: its second request replaces its first, and the oldest are
// stopped once more files ask than run at once. All stop with the runner (serverStop), on any exit
// of this process, and if it is killed (vigilar-padre.mjs: the child ends when its stdin closes).
//
// The production entry is strict about its environment; the test values given here (README, docs/integracion.md):
// SECRETO_CODIGOS random per BFF, BANDEJA_DEV=1 (emails go to the dev outbox, GET /api/dev/correos),
// SEED_DEMO=1, ORIGENES_PERMITIDOS = the test page's origin, and ORIGEN_PUBLICO =
// https://bff-de-prueba.invalid: production takes only an https origin, the one of the links in
// emails; no test follows it (take the token from the link), and nothing else of the BFF depends on it
// for a page on another site (its writes carry a Bearer token).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUTA_BFF_REAL = '/__bff-real';
export const ORIGEN_PUBLICO_DE_PRUEBA = 'https://bff-de-prueba.invalid';
const SERVIDOR = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const VIGILANTE = new URL('./vigilar-padre.mjs', import.meta.url).href;

/**
 * @typedef {object} OpcionesBffReal
 * @property {number} [arranqueMs] Longest wait for the BFF's first `GET /api/salud` (30 000 ms).
 * @property {Record<string, string>} [entorno] More variables for the BFF (e.g. `NIVEL_REGISTRO: 'debug'`), over the test values.
 */

/**
 * @typedef {object} BffEnMarcha
 * @property {import('node:child_process').ChildProcess} hijo
 * @property {string} dir
 * @property {string[]} salida
 */

function puertoLibre() {
  return /** @type {Promise<number>} */ (
    new Promise((resolver, rechazar) => {
      const s = createServer();
      s.unref();
      s.on('error', rechazar);
      s.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
        s.close(() => resolver(port));
      });
    })
  );
}

/** @param {BffEnMarcha} bff */
async function detener({ hijo, dir }) {
  if (hijo.exitCode === null && hijo.signalCode === null) {
    const fin = new Promise((r) => hijo.once('exit', r));
    hijo.kill('SIGTERM');
    const limite = setTimeout(() => hijo.kill('SIGKILL'), 5000);
    await fin;
    clearTimeout(limite);
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a BFF that accepts `origenPagina` (CORS) and resolves with it and its origin.
 * @param {string} origenPagina
 * @param {OpcionesBffReal} opciones
 * @param {(bff: BffEnMarcha) => void} registrar called as soon as the child exists, so it is stopped even if the start fails
 */
async function iniciar(origenPagina, opciones, registrar) {
  if (!existsSync(SERVIDOR)) throw new Error(`falta ${SERVIDOR}: construya el paquete (npm run build)`);
  const puerto = await puertoLibre();
  const dir = mkdtempSync(join(tmpdir(), 'mug-bff-real-'));
  const env = { ...process.env };
  for (const k of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'DATABASE_AUTH_TOKEN', 'CORREO_REMITENTE', 'PORT_METRICAS', 'PROXY_CONFIABLE']) delete env[k];
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(puerto),
    DATABASE_URL: `file:${join(dir, 'bff.db')}`,
    SEED_DEMO: '1',
    BANDEJA_DEV: '1',
    ORIGENES_PERMITIDOS: origenPagina,
    ORIGEN_PUBLICO: ORIGEN_PUBLICO_DE_PRUEBA,
    SECRETO_CODIGOS: randomBytes(32).toString('hex'),
    NIVEL_REGISTRO: 'warn',
    ...opciones.entorno,
  });
  const hijo = spawn(process.execPath, ['--import', VIGILANTE, SERVIDOR], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const salida = [];
  /** @param {Buffer} b */
  const guardar = (b) => {
    salida.push(String(b));
    // An error in the BFF (a 500) is a defect the tests must show, not hide: pino's level ≥ 50.
    for (const linea of String(b).split('\n')) if (/"level":(5\d|60)/.test(linea)) process.stderr.write(`[bff real] ${linea}\n`);
  };
  hijo.stdout?.on('data', guardar);
  hijo.stderr?.on('data', guardar);
  const bff = { hijo, dir, salida };
  registrar(bff);
  const origen = `http://127.0.0.1:${puerto}`;
  const arranqueMs = opciones.arranqueMs ?? 30_000;
  const hasta = Date.now() + arranqueMs;
  while (Date.now() < hasta) {
    if (hijo.exitCode !== null) throw new Error(`el BFF terminó al arrancar (${hijo.exitCode}):\n${salida.join('')}`);
    try {
      const r = await fetch(`${origen}/api/salud`);
      if (r.ok) return origen;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`el BFF no respondió /api/salud en ${arranqueMs / 1000} s:\n${salida.join('')}`);
}

/**
 * The web-test-runner plugin: answers `POST /__bff-real` with `{origen}` of a fresh real BFF for the
 * asking test file (or `{error}`), and stops them all when the runner stops.
 * @param {OpcionesBffReal} [opciones]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function bffReal(opciones = {}) {
  /** @type {Map<string, BffEnMarcha>} by test session (file × browser), oldest first */
  const enMarcha = new Map();
  let simultaneos = 1;
  const alSalir = () => {
    for (const { hijo } of enMarcha.values()) hijo.kill('SIGKILL');
  };
  /** @param {string} sesion */
  const detenerDe = async (sesion) => {
    const bff = enMarcha.get(sesion);
    enMarcha.delete(sesion);
    if (bff) await detener(bff);
  };
  return {
    name: 'bff-real',
    serverStart({ config }) {
      // As many files as run at once may each hold one; beyond that the oldest file is done.
      const navegadores = /** @type {{ browsers?: unknown[] }} */ (config).browsers?.length ?? 1;
      simultaneos = Math.max(1, (/** @type {{ concurrency?: number }} */ (config).concurrency ?? 1) * navegadores);
      process.on('exit', alSalir);
    },
    async serverStop() {
      process.off('exit', alSalir);
      await Promise.all([...enMarcha.keys()].map(detenerDe));
    },
    async serve(ctx) {
      if (ctx.path !== RUTA_BFF_REAL || ctx.method !== 'POST') return undefined;
      const sesion = new URL(ctx.get('Referer') || ctx.href).searchParams.get('wtr-session-id') ?? '';
      await detenerDe(sesion);
      while (enMarcha.size >= simultaneos) await detenerDe(/** @type {string} */ (enMarcha.keys().next().value));
      try {
        const origen = await iniciar(ctx.origin, opciones, (bff) => enMarcha.set(sesion, bff));
        return { body: JSON.stringify({ origen }), type: 'json' };
      } catch (error) {
        await detenerDe(sesion);
        return { body: JSON.stringify({ error: String(/** @type {Error} */ (error)?.message ?? error) }), type: 'json' };
      }
    },
  };
}
