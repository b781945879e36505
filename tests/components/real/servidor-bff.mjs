// A real BFF for the element tests: `node --import tsx demo/server.ts` (the demo entry) as a child process, on
// free loopback ports, with a temp libSQL file, the demo users seeded and the dev outbox.
// The test page (http://localhost:<wtr port>) and the BFF (http://127.0.0.1:<port>) are
// different sites: the element works as it does on a third party's page (no cookie session,
// built-in login, Bearer token).
//
// A test file asks for a fresh one with `POST /__bff-real` on the test runner's own server;
// the previous one is stopped first, so each file starts from the seeded state. The last one
// stops with the runner (serverStop), on any exit of this process, and if this process is killed
// (vigilar-padre.mjs: the child ends when its stdin pipe closes).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RAIZ = new URL('../../../', import.meta.url);
const ARRANQUE_MS = 30_000;

/** @type {{ hijo: import('node:child_process').ChildProcess, dir: string, salida: string[] } | null} */
let actual = null;

process.on('exit', () => actual?.hijo.kill('SIGKILL'));

function puertoLibre() {
  return new Promise((resolver, rechazar) => {
    const s = createServer();
    s.unref();
    s.on('error', rechazar);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolver(port));
    });
  });
}

async function detener() {
  const previo = actual;
  actual = null;
  if (!previo) return;
  const { hijo, dir } = previo;
  if (hijo.exitCode === null && hijo.signalCode === null) {
    const fin = new Promise((r) => hijo.once('exit', r));
    hijo.kill('SIGTERM');
    const limite = setTimeout(() => hijo.kill('SIGKILL'), 5000);
    await fin;
    clearTimeout(limite);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Starts a BFF that accepts `origenPagina` (CORS, CSRF) and resolves with its origin. */
async function iniciar(origenPagina) {
  await detener();
  const [puerto, puertoTercero] = [await puertoLibre(), await puertoLibre()];
  const dir = mkdtempSync(join(tmpdir(), 'mug-wtr-'));
  const env = { ...process.env };
  for (const k of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'DATABASE_AUTH_TOKEN', 'CORREO_REMITENTE']) delete env[k];
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(puerto),
    PORT_TERCERO: String(puertoTercero),
    DATABASE_URL: `file:${join(dir, 'bff.db')}`,
    SEED_DEMO: '1',
    ORIGENES_PERMITIDOS: origenPagina,
    SECRETO_CODIGOS: randomBytes(32).toString('hex'),
  });
  const vigilante = new URL('./vigilar-padre.mjs', import.meta.url).href;
  const hijo = spawn(process.execPath, ['--import', vigilante, '--import', 'tsx', 'demo/server.ts'], {
    cwd: RAIZ,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const salida = [];
  const guardar = (b) => {
    salida.push(String(b));
    // A 500 in the BFF is a defect the tests must show, not hide.
    if (/error interno|Error:/.test(String(b))) process.stderr.write(`[bff real] ${b}`);
  };
  hijo.stdout.on('data', guardar);
  hijo.stderr.on('data', guardar);
  actual = { hijo, dir, salida };
  const origen = `http://127.0.0.1:${puerto}`;
  const hasta = Date.now() + ARRANQUE_MS;
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
  await detener();
  throw new Error(`el BFF no respondió /api/salud en ${ARRANQUE_MS / 1000} s:\n${salida.join('')}`);
}

/**
 * For web-test-runner.config.mjs: `middleware` answers `POST /__bff-real` with `{origen}` of a
 * fresh BFF; `plugin` stops the last one when the runner stops.
 */
export function bffReal() {
  return {
    /** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
    async middleware(ctx, next) {
      if (ctx.path !== '/__bff-real') return next();
      if (ctx.method !== 'POST') {
        ctx.status = 405;
        return;
      }
      try {
        ctx.body = { origen: await iniciar(ctx.origin) };
      } catch (error) {
        ctx.status = 500;
        ctx.body = { error: String(error?.message ?? error) };
      }
    },
    plugin: { name: 'bff-real', serverStop: detener },
  };
}
