import { sha256Hex } from '../../bff/cripto.js';
import type { BaseDeDatos } from '../../bff/db/cliente.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { crearMailer } from '../../bff/mail/index.js';
import { crearMetricas } from '../../bff/metricas.js';
import { registroSilencioso } from '../../bff/registro.js';
import { limitadorArgon2 } from '../../bff/services/contrasenas.js';
import { enlaceNuevo } from '../../bff/db/enlaces.js';
import { revertirCambioCorreo } from '../../bff/services/reversion.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const DIA = 24 * 60 * 60 * 1000;
const en = (ms: number) => new Date(T0.getTime() + ms);
const QUIEN = { ip: null, agente: null, idSolicitud: null };

const e = usarEntorno();
let db: BaseDeDatos;
beforeEach(() => {
  db = e.db;
});

async function crear(ahora = T0, idUsuario = 'tmacay'): Promise<string> {
  const { token, sentencia } = enlaceNuevo({ idUsuario, correoAnterior: 'tito.macay@example.com', correoNuevo: 'nuevo@example.com', ahora });
  await db.execute(sentencia);
  return token;
}
/** Uses the link at `ahora` (the app's clock for that call; the reset link goes to the dev outbox). */
function revertir(token: string, ahora: Date) {
  const reloj = () => ahora;
  return revertirCambioCorreo({ db, reloj, config: e.config, mailer: crearMailer(e.config, db, reloj), argon2: limitadorArgon2(), registro: registroSilencioso(), metricas: crearMetricas() }, token, QUIEN);
}

describe('revert links ("No reconozco este cambio")', () => {
  it('gives an opaque 256-bit base64url token and stores only its SHA-256', async () => {
    const token = await crear();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await db.execute('SELECT * FROM enlaces_reversion');
    expect({ ...rows[0] }).toEqual({
      hash_token: sha256Hex(token),
      id_usuario: 'tmacay',
      correo_anterior: 'tito.macay@example.com',
      correo_nuevo: 'nuevo@example.com',
      creado_en: '2026-03-01T10:00:00.000Z',
      expira_en: '2026-03-08T10:00:00.000Z',
      usado_en: null,
      anulado_en: null,
    });
    expect(await crear()).not.toBe(token);
  });

  it('works once within 7 days, then never again', async () => {
    const token = await crear();
    expect(await revertir(token, en(7 * DIA - 1))).toBe('REVERTIDO');
    expect(await revertir(token, en(7 * DIA - 1))).toBe('NO_VALIDO');
  });

  it('refuses an expired link', async () => {
    const token = await crear();
    expect(await revertir(token, en(7 * DIA))).toBe('NO_VALIDO');
    expect(await revertir(token, en(8 * DIA))).toBe('NO_VALIDO');
  });

  it('refuses unknown, altered and malformed tokens, changing nothing', async () => {
    const token = await crear();
    const alterado = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const malo of [alterado, '', 'x', `${token}=`, token.slice(1), `${token.slice(0, 42)}*`, "' OR 1=1 --"]) {
      expect(await revertir(malo, T0)).toBe('NO_VALIDO');
    }
    expect((await db.execute("SELECT estado FROM usuarios WHERE id_usuario = 'tmacay'")).rows[0]?.estado).toBe('ACTIVO');
    expect(await revertir(token, T0)).toBe('REVERTIDO');
  });

  it('reverts for exactly one of many parallel uses', async () => {
    const token = await crear();
    const resultados = await Promise.all(Array.from({ length: 10 }, () => revertir(token, en(DIA))));
    expect(resultados.filter((r) => r === 'REVERTIDO')).toHaveLength(1);
    const auditoria = await db.execute("SELECT count(*) AS n FROM auditoria WHERE evento = 'CORREO_REVERTIDO'");
    expect(auditoria.rows[0]?.n).toBe(1);
  });
});
