// `npm run respaldo -- <archivo>`: a consistent copy of the embedded database (DATABASE_URL, a
// file: URL) while the BFF keeps running, with SQLite's VACUUM INTO (docs/operacion.md, «Respaldos»).
// A remote database (sqld, Turso) is backed up on its server: see the same section.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';

const url = process.env.DATABASE_URL?.trim() || 'file:./data/ecuapass.db';
const destino = process.argv[2];
if (!destino) {
  console.error('Uso: npm run respaldo -- <archivo de destino>, p. ej. npm run respaldo -- respaldos/ecuapass-2026-03-02.db');
  process.exit(1);
}
if (!url.startsWith('file:')) {
  console.error(`DATABASE_URL = ${JSON.stringify(url)} no es un archivo: respalde la base en su servidor (docs/operacion.md, «Respaldos»).`);
  process.exit(1);
}
if (existsSync(destino)) {
  console.error(`${destino} ya existe: elija otro archivo (un respaldo nunca se sobrescribe).`);
  process.exit(1);
}
const db = createClient({ url });
try {
  await db.execute({ sql: 'VACUUM INTO ?', args: [resolve(destino)] });
  console.log(`Respaldo de ${url} en ${resolve(destino)}.`);
} catch (error) {
  console.error(`No se pudo respaldar ${url}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.close();
}
