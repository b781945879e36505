/**
 * Security codes that prove ownership of a new email address (DESIGN §2, §4; table
 * `codigos_seguridad`, migration 002).
 *
 * - 8 characters of `ALFABETO_CODIGO` (~40 bits) from `crypto.randomInt` (CSPRNG, unbiased).
 * - Stored only as HMAC-SHA256(secreto, `idUsuario|correo|codigo`) in hex: a code is bound to its
 *   user and address, and a database leak does not reveal it.
 * - Valid 15 minutes (`ahora < expiraEn`), single use, 5 tries.
 * - Stored pending (`enviado_en` NULL) before it is sent; `confirmarCodigo`, once the provider took
 *   it, makes it usable and voids the user's previous ones. A code that never left (the provider
 *   refused it, did not answer, or the process died) is never usable, and the code the user already
 *   had stays valid.
 * - Limits read from the table itself (so they hold across BFF processes): 1 code per 60 s and 5 per
 *   hour per user, checked and inserted in one statement. They count the codes sent and those in
 *   flight (pending for less than `EN_VUELO_MS`, so two requests at once do not both send); a
 *   pending code older than that was lost with its process and counts for nothing.
 *
 * `verificarCodigo` counts the try and, when the code matches, consumes it, each as one atomic
 * statement on the plain client, before and outside the PUT's write batch: a try stays counted even
 * when the request then fails, or a failed wrong guess would be free. The PUT does every other check
 * first, then `verificarCodigo`, then its batch; if the batch loses a race (412), the code is spent
 * and the user requests a new one. `anularCodigo` (send failed, whatever the reason) deletes the
 * pending row: it does not count for the limits (the code request is still counted in the 20 per
 * hour of the availability check, so refused sends cannot flood an address).
 * `anularCodigosDe` / `sentenciaAnularCodigos` only mark codes void.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import { PLAZO_ENVIO_MS } from '../mail/index.js';
import type { Condicion, Ejecutor } from './ejecutor.js';
import { ALFABETO_CODIGO, LONGITUD_CODIGO, normalizarCodigo, normalizarCorreo, VIGENCIA_CODIGO_MS } from '../../contract/index.js';

const ESPERA_REENVIO_MS = 60 * 1000;
/** The window of the 5-codes-per-hour limit. */
export const VENTANA_HORA_MS = 60 * 60 * 1000;
const MAXIMO_CODIGOS_POR_HORA = 5;
const MAXIMO_INTENTOS = 5;
/** How long a pending code counts as being sent: the send's budget, with room for the writes around it. */
export const EN_VUELO_MS = PLAZO_ENVIO_MS + 5000;
/** SQL (args: the limit of in flight): the code was sent, or is being sent. */
const CUENTA = '(enviado_en IS NOT NULL OR creado_en > ?)';

export type ResultadoVerificacion = 'VALIDO' | 'INCORRECTO' | 'EXPIRADO' | 'AGOTADO';

export interface CodigoEmitido {
  /** The plain code: goes into the email and nowhere else. */
  codigo: string;
  id: string;
  expiraEn: string;
}

/** Too many codes requested: answer 429 with `Retry-After: reintentarEnS`. */
export class LimiteCodigoError extends Error {
  override readonly name = 'LimiteCodigoError';
  constructor(readonly reintentarEnS: number) {
    super(`Demasiadas solicitudes de código de seguridad; reintente en ${reintentarEnS} s.`);
  }
}

export function generarCodigo(): string {
  let codigo = '';
  for (let i = 0; i < LONGITUD_CODIGO; i++) codigo += ALFABETO_CODIGO[randomInt(ALFABETO_CODIGO.length)];
  return codigo;
}

function hashCodigo(secreto: string, idUsuario: string, correo: string, codigo: string): string {
  if (!secreto) throw new Error('Falta el secreto de los códigos de seguridad (SECRETO_CODIGOS).');
  return createHmac('sha256', secreto)
    .update(`${idUsuario}|${normalizarCorreo(correo)}|${normalizarCodigo(codigo)}`)
    .digest('hex');
}

function mas(ahora: Date, ms: number): string {
  return new Date(ahora.getTime() + ms).toISOString();
}

/**
 * Stores a pending code for `correo` (not usable yet) if the limits allow it, and forgets the user's
 * pending codes lost with their process. Throws `LimiteCodigoError`.
 */
export async function emitirCodigo(
  db: Pick<Client, 'batch' | 'execute'>,
  d: { idUsuario: string; correo: string; ahora: Date; secreto: string },
): Promise<CodigoEmitido> {
  const codigo = generarCodigo();
  const id = randomUUID();
  const expiraEn = mas(d.ahora, VIGENCIA_CODIGO_MS);
  const enVuelo = mas(d.ahora, -EN_VUELO_MS);
  const insercion: InStatement = {
    sql: `INSERT INTO codigos_seguridad (id, id_usuario, correo, hash_codigo, creado_en, expira_en, intentos)
          SELECT ?, ?, ?, ?, ?, ?, 0
          WHERE NOT EXISTS (SELECT 1 FROM codigos_seguridad WHERE id_usuario = ? AND creado_en > ? AND ${CUENTA})
            AND (SELECT count(*) FROM codigos_seguridad WHERE id_usuario = ? AND creado_en > ? AND ${CUENTA}) < ?`,
    args: [
      id,
      d.idUsuario,
      normalizarCorreo(d.correo),
      hashCodigo(d.secreto, d.idUsuario, d.correo, codigo),
      d.ahora.toISOString(),
      expiraEn,
      d.idUsuario,
      mas(d.ahora, -ESPERA_REENVIO_MS),
      enVuelo,
      d.idUsuario,
      mas(d.ahora, -VENTANA_HORA_MS),
      enVuelo,
      MAXIMO_CODIGOS_POR_HORA,
    ],
  };
  const perdidos: InStatement = {
    sql: 'DELETE FROM codigos_seguridad WHERE id_usuario = ? AND enviado_en IS NULL AND creado_en <= ?',
    args: [d.idUsuario, enVuelo],
  };
  const [resultado] = await db.batch([insercion, perdidos], 'write');
  if (resultado?.rowsAffected !== 1) {
    const proximo = await proximaEmision(db, d.idUsuario, d.ahora);
    throw new LimiteCodigoError(Math.max(1, Math.ceil((proximo.getTime() - d.ahora.getTime()) / 1000)));
  }
  return { codigo, id, expiraEn };
}

/**
 * The provider took code `id`: in one batch it becomes usable and the user's previous codes are
 * voided (only if it was still pending and not voided meanwhile, e.g. by «Usar otro correo»).
 * Returns when the user may ask for another one (60 s, or later when the hourly limit is reached).
 */
export async function confirmarCodigo(db: Pick<Client, 'batch' | 'execute'>, idUsuario: string, id: string, ahora: Date): Promise<string> {
  const momento = ahora.toISOString();
  const confirmado: Condicion = { sql: 'id <> ? AND EXISTS (SELECT 1 FROM codigos_seguridad WHERE id = ? AND enviado_en = ?)', args: [id, id, momento] };
  await db.batch(
    [
      { sql: 'UPDATE codigos_seguridad SET enviado_en = ? WHERE id = ? AND enviado_en IS NULL AND anulado_en IS NULL', args: [momento, id] },
      sentenciaAnularCodigos(idUsuario, ahora, confirmado),
    ],
    'write',
  );
  return (await proximaEmision(db, idUsuario, ahora)).toISOString();
}

/**
 * When the user may get another code: 60 s after the last one sent, and under 5 in the last hour; a
 * code in flight blocks only while it may still be (`EN_VUELO_MS` from its creation).
 */
async function proximaEmision(db: Ejecutor, idUsuario: string, ahora: Date): Promise<Date> {
  const { rows } = await db.execute({
    sql: `SELECT creado_en, enviado_en IS NOT NULL AS enviado FROM codigos_seguridad WHERE id_usuario = ? AND creado_en > ? AND ${CUENTA}
          ORDER BY creado_en DESC LIMIT ?`,
    args: [idUsuario, mas(ahora, -VENTANA_HORA_MS), mas(ahora, -EN_VUELO_MS), MAXIMO_CODIGOS_POR_HORA],
  });
  let proximo = ahora.getTime();
  for (const fila of rows) {
    proximo = Math.max(proximo, Date.parse(String(fila.creado_en)) + (Number(fila.enviado) ? ESPERA_REENVIO_MS : EN_VUELO_MS));
  }
  const quinto = rows[MAXIMO_CODIGOS_POR_HORA - 1];
  if (quinto) proximo = Math.max(proximo, Date.parse(String(quinto.creado_en)) + VENTANA_HORA_MS);
  return new Date(proximo);
}

/** The provider did not take the message: the pending code is deleted and does not count; the previous one stays. */
export async function anularCodigo(db: Ejecutor, id: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM codigos_seguridad WHERE id = ? AND enviado_en IS NULL', args: [id] });
}

/**
 * The UPDATE that voids every pending code of the user, for a `db.batch` (address changed, baja);
 * with `condicion`, only if it holds.
 */
export function sentenciaAnularCodigos(idUsuario: string, ahora: Date, condicion?: Condicion): InStatement {
  return {
    sql: `UPDATE codigos_seguridad SET anulado_en = ?
          WHERE id_usuario = ? AND anulado_en IS NULL AND usado_en IS NULL${condicion ? ` AND ${condicion.sql}` : ''}`,
    args: [ahora.toISOString(), idUsuario, ...(condicion?.args ?? [])],
  };
}

/** Voids every pending code of the user ("Usar otro correo"). */
export async function anularCodigosDe(db: Ejecutor, idUsuario: string, ahora: Date): Promise<void> {
  await db.execute(sentenciaAnularCodigos(idUsuario, ahora));
}

/** SQL (args: the user): the user's codes that were sent and not voided; the newest is the current one. */
const USABLE = 'id_usuario = ? AND anulado_en IS NULL AND enviado_en IS NOT NULL';

interface FilaCodigo {
  id: string;
  correo: string;
  expiraEn: string;
  intentos: number;
  usadoEn: string | null;
  anuladoEn: string | null;
}

async function leerCodigo(db: Ejecutor, where: string, args: string[]): Promise<FilaCodigo | null> {
  const { rows } = await db.execute({
    sql: `SELECT id, correo, expira_en, intentos, usado_en, anulado_en FROM codigos_seguridad WHERE ${where}
          ORDER BY creado_en DESC, rowid DESC LIMIT 1`,
    args,
  });
  const fila = rows[0];
  if (!fila) return null;
  return {
    id: String(fila.id),
    correo: String(fila.correo),
    expiraEn: String(fila.expira_en),
    intentos: Number(fila.intentos),
    usadoEn: fila.usado_en === null ? null : String(fila.usado_en),
    anuladoEn: fila.anulado_en === null ? null : String(fila.anulado_en),
  };
}

/** The outcome for a code that can no longer be tried. */
function estadoFinal(fila: FilaCodigo | null, momento: string): ResultadoVerificacion | null {
  if (!fila || fila.usadoEn !== null || fila.anuladoEn !== null) return 'INCORRECTO';
  if (fila.expiraEn <= momento) return 'EXPIRADO';
  if (fila.intentos >= MAXIMO_INTENTOS) return 'AGOTADO';
  return null;
}

function iguales(hexA: string, hexB: string): boolean {
  const a = Buffer.from(hexA, 'hex');
  const b = Buffer.from(hexB, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * Checks a typed code against the user's current one and, when it matches, consumes it (exactly one
 * caller wins). The try is counted before comparing; the 5th wrong try voids the code (`AGOTADO`).
 * Run on the plain client, before the update batch (see the module comment).
 */
export async function verificarCodigo(
  db: Ejecutor,
  d: { idUsuario: string; correo: string; codigo: string; ahora: Date; secreto: string },
): Promise<ResultadoVerificacion> {
  const esperado = hashCodigo(d.secreto, d.idUsuario, d.correo, d.codigo);
  const momento = d.ahora.toISOString();
  const actual = await leerCodigo(db, USABLE, [d.idUsuario]);
  const final = estadoFinal(actual, momento);
  if (final || !actual) return final ?? 'INCORRECTO';

  const intento = await db.execute({
    sql: `UPDATE codigos_seguridad SET intentos = intentos + 1
          WHERE id = ? AND intentos < ? AND usado_en IS NULL AND anulado_en IS NULL AND expira_en > ?
          RETURNING intentos, hash_codigo`,
    args: [actual.id, MAXIMO_INTENTOS, momento],
  });
  const fila = intento.rows[0];
  if (!fila) return estadoFinal(await leerCodigo(db, 'id = ?', [actual.id]), momento) ?? 'INCORRECTO';

  if (!iguales(String(fila.hash_codigo), esperado)) {
    return Number(fila.intentos) >= MAXIMO_INTENTOS ? 'AGOTADO' : 'INCORRECTO';
  }
  const consumo = await db.execute({
    sql: 'UPDATE codigos_seguridad SET usado_en = ? WHERE id = ? AND usado_en IS NULL AND anulado_en IS NULL',
    args: [momento, actual.id],
  });
  return consumo.rowsAffected === 1 ? 'VALIDO' : 'INCORRECTO';
}

export interface CodigoPendiente {
  id: string;
  /** The address the code was sent to. */
  correo: string;
  expiraEn: string;
  intentosRestantes: number;
}

/** The user's code that can still be typed (not used, voided, expired or exhausted), or null. */
export async function codigoPendiente(db: Ejecutor, idUsuario: string, ahora: Date): Promise<CodigoPendiente | null> {
  const actual = await leerCodigo(db, USABLE, [idUsuario]);
  if (!actual || estadoFinal(actual, ahora.toISOString())) return null;
  return {
    id: actual.id,
    correo: actual.correo,
    expiraEn: actual.expiraEn,
    intentosRestantes: MAXIMO_INTENTOS - actual.intentos,
  };
}

/** Tries left on the user's current code (0 when there is none), for error messages. */
export async function intentosRestantes(db: Ejecutor, idUsuario: string, ahora: Date): Promise<number> {
  return (await codigoPendiente(db, idUsuario, ahora))?.intentosRestantes ?? 0;
}
