import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { abrirBaseDeDatos, type BaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';
import { CONTRASENA_DEMO, sembrarDemo, USUARIOS_DEMO } from '../../bff/db/semilla.js';
import { verificarContrasena } from '../../bff/services/contrasenas.js';
import { baseTemporal } from '../helpers/bff.js';

const ejecutar = promisify(execFile);
const CARPETA_REAL = fileURLToPath(new URL('../../bff/db/migraciones/', import.meta.url));

let carpeta: string;
let db: BaseDeDatos;
beforeEach(async () => {
  const base = await baseTemporal();
  carpeta = base.carpeta;
  db = await abrirBaseDeDatos(base.url, { tiempoLimiteMs: 5000 });
});
afterEach(async () => {
  db.close();
  await rm(carpeta, { recursive: true, force: true });
});

async function tablas(): Promise<string[]> {
  const r = await db.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return r.rows.map((f) => String(f.name));
}

describe('migrations', () => {
  test('from an empty database: every numbered file applied in order and recorded', async () => {
    const archivos = (await readdir(CARPETA_REAL)).filter((a) => a.endsWith('.sql')).sort();
    expect(archivos[0]).toBe('001_esquema.sql');
    expect(await migrar(db)).toEqual(archivos);
    const registradas = await db.execute('SELECT nombre FROM migraciones ORDER BY nombre');
    expect(registradas.rows.map((f) => f.nombre)).toEqual(archivos);
    expect(await tablas()).toEqual(expect.arrayContaining(['auditoria', 'limites', 'migraciones', 'sesiones', 'usuarios']));
  });

  test('re-running applies nothing and keeps the data', async () => {
    await migrar(db);
    await sembrarDemo(db, new Date());
    expect(await migrar(db)).toEqual([]);
    expect((await db.execute('SELECT count(*) AS n FROM usuarios')).rows[0]?.n).toBe(4);
  });

  test('a new file is picked up on the next start; a failing file rolls everything back', async () => {
    const propia = await mkdtemp(join(tmpdir(), 'mug-mig-'));
    try {
      await writeFile(join(propia, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
      expect(await migrar(db, propia)).toEqual(['001_a.sql']);
      await writeFile(join(propia, '002_b.sql'), 'CREATE TABLE b (x INTEGER);');
      await writeFile(join(propia, '003_c.sql'), 'CREATE TABLE c (x INTEGER); INSERT INTO nada VALUES (1);');
      await expect(migrar(db, propia)).rejects.toThrow(/nada/);
      expect(await tablas()).toEqual(['a', 'migraciones']);
      await writeFile(join(propia, '003_c.sql'), 'CREATE TABLE c (x INTEGER);');
      expect(await migrar(db, propia)).toEqual(['002_b.sql', '003_c.sql']);
    } finally {
      await rm(propia, { recursive: true, force: true });
    }
  });

  test('two processes migrating at once: one applies, the other waits for the lock and finds it done', async () => {
    const url = `file:${join(carpeta, 'prueba.db')}`;
    const proceso = () =>
      ejecutar(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/migrar-proceso.ts', import.meta.url)), url]);
    const salidas = await Promise.all([proceso(), proceso()]);
    const aplicadas = salidas.map((salida) => JSON.parse(salida.stdout) as string[]);
    expect(aplicadas.map((lista) => lista.length > 0).sort()).toEqual([false, true]);
    expect((await db.execute('SELECT count(*) AS n FROM migraciones')).rows[0]?.n).toBe(aplicadas.flat().length);
  });

  test('file databases use WAL and no busy timeout (a lock is retried without blocking the event loop: tests/bff/fallas-db.test.ts)', async () => {
    expect((await db.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
    expect(Number((await db.execute('PRAGMA busy_timeout')).rows[0]?.timeout)).toBe(0);
  });

  test('005: the registered name is filled from the current one, set at insert when missing, and cannot be changed', async () => {
    const anteriores = await mkdtemp(join(tmpdir(), 'mug-mig-'));
    try {
      for (const archivo of (await readdir(CARPETA_REAL)).filter((a) => a < '005')) {
        await writeFile(join(anteriores, archivo), await readFile(join(CARPETA_REAL, archivo), 'utf8'));
      }
      await migrar(db, anteriores);
      await db.execute(
        `INSERT INTO usuarios (id_usuario, documento_tipo, documento_numero, nombre, pais, direccion, telefono1, celular_operadora,
           celular_numero, correo, clave_hash, clave_cambiada_en, creado_en, actualizado_en)
         VALUES ('antiguo', 'CEDULA', '0102030400', 'ANA CORREGIDA', 'US', 'Calle 1 y 2', '12125550100', 'OTROS', '12125550199',
           'ana@example.com', 'x', 't', 't', 't')`,
      );
      expect((await migrar(db))[0]).toBe('005_nombre_registrado_y_limites.sql');
    } finally {
      await rm(anteriores, { recursive: true, force: true });
    }
    const registrado = async (id: string) =>
      (await db.execute({ sql: 'SELECT nombre_registrado FROM usuarios WHERE id_usuario = ?', args: [id] })).rows[0]?.nombre_registrado;
    expect(await registrado('antiguo')).toBe('ANA CORREGIDA');
    await sembrarDemo(db, new Date());
    expect(await registrado('mzambrano')).toBe('MARIA ZAMBRANO');
    await db.execute({
      sql: `INSERT INTO usuarios (id_usuario, documento_tipo, documento_numero, nombre, pais, direccion, telefono1, celular_operadora,
              celular_numero, correo, clave_hash, clave_cambiada_en, creado_en, actualizado_en)
            SELECT 'nuevo', documento_tipo, documento_numero, 'LUIS NUEVO', pais, direccion, telefono1, celular_operadora,
              celular_numero, 'luis@example.com', clave_hash, clave_cambiada_en, creado_en, actualizado_en FROM usuarios WHERE id_usuario = 'tmacay'`,
    });
    expect(await registrado('nuevo')).toBe('LUIS NUEVO');
    await db.execute("UPDATE usuarios SET nombre = 'LUIS NUEVOS' WHERE id_usuario = 'nuevo'");
    expect(await registrado('nuevo')).toBe('LUIS NUEVO');
    await expect(db.execute("UPDATE usuarios SET nombre_registrado = 'OTRO' WHERE id_usuario = 'nuevo'")).rejects.toThrow(/nombre_registrado no se modifica/);
  });

  test('one active account per email, case-insensitive; a user in BAJA frees the address', async () => {
    await migrar(db);
    await sembrarDemo(db, new Date());
    const copiar = (id: string) =>
      db.execute({
        sql: `INSERT INTO usuarios SELECT ?, documento_tipo, documento_numero, nombre, pais, provincia, ciudad, direccion,
                telefono1, telefono2, celular_operadora, celular_numero, fax, 'OCUPADO@Example.com', 'ACTIVO', 1,
                clave_hash, clave_cambiada_en, creado_en, actualizado_en, nombre_registrado FROM usuarios WHERE id_usuario = 'tmacay'`,
        args: [id],
      });
    await expect(copiar('copia')).rejects.toThrow(/UNIQUE/);
    await db.execute("UPDATE usuarios SET estado = 'BAJA' WHERE id_usuario = 'ocupado'");
    await copiar('copia');
  });
});

describe('demo seed', () => {
  test('inserts the four demo users with argon2id (m=19456, t=2, p=1) PHC hashes of the demo password', async () => {
    await migrar(db);
    expect(await sembrarDemo(db, new Date('2026-01-01T00:00:00Z'))).toEqual(['tmacay', 'mzambrano', 'jsmith', 'ocupado']);
    const r = await db.execute('SELECT id_usuario, nombre, documento_tipo, documento_numero, pais, provincia, ciudad, correo, estado, version, clave_hash FROM usuarios ORDER BY id_usuario');
    expect(r.rows.map(({ clave_hash: _hash, ...resto }) => ({ ...resto }))).toEqual([
      { id_usuario: 'jsmith', nombre: 'JOHN SMITH', documento_tipo: 'PASAPORTE', documento_numero: 'X1234567', pais: 'US', provincia: null, ciudad: null, correo: 'john.smith@example.org', estado: 'ACTIVO', version: 1 },
      { id_usuario: 'mzambrano', nombre: 'MARIA ZAMBRANO', documento_tipo: 'CEDULA', documento_numero: '1712345675', pais: 'EC', provincia: '17', ciudad: '1701', correo: 'maria.zambrano@example.com', estado: 'ACTIVO', version: 1 },
      { id_usuario: 'ocupado', nombre: 'USUARIO OCUPADO', documento_tipo: 'CEDULA', documento_numero: '0102030400', pais: 'EC', provincia: '01', ciudad: '0101', correo: 'ocupado@example.com', estado: 'ACTIVO', version: 1 },
      { id_usuario: 'tmacay', nombre: 'TITO MACAY', documento_tipo: 'RUC', documento_numero: '0912345675001', pais: 'EC', provincia: '09', ciudad: '0901', correo: 'tito.macay@example.com', estado: 'ACTIVO', version: 1 },
    ]);
    const hashes = r.rows.map((f) => String(f.clave_hash));
    expect(new Set(hashes).size).toBe(4);
    for (const hash of hashes) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verificarContrasena(hash, CONTRASENA_DEMO)).toBe(true);
      expect(await verificarContrasena(hash, 'clave-demo-2026')).toBe(false);
    }
  });

  test('is idempotent and keeps later edits', async () => {
    await migrar(db);
    await sembrarDemo(db, new Date());
    await db.execute("UPDATE usuarios SET direccion = 'Editada por el usuario', version = 2 WHERE id_usuario = 'tmacay'");
    expect(await sembrarDemo(db, new Date())).toEqual([]);
    const r = await db.execute("SELECT direccion, version FROM usuarios WHERE id_usuario = 'tmacay'");
    expect({ ...r.rows[0] }).toEqual({ direccion: 'Editada por el usuario', version: 2 });
    expect((await db.execute('SELECT count(*) AS n FROM usuarios')).rows[0]?.n).toBe(USUARIOS_DEMO.length);
  });
});
