import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consumirEnlaceReversion, crearEnlaceReversion } from '../../bff/services/reversion.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const DIA = 24 * 60 * 60 * 1000;
const en = (ms: number) => new Date(T0.getTime() + ms);

let dir: string;
let db: Client;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mug-reversion-'));
  db = createClient({ url: `file:${join(dir, 'prueba.db')}` });
  const sql = await readFile(new URL('../../bff/db/migraciones/002_correo.sql', import.meta.url), 'utf8');
  const tx = await db.transaction('write');
  await tx.executeMultiple(sql);
  await tx.commit();
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const crear = (ahora = T0, idUsuario = 'tmacay') =>
  crearEnlaceReversion(db, { idUsuario, correoAnterior: 'tito.macay@example.com', correoNuevo: 'nuevo@example.com', ahora });

describe('revert links ("No reconozco este cambio")', () => {
  it('gives an opaque 256-bit base64url token and stores only its SHA-256', async () => {
    const token = await crear();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await db.execute('SELECT * FROM enlaces_reversion');
    expect({ ...rows[0] }).toEqual({
      hash_token: createHash('sha256').update(token).digest('hex'),
      id_usuario: 'tmacay',
      correo_anterior: 'tito.macay@example.com',
      correo_nuevo: 'nuevo@example.com',
      creado_en: '2026-03-01T10:00:00.000Z',
      expira_en: '2026-03-08T10:00:00.000Z',
      usado_en: null,
    });
    expect(await crear()).not.toBe(token);
  });

  it('works once within 7 days, then never again', async () => {
    const token = await crear();
    expect(await consumirEnlaceReversion(db, token, en(7 * DIA - 1))).toEqual({
      idUsuario: 'tmacay',
      correoAnterior: 'tito.macay@example.com',
      correoNuevo: 'nuevo@example.com',
    });
    expect(await consumirEnlaceReversion(db, token, en(7 * DIA - 1))).toBeNull();
  });

  it('refuses an expired link', async () => {
    const token = await crear();
    expect(await consumirEnlaceReversion(db, token, en(7 * DIA))).toBeNull();
    expect(await consumirEnlaceReversion(db, token, en(8 * DIA))).toBeNull();
  });

  it('refuses unknown, altered and malformed tokens', async () => {
    const token = await crear();
    const alterado = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const malo of [alterado, '', 'x', `${token}=`, token.slice(1), `${token.slice(0, 42)}*`, "' OR 1=1 --"]) {
      expect(await consumirEnlaceReversion(db, malo, T0)).toBeNull();
    }
    expect(await consumirEnlaceReversion(db, token, T0)).not.toBeNull();
  });

  it('gives the data to exactly one of many parallel uses', async () => {
    const token = await crear();
    const resultados = await Promise.all(Array.from({ length: 10 }, () => consumirEnlaceReversion(db, token, en(DIA))));
    expect(resultados.filter((r) => r !== null)).toHaveLength(1);
  });

  it('a rolled-back transaction leaves the link usable', async () => {
    const token = await crear();
    const tx = await db.transaction('write');
    expect(await consumirEnlaceReversion(tx, token, en(DIA))).not.toBeNull();
    await tx.rollback();
    expect(await consumirEnlaceReversion(db, token, en(DIA))).not.toBeNull();
  });
});
