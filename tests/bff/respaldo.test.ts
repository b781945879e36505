// `npm run respaldo -- <archivo>` (scripts/respaldar.mjs): a consistent copy of the embedded
// database taken while the real server runs and writes; restoring it is opening that file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { arrancarServidor, ENTORNO_PRODUCCION, iniciarSesionApi, RAIZ, type ServidorE2e } from '../helpers/e2e-servidor.js';

const ejecutar = promisify(execFile);
const respaldar = (entorno: Record<string, string>, destino: string) =>
  ejecutar(process.execPath, ['scripts/respaldar.mjs', destino], { cwd: RAIZ, env: { ...process.env, ...entorno } }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run respaldo', () => {
  let carpeta: string;
  let servidor: ServidorE2e;
  let url: string;
  beforeAll(async () => {
    carpeta = await mkdtemp(join(tmpdir(), 'mug-respaldo-'));
    url = `file:${join(carpeta, 'ecuapass.db')}`;
    servidor = await arrancarServidor({ ...ENTORNO_PRODUCCION, DATABASE_URL: url }, { produccion: true });
  });
  afterAll(async () => {
    await servidor?.cerrar();
    await rm(carpeta, { recursive: true, force: true });
  });

  test('copies the embedded database while the server runs: the copy opens with every table, user and session', async () => {
    const token = await iniciarSesionApi(servidor, 'tmacay');
    const destino = join(carpeta, 'respaldo.db');
    expect(await respaldar({ DATABASE_URL: url }, destino)).toMatchObject({ stdout: `Respaldo de ${url} en ${destino}.\n`, stderr: '' });
    const copia = createClient({ url: `file:${destino}` });
    try {
      const migraciones = await copia.execute('SELECT nombre FROM migraciones ORDER BY nombre');
      expect(migraciones.rows.map((f) => f.nombre)).toContain('010_retencion.sql');
      expect((await copia.execute('SELECT count(*) AS n FROM usuarios')).rows[0]!.n).toBe(4);
      expect((await copia.execute("SELECT count(*) AS n FROM sesiones WHERE id_usuario = 'tmacay' AND revocada_en IS NULL")).rows[0]!.n).toBe(1);
    } finally {
      copia.close();
    }
    // The server went on working during and after the copy.
    expect((await fetch(`${servidor.url}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  test('never overwrites a file, and sends a remote database to its server\'s own backups', async () => {
    const destino = join(carpeta, 'existente.db');
    await respaldar({ DATABASE_URL: url }, destino);
    expect(await respaldar({ DATABASE_URL: url }, destino)).toMatchObject({ code: 1, stderr: `${destino} ya existe: elija otro archivo (un respaldo nunca se sobrescribe).\n` });
    expect(await respaldar({ DATABASE_URL: 'libsql://ecuapass.turso.io' }, join(carpeta, 'otro.db'))).toMatchObject({
      code: 1,
      stderr: 'DATABASE_URL = "libsql://ecuapass.turso.io" no es un archivo: respalde la base en su servidor (docs/operacion.md, «Respaldos»).\n',
    });
  });
});
