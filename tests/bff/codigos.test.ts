import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALFABETO_CODIGO } from '../../contract/texto.js';
import {
  anularCodigo,
  anularCodigosDe,
  codigoPendiente,
  confirmarCodigo,
  EN_VUELO_MS,
  emitirCodigo,
  generarCodigo,
  intentosRestantes,
  LimiteCodigoError,
  verificarCodigo,
} from '../../bff/db/codigos.js';

const SECRETO = 'secreto-de-prueba-de-32-caracteres!!';
const T0 = new Date('2026-03-01T10:00:00.000Z');
const en = (ms: number) => new Date(T0.getTime() + ms);
const S = 1000;
const MIN = 60 * S;

let dir: string;
let db: Client;
const otrosClientes: Client[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mug-codigos-'));
  db = createClient({ url: `file:${join(dir, 'prueba.db')}` });
  const tx = await db.transaction('write');
  for (const migracion of ['002_correo.sql', '008_avisos_pendientes.sql']) {
    await tx.executeMultiple(await readFile(new URL(`../../bff/db/migraciones/${migracion}`, import.meta.url), 'utf8'));
  }
  await tx.commit();
});

afterEach(async () => {
  for (const cliente of otrosClientes.splice(0)) cliente.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Clients on the same file, as several BFF processes would have. */
function clientes(n: number): Client[] {
  const nuevos = Array.from({ length: n }, () => createClient({ url: `file:${join(dir, 'prueba.db')}` }));
  otrosClientes.push(...nuevos);
  return nuevos;
}

/** A code stored pending, as before its email is sent. */
const pendiente = (ahora = T0, idUsuario = 'tmacay', correo = 'nuevo@example.com') =>
  emitirCodigo(db, { idUsuario, correo, ahora, secreto: SECRETO });

/** A code stored and sent (the provider took it). */
async function emitir(ahora = T0, idUsuario = 'tmacay', correo = 'nuevo@example.com') {
  const emitido = await pendiente(ahora, idUsuario, correo);
  return { ...emitido, reenviarDesde: await confirmarCodigo(db, idUsuario, emitido.id, ahora) };
}

const verificar = (codigo: string, ahora = T0, idUsuario = 'tmacay', correo = 'nuevo@example.com', cliente: Client = db) =>
  verificarCodigo(cliente, { idUsuario, correo, codigo, ahora, secreto: SECRETO });

/** A code of the alphabet that is not `codigo`. */
function otro(codigo: string): string {
  return codigo.startsWith('2222') ? '33333333' : '22222222';
}

describe('emitirCodigo', () => {
  it('gives 8 characters of the alphabet, 15 minutes of validity and a resend time 60 s later', async () => {
    const emitido = await emitir();
    expect(emitido.codigo).toMatch(new RegExp(`^[${ALFABETO_CODIGO}]{8}$`));
    expect(emitido.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(emitido.expiraEn).toBe('2026-03-01T10:15:00.000Z');
    expect(emitido.reenviarDesde).toBe('2026-03-01T10:01:00.000Z');
  });

  it('stores only HMAC-SHA256(secret, user|address|code), bound to the user and address', async () => {
    const emitido = await emitir(T0, 'tmacay', 'Nuevo@Example.com');
    const { rows } = await db.execute('SELECT id_usuario, correo, hash_codigo FROM codigos_seguridad');
    const esperado = createHmac('sha256', SECRETO).update(`tmacay|nuevo@example.com|${emitido.codigo}`).digest('hex');
    expect(rows.map((f) => ({ ...f }))).toEqual([{ id_usuario: 'tmacay', correo: 'nuevo@example.com', hash_codigo: esperado }]);
  });

  it('draws every symbol about equally often (CSPRNG without modulo bias)', () => {
    const cuenta = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of generarCodigo()) cuenta.set(c, (cuenta.get(c) ?? 0) + 1);
    expect([...cuenta.keys()].sort().join('')).toBe([...ALFABETO_CODIGO].sort().join(''));
    for (const veces of cuenta.values()) {
      expect(veces).toBeGreaterThan(850); // expected 1000 each; ±150 is about 4.9 standard deviations
      expect(veces).toBeLessThan(1150);
    }
  });

  it('refuses a second code within 60 s, with the seconds to wait', async () => {
    await emitir(T0);
    const error = await emitir(en(30 * S)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimiteCodigoError);
    expect((error as LimiteCodigoError).reintentarEnS).toBe(30);
    await expect(emitir(en(60 * S))).resolves.toMatchObject({ reenviarDesde: '2026-03-01T10:02:00.000Z' });
  });

  it('allows 5 codes an hour per user and tells when the next one is possible', async () => {
    const momentos = [0, 1, 2, 3, 4].map((i) => en(i * 61 * S));
    let ultimo;
    for (const momento of momentos) ultimo = await emitir(momento);
    expect(ultimo?.reenviarDesde).toBe('2026-03-01T11:00:00.000Z');
    const error = await emitir(en(10 * MIN)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimiteCodigoError);
    expect((error as LimiteCodigoError).reintentarEnS).toBe(50 * 60);
    await expect(emitir(en(10 * MIN), 'mzambrano')).resolves.toBeTruthy(); // another user is not affected
    await expect(emitir(en(60 * MIN))).resolves.toBeTruthy();
  });

  it('of 6 parallel requests from several connections exactly one gets a code', async () => {
    const conexiones = clientes(3);
    const resultados = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        emitirCodigo(conexiones[i % 3]!, { idUsuario: 'tmacay', correo: 'nuevo@example.com', ahora: T0, secreto: SECRETO }),
      ),
    );
    expect(resultados.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of resultados) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LimiteCodigoError);
    const { rows } = await db.execute('SELECT count(*) AS n FROM codigos_seguridad');
    expect(rows[0]?.n).toBe(1);
  });

  it('voids the previous code once a new one is sent, not before', async () => {
    const primero = await emitir(T0);
    const segundo = await pendiente(en(61 * S));
    expect(await codigoPendiente(db, 'tmacay', en(61 * S))).toMatchObject({ id: primero.id });
    await confirmarCodigo(db, 'tmacay', segundo.id, en(62 * S));
    expect(await verificar(primero.codigo, en(62 * S))).toBe('INCORRECTO');
    expect(await verificar(segundo.codigo, en(63 * S))).toBe('VALIDO');
  });

  it('a pending code (not sent yet, or never) is not usable', async () => {
    const { codigo } = await pendiente();
    expect(await verificar(codigo)).toBe('INCORRECTO');
    expect(await codigoPendiente(db, 'tmacay', T0)).toBeNull();
    expect((await db.execute('SELECT intentos FROM codigos_seguridad')).rows[0]?.intentos).toBe(0);
  });

  it('a code whose send failed does not count for the limits, and the code sent before stays valid', async () => {
    const anterior = await emitir(T0);
    for (let i = 0; i < 6; i++) await anularCodigo(db, (await pendiente(en(61 * S + i * S))).id);
    expect((await db.execute('SELECT id FROM codigos_seguridad')).rows.map((f) => f.id)).toEqual([anterior.id]);
    expect(await verificar(anterior.codigo, en(70 * S))).toBe('VALIDO');
  });

  it('a code being sent holds the cooldown (two requests at once do not both send), one lost with its process only for EN_VUELO_MS', async () => {
    expect(EN_VUELO_MS).toBe(10 * S);
    const perdido = await pendiente(T0);
    const error = await pendiente(en(9 * S)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimiteCodigoError);
    // Until the one in flight is sent or given up for lost, not the 60 s of a code sent.
    expect((error as LimiteCodigoError).reintentarEnS).toBe(1);
    const nuevo = await emitir(en(EN_VUELO_MS));
    expect(nuevo.reenviarDesde).toBe(en(EN_VUELO_MS + MIN).toISOString());
    // The lost one was forgotten by that request, and can never be typed.
    const filas = await db.execute('SELECT id FROM codigos_seguridad');
    expect(filas.rows.map((f) => f.id)).toEqual([nuevo.id]);
    expect(await verificar(perdido.codigo, en(EN_VUELO_MS + S))).toBe('INCORRECTO');
  });
});

describe('verificarCodigo', () => {
  it('accepts the right code once, typed in any case and with spaces or dashes', async () => {
    const { codigo } = await emitir();
    const tecleado = `${codigo.slice(0, 4).toLowerCase()}-${codigo.slice(4).toLowerCase()} `;
    expect(await verificar(tecleado, en(MIN), 'tmacay', ' NUEVO@example.com')).toBe('VALIDO');
    expect(await verificar(codigo, en(MIN))).toBe('INCORRECTO');
    expect(await codigoPendiente(db, 'tmacay', en(MIN))).toBeNull();
  });

  it('accepts at 14:59 and refuses at 15:00.001 as expired', async () => {
    const { codigo } = await emitir();
    expect(await verificar(otro(codigo), en(14 * MIN + 59 * S))).toBe('INCORRECTO');
    expect(await verificar(codigo, en(15 * MIN + 1))).toBe('EXPIRADO');
    expect(await verificar(codigo, en(14 * MIN + 59 * S))).toBe('VALIDO');
  });

  it('does not count tries on an expired code', async () => {
    const { codigo } = await emitir();
    for (let i = 0; i < 6; i++) expect(await verificar(otro(codigo), en(16 * MIN))).toBe('EXPIRADO');
    const { rows } = await db.execute('SELECT intentos FROM codigos_seguridad');
    expect(rows[0]?.intentos).toBe(0);
  });

  it('counts wrong tries, tells the tries left and voids the code at the 5th', async () => {
    const { codigo } = await emitir();
    expect(await intentosRestantes(db, 'tmacay', T0)).toBe(5);
    for (let i = 1; i <= 4; i++) {
      expect(await verificar(otro(codigo))).toBe('INCORRECTO');
      expect(await intentosRestantes(db, 'tmacay', T0)).toBe(5 - i);
    }
    expect(await codigoPendiente(db, 'tmacay', T0)).toMatchObject({ correo: 'nuevo@example.com', intentosRestantes: 1 });
    expect(await verificar(otro(codigo))).toBe('AGOTADO');
    expect(await verificar(codigo)).toBe('AGOTADO');
    expect(await intentosRestantes(db, 'tmacay', T0)).toBe(0);
  });

  it('accepts the right code at the 5th try', async () => {
    const { codigo } = await emitir();
    for (let i = 0; i < 4; i++) await verificar(otro(codigo));
    expect(await verificar(codigo)).toBe('VALIDO');
  });

  it('never matches a code of another user or sent to another address', async () => {
    const deTito = await emitir(T0, 'tmacay', 'nuevo@example.com');
    await emitir(T0, 'mzambrano', 'maria.nueva@example.com');
    expect(await verificar(deTito.codigo, T0, 'mzambrano', 'maria.nueva@example.com')).toBe('INCORRECTO');
    expect(await verificar(deTito.codigo, T0, 'mzambrano', 'nuevo@example.com')).toBe('INCORRECTO');
    expect(await verificar(deTito.codigo, T0, 'tmacay', 'otro@example.com')).toBe('INCORRECTO');
    expect(await verificar(deTito.codigo, T0, 'tmacay', 'nuevo@example.com')).toBe('VALIDO');
  });

  it('says INCORRECTO when the user has no code, or it was voided', async () => {
    expect(await verificar('ABCDEFGH')).toBe('INCORRECTO');
    const { codigo } = await emitir();
    await anularCodigosDe(db, 'tmacay', T0);
    expect(await verificar(codigo)).toBe('INCORRECTO');
    expect(await intentosRestantes(db, 'tmacay', T0)).toBe(0);
  });

  it('8 parallel verifications of the right code from several connections: exactly one VALIDO', async () => {
    const { codigo } = await emitir();
    const conexiones = clientes(4);
    const resultados = await Promise.all(
      Array.from({ length: 8 }, (_, i) => verificar(codigo, T0, 'tmacay', 'nuevo@example.com', conexiones[i % 4])),
    );
    expect(resultados.filter((r) => r === 'VALIDO')).toHaveLength(1);
    const { rows } = await db.execute('SELECT count(*) AS usados FROM codigos_seguridad WHERE usado_en IS NOT NULL');
    expect(rows[0]?.usados).toBe(1);
  });

  it('50 parallel wrong codes: at most 5 are evaluated, the rest AGOTADO', async () => {
    const { codigo } = await emitir();
    const conexiones = clientes(5);
    const resultados = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verificar(otro(codigo), T0, 'tmacay', 'nuevo@example.com', conexiones[i % 5])),
    );
    expect(resultados.filter((r) => r === 'INCORRECTO')).toHaveLength(4);
    expect(resultados.filter((r) => r === 'AGOTADO')).toHaveLength(46);
    const { rows } = await db.execute('SELECT intentos FROM codigos_seguridad');
    expect(rows[0]?.intentos).toBe(5);
    expect(await verificar(codigo)).toBe('AGOTADO');
  });

  it('leaves no plain code in any text column of any table', async () => {
    const codigos: string[] = [];
    for (let i = 0; i < 5; i++) {
      const emitido = await emitir(en(i * 61 * S), i % 2 ? 'tmacay' : 'jsmith');
      codigos.push(emitido.codigo);
      await verificar(emitido.codigo, en(i * 61 * S), i % 2 ? 'tmacay' : 'jsmith');
    }
    const tablas = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    expect(tablas.rows.length).toBeGreaterThanOrEqual(3);
    let celdas = 0;
    for (const { name } of tablas.rows) {
      const filas = await db.execute(`SELECT * FROM "${String(name)}"`);
      for (const fila of filas.rows) {
        for (const valor of Object.values(fila)) {
          if (typeof valor !== 'string') continue;
          celdas++;
          for (const codigo of codigos) expect(valor.toUpperCase()).not.toContain(codigo);
        }
      }
    }
    expect(celdas).toBeGreaterThan(20);
  });
});
