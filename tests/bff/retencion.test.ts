// Data retention (bff/db/retencion.ts): on a database with old and live rows of every kind, the
// purge deletes only the old ones; one process at a time runs it, through the lease row.
import { describe, expect, test } from 'vitest';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { purgar, purgarSiToca, RETENCION_DIAS } from '../../bff/db/retencion.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const AHORA = new Date('2026-06-01T00:00:00.000Z');
const DIA = 24 * 60 * 60 * 1000;
/** The ISO time `dias` days before AHORA (negative: after). */
const hace = (dias: number) => new Date(AHORA.getTime() - dias * DIA).toISOString();
const AUDITORIA_DIAS = 90;

const e = usarEntorno();

/** The ids left in `tabla` (its first column), sorted. */
async function quedan(tabla: string, columna: string): Promise<string[]> {
  const { rows } = await e.db.execute(`SELECT ${columna} AS id FROM ${tabla}`);
  return rows.map((fila) => String(fila.id)).sort();
}

async function sembrarViejosYVivos(): Promise<void> {
  const sesion = (id: string, expira: string, revocada: string | null) => ({
    sql: `INSERT INTO sesiones (id, token_hash, id_usuario, creada_en, ultimo_uso_en, expira_en, expira_absoluta_en, reautenticado_en, revocada_en)
          VALUES (?, ?, 'tmacay', ?, ?, ?, ?, ?, ?)`,
    args: [id, `hash-${id}`, expira, expira, expira, expira, expira, revocada],
  });
  const codigo = (id: string, expira: string) => ({
    sql: `INSERT INTO codigos_seguridad (id, id_usuario, correo, hash_codigo, creado_en, expira_en, usado_en) VALUES (?, 'tmacay', 'a@example.com', 'h', ?, ?, ?)`,
    args: [id, expira, expira, id.includes('usado') ? expira : null],
  });
  const reversion = (id: string, expira: string) => ({
    sql: `INSERT INTO enlaces_reversion (hash_token, id_usuario, correo_anterior, correo_nuevo, creado_en, expira_en) VALUES (?, 'tmacay', 'a@example.com', 'b@example.com', ?, ?)`,
    args: [id, expira, expira],
  });
  const restablecimiento = (id: string, expira: string) => ({
    sql: `INSERT INTO enlaces_restablecimiento (hash_token, id_usuario, correo, creado_en, expira_en) VALUES (?, 'tmacay', 'a@example.com', ?, ?)`,
    args: [id, expira, expira],
  });
  const correo = (id: string, creado: string) => ({
    sql: `INSERT INTO correos_bandeja (id, para, asunto, texto, html, clave_idempotencia, creado_en) VALUES (?, 'a@example.com', 'x', 'x', 'x', ?, ?)`,
    args: [id, id, creado],
  });
  const auditoria = (evento: string, creado: string) => ({
    sql: `INSERT INTO auditoria (id_usuario, evento, creado_en) VALUES ('tmacay', ?, ?)`,
    args: [evento, creado],
  });
  const aviso = (tipo: string, creado: string) => ({
    sql: `INSERT INTO avisos_fallidos (id_usuario, tipo, para, detalle, creado_en) VALUES ('tmacay', ?, 'a@example.com', 'x', ?)`,
    args: [tipo, creado],
  });
  // A notice still owed: due again in a minute (retried), or one nobody could finish (abandoned).
  const pendiente = (id: string, creado: string) => ({
    sql: `INSERT INTO avisos_pendientes (id, id_usuario, tipo, para, contenido, creado_en, intentos, proximo_ms)
          VALUES (?, 'tmacay', 'CLAVE_MODIFICADA', 'a@example.com', 'sellado', ?, 3, ?)`,
    args: [id, creado, AHORA.getTime() + 60_000],
  });
  await e.db.batch(
    [
      'DELETE FROM auditoria',
      sesion('vencida-hace-8-dias', hace(8), null),
      sesion('revocada-hace-8-dias', hace(-1), hace(8)),
      sesion('vencida-hace-6-dias', hace(6), null),
      sesion('revocada-hace-2-dias', hace(-1), hace(2)),
      sesion('viva', hace(-0.01), null),
      codigo('usado-hace-2-dias', hace(2)),
      codigo('vencido-hace-2-dias', hace(2)),
      codigo('vencido-hace-12-horas', hace(0.5)),
      codigo('vigente', hace(-0.005)),
      reversion('vencido-hace-31-dias', hace(31)),
      reversion('vencido-hace-29-dias', hace(29)),
      reversion('vigente', hace(-6)),
      restablecimiento('vencido-hace-31-dias', hace(31)),
      restablecimiento('vencido-hace-29-dias', hace(29)),
      restablecimiento('vigente', hace(-0.02)),
      { sql: "INSERT INTO limites (clave, conteo, expira_ms) VALUES ('cerrado', 5, ?), ('abierto', 1, ?)", args: [AHORA.getTime() - 1, AHORA.getTime() + 60_000] },
      correo('hace-8-dias', hace(8)),
      correo('hace-6-dias', hace(6)),
      auditoria('HACE_91_DIAS', hace(91)),
      auditoria('HACE_89_DIAS', hace(89)),
      aviso('HACE_91_DIAS', hace(91)),
      aviso('HACE_89_DIAS', hace(89)),
      pendiente('hace-8-dias', hace(8)),
      pendiente('hace-6-dias', hace(6)),
      pendiente('hace-1-hora', hace(1 / 24)),
      { sql: "INSERT INTO solicitudes_baja (id, id_usuario, motivo, creada_en) VALUES ('hace-10-anios', 'tmacay', 'Un motivo de baja cualquiera', ?)", args: [hace(3650)] },
    ],
    'write',
  );
}

describe('the purge of expired data', () => {
  test('deletes what is past its period and keeps what is live or within it', async () => {
    await sembrarViejosYVivos();
    const borradas = await purgar(e.db, AHORA, AUDITORIA_DIAS);
    expect(borradas).toEqual({
      sesiones: 2,
      codigos_seguridad: 2,
      enlaces_reversion: 1,
      enlaces_restablecimiento: 1,
      limites: 1,
      correos_bandeja: 1,
      auditoria: 1,
      avisos_fallidos: 1,
      avisos_pendientes: 1,
    });
    expect(await quedan('sesiones', 'id')).toEqual(['revocada-hace-2-dias', 'vencida-hace-6-dias', 'viva']);
    expect(await quedan('codigos_seguridad', 'id')).toEqual(['vencido-hace-12-horas', 'vigente']);
    expect(await quedan('enlaces_reversion', 'hash_token')).toEqual(['vencido-hace-29-dias', 'vigente']);
    expect(await quedan('enlaces_restablecimiento', 'hash_token')).toEqual(['vencido-hace-29-dias', 'vigente']);
    expect(await quedan('limites', 'clave')).toEqual(['abierto']);
    expect(await quedan('correos_bandeja', 'id')).toEqual(['hace-6-dias']);
    expect(await quedan('auditoria', 'evento')).toEqual(['HACE_89_DIAS']);
    expect(await quedan('avisos_fallidos', 'tipo')).toEqual(['HACE_89_DIAS']);
    expect(await quedan('avisos_pendientes', 'id')).toEqual(['hace-1-hora', 'hace-6-dias']);
    // Users and baja requests are never purged.
    expect(await quedan('solicitudes_baja', 'id')).toEqual(['hace-10-anios']);
    expect((await quedan('usuarios', 'id_usuario')).length).toBe(4);
    // A second run finds nothing more.
    expect(Object.values(await purgar(e.db, AHORA, AUDITORIA_DIAS)).every((n) => n === 0)).toBe(true);
  });

  test('the periods are the documented ones', () => {
    expect(RETENCION_DIAS).toEqual({ sesiones: 7, codigos: 1, enlaces: 30, bandeja: 7, avisos: 7 });
  });

  test('deletes in batches until nothing old is left (1 200 spent counters)', async () => {
    await e.db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
            INSERT INTO limites (clave, conteo, expira_ms) SELECT 'viejo:' || i, 1, ? FROM n`,
      args: [AHORA.getTime() - 1000],
    });
    expect((await purgar(e.db, AHORA, AUDITORIA_DIAS)).limites).toBe(1200);
    expect(await quedan('limites', 'clave')).toEqual([]);
  });
});

describe('one process at a time: the hour\'s lease', () => {
  test('of two processes asking at once, one purges; nobody else within the hour; after it, one again', async () => {
    const otra = await abrirBaseDeDatos(e.url, { tiempoLimiteMs: 5000 });
    try {
      await sembrarViejosYVivos();
      const d = (titular: string, ahora = AHORA) => ({ titular, ahora, retencionAuditoriaDias: AUDITORIA_DIAS });
      const [a, b] = await Promise.all([purgarSiToca(e.db, d('proceso-a')), purgarSiToca(otra, d('proceso-b'))]);
      expect([a, b].filter((r) => r !== null)).toEqual([expect.objectContaining({ sesiones: 2, auditoria: 1 })]);
      const titular = a ? 'proceso-a' : 'proceso-b';
      expect((await e.db.execute('SELECT titular, vence_ms FROM arrendamientos')).rows.map((f) => ({ ...f }))).toEqual([
        { titular, vence_ms: AHORA.getTime() + 60 * 60 * 1000 },
      ]);
      // Within the hour nobody runs it again, not even the holder.
      const casiUnaHora = new Date(AHORA.getTime() + 59 * 60 * 1000);
      expect(await purgarSiToca(otra, d('proceso-b', casiUnaHora))).toBeNull();
      expect(await purgarSiToca(e.db, d('proceso-a', casiUnaHora))).toBeNull();
      // An hour later, whoever asks first takes it.
      const unaHora = new Date(AHORA.getTime() + 60 * 60 * 1000);
      expect(await purgarSiToca(otra, d('proceso-c', unaHora))).not.toBeNull();
      expect(await purgarSiToca(e.db, d('proceso-a', unaHora))).toBeNull();
    } finally {
      otra.close();
    }
  });
});
