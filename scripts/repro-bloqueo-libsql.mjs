// Minimal reproduction, with bare @libsql/client, of what a lock held by another process does to
// an embedded database (docs/decisiones.md, "Fallas de la base de datos"):
//   1. with a busy timeout, the statement waits for the lock *on the event loop*: nothing else runs;
//   2. after the SQLITE_BUSY, every write batch on that connection fails with "cannot commit
//      transaction - SQL statements in progress" until the garbage collector finalises the
//      statement that met the lock (seconds later);
//   3. the workaround: `client.reconnect()` after SQLITE_BUSY drops that connection.
// Run: node scripts/repro-bloqueo-libsql.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';

const ESPERA_MS = 1000;
const RAIZ = fileURLToPath(new URL('..', import.meta.url));
const carpeta = await mkdtemp(join(tmpdir(), 'repro-bloqueo-'));
const url = `file:${join(carpeta, 'repro.db')}`;

/** Another process with BEGIN IMMEDIATE open on `url` until `liberar()`. */
async function bloquear() {
  const codigo = `
    import { createClient } from '@libsql/client';
    const db = createClient({ url: ${JSON.stringify(url)} });
    const tx = await db.transaction('write');
    console.log('bloqueada');
    process.stdin.once('data', async () => { await tx.rollback(); db.close(); process.exit(0); });`;
  const hijo = spawn(process.execPath, ['--input-type=module', '-e', codigo], { cwd: RAIZ, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((listo) => hijo.stdout.on('data', (d) => d.toString().includes('bloqueada') && listo()));
  return () => {
    hijo.stdin.end('\n');
    return new Promise((listo) => hijo.once('exit', listo));
  };
}

const escribir = (db) => db.batch([{ sql: 'INSERT INTO t VALUES (1)', args: [] }], 'write');

/** Writes every 100 ms until one succeeds; the time that took and the last error. */
async function hastaQueEscriba(db) {
  const inicio = Date.now();
  let ultimo = '';
  for (;;) {
    try {
      await escribir(db);
      return `escritura correcta ${Date.now() - inicio} ms después de liberar${ultimo ? ` (antes: «${ultimo}»)` : ''}`;
    } catch (error) {
      ultimo = error.message;
      await new Promise((listo) => setTimeout(listo, 100));
    }
  }
}

async function caso(nombre, reconectar) {
  const db = createClient({ url, timeout: ESPERA_MS });
  await db.execute('PRAGMA journal_mode = WAL');
  await db.execute('CREATE TABLE IF NOT EXISTS t (x)');
  const liberar = await bloquear();
  let ticks = 0;
  const reloj = setInterval(() => ticks++, 10);
  const inicio = Date.now();
  try {
    await escribir(db);
  } catch (error) {
    console.log(`${nombre}: ${error.code} tras ${Date.now() - inicio} ms; temporizador de 10 ms ejecutado ${ticks} veces mientras tanto`);
    if (reconectar) await db.reconnect();
  }
  clearInterval(reloj);
  await liberar();
  console.log(`${nombre}: ${await hastaQueEscriba(db)}`);
  db.close();
}

try {
  await caso('sin reconectar', false);
  await caso('con reconnect() tras SQLITE_BUSY', true);
} finally {
  await rm(carpeta, { recursive: true, force: true });
}
