import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';

/** Milliseconds a statement waits for another connection's lock before SQLITE_BUSY. */
const ESPERA_BLOQUEO_MS = 5000;

/**
 * Opens the database. `file:` URLs get WAL (readers never wait for the writer) and a busy
 * timeout on every pooled connection; `libsql://` and `https://` go to sqld / Turso unchanged.
 */
export async function abrirBaseDeDatos(url: string, authToken?: string): Promise<Client> {
  const esArchivo = url.startsWith('file:');
  if (esArchivo && !url.includes(':memory:')) await mkdir(dirname(rutaDeArchivo(url)), { recursive: true });
  const db = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    ...(esArchivo ? { timeout: ESPERA_BLOQUEO_MS } : {}),
  });
  // WAL persists in the file. The busy timeout is the `timeout` option above: a PRAGMA would only
  // reach the one pooled connection that ran it (docs/decisiones.md).
  if (esArchivo) await db.execute('PRAGMA journal_mode = WAL');
  return db;
}

/** `file:./data/x.db` → `./data/x.db`; `file:///tmp/x.db` → `/tmp/x.db`. */
function rutaDeArchivo(url: string): string {
  const sinConsulta = url.split('?')[0]!;
  return sinConsulta.startsWith('file://') ? fileURLToPath(sinConsulta) : sinConsulta.slice('file:'.length);
}
