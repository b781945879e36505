import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';

const CARPETA = fileURLToPath(new URL('./migraciones/', import.meta.url));
const NOMBRE = /^\d{3}_[\w-]+\.sql$/;

/**
 * Applies the pending `NNN_nombre.sql` files of `carpeta`, in order, inside one write
 * transaction, and records each in `migraciones`. A second process starting at the same time
 * waits for the lock and then finds them recorded. Returns the names applied now.
 */
export async function migrar(db: Client, carpeta = CARPETA): Promise<string[]> {
  const archivos = (await readdir(carpeta)).filter((nombre) => NOMBRE.test(nombre)).sort();
  await db.execute(
    'CREATE TABLE IF NOT EXISTS migraciones (nombre TEXT PRIMARY KEY, aplicada_en TEXT NOT NULL)',
  );
  const tx = await db.transaction('write');
  try {
    const hechas = await tx.execute('SELECT nombre FROM migraciones');
    const registradas = new Set(hechas.rows.map((fila) => String(fila.nombre)));
    const aplicadas: string[] = [];
    for (const archivo of archivos) {
      if (registradas.has(archivo)) continue;
      await tx.executeMultiple(await readFile(`${carpeta}/${archivo}`, 'utf8'));
      await tx.execute({
        sql: 'INSERT INTO migraciones (nombre, aplicada_en) VALUES (?, ?)',
        args: [archivo, new Date().toISOString()],
      });
      aplicadas.push(archivo);
    }
    await tx.commit();
    return aplicadas;
  } finally {
    tx.close();
  }
}
