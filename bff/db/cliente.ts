import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createClient,
  type Client,
  type InArgs,
  type InStatement,
  type Replicated,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';
import { registroSilencioso, type Registro } from '../registro.js';
import { BaseNoDisponibleError, causaRaiz, motivoDeFalla, type MotivoFalla } from './disponibilidad.js';

/** Longest wait for another connection's write lock, retried without blocking the event loop. */
const ESPERA_BLOQUEO_MS = 2000;
/** The write probe of GET /api/salud waits less: readiness answers at once. */
const ESPERA_BLOQUEO_SONDEO_MS = 250;
/** Pause between two `SELECT 1` of a database marked as not answering. */
const INTERVALO_SONDEO_MS = 1000;
/** How long a disk fault met by a request keeps the write probe failing, unless a write batch succeeds. */
const VENTANA_FALLA_DISCO_MS = 60_000;

/** The write of the probe: one row, rewritten in place (migration 007). */
const SONDEO_ESCRITURA =
  "INSERT INTO sondeo_escritura (id, escrito_en) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ')) ON CONFLICT (id) DO UPDATE SET escrito_en = excluded.escrito_en";

export interface OpcionesBase {
  authToken?: string;
  /** Deadline of each statement (DB_TIEMPO_LIMITE_MS). */
  tiempoLimiteMs: number;
  /** Where "does not answer" and "answers again" are logged (nowhere by default). */
  registro?: Registro;
  /** Told of every statement that fails with a `BaseNoDisponibleError` (the metrics count them). */
  alFallar?: (motivo: MotivoFalla) => void;
}

/**
 * Opens the database. `file:` URLs get WAL (readers never wait for the writer);
 * `libsql://` and `https://` go to sqld / Turso.
 */
export async function abrirBaseDeDatos(url: string, { authToken, tiempoLimiteMs, registro, alFallar }: OpcionesBase): Promise<BaseDeDatos> {
  const esArchivo = url.startsWith('file:');
  if (esArchivo && !url.includes(':memory:')) await mkdir(dirname(rutaDeArchivo(url)), { recursive: true });
  const cliente = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    // No busy timeout on files: SQLite would wait for a lock on the event loop (BaseDeDatos retries).
    // An HTTP request past the deadline is answered 503 by BaseDeDatos; it is aborted a little later
    // to free its socket and its place in the client's queue.
    ...(esArchivo ? {} : { fetch: (pedido: Request) => fetch(pedido, { signal: AbortSignal.timeout(2 * tiempoLimiteMs) }) }),
  });
  const db = new BaseDeDatos(cliente, tiempoLimiteMs, registro ?? registroSilencioso(), alFallar);
  // WAL persists in the file.
  if (esArchivo) await db.execute('PRAGMA journal_mode = WAL');
  return db;
}

/** `file:./data/x.db` → `./data/x.db`; `file:///tmp/x.db` → `/tmp/x.db`. */
function rutaDeArchivo(url: string): string {
  const sinConsulta = url.split('?')[0]!;
  return sinConsulta.startsWith('file://') ? fileURLToPath(sinConsulta) : sinConsulta.slice('file:'.length);
}

function esperar(ms: number): Promise<void> {
  return new Promise((listo) => setTimeout(listo, ms));
}

/** `promesa`, or a TimeoutError after `ms` (the statement may still run; its result is dropped). */
async function conPlazo<T>(promesa: Promise<T>, ms: number): Promise<T> {
  let temporizador: NodeJS.Timeout | undefined;
  const vencido = new Promise<never>((_, rechazar) => {
    temporizador = setTimeout(() => rechazar(new DOMException(`la base de datos no respondió en ${ms} ms`, 'TimeoutError')), ms);
  });
  try {
    return await Promise.race([promesa, vencido]);
  } finally {
    clearTimeout(temporizador);
  }
}

interface Vigilancia {
  /** How long `ocupada` is retried. */
  esperaBloqueoMs?: number;
  /** A write batch: its success clears a disk fault met before. */
  escritura?: boolean;
}

/**
 * The libSQL client every route uses (docs/decisiones.md, "Fallas de la base de datos"). Each call
 * gets the deadline; a lock is retried with pauses that leave the event loop free; a fault of
 * `MotivoFalla` becomes a `BaseNoDisponibleError` (503). A remote that does not answer is marked
 * down: calls fail at once until a `SELECT 1` every second succeeds. No statement is added.
 */
export class BaseDeDatos implements Client {
  readonly #cliente: Client;
  readonly #tiempoLimiteMs: number;
  readonly #registro: Registro;
  readonly #alFallar: ((motivo: MotivoFalla) => void) | undefined;
  /** Why the database was marked down, or null while it answers. */
  #caida: unknown = null;
  #sondeo: NodeJS.Timeout | undefined;
  #fallaDeDisco: { error: BaseNoDisponibleError; en: number } | null = null;

  constructor(cliente: Client, tiempoLimiteMs: number, registro: Registro, alFallar?: (motivo: MotivoFalla) => void) {
    this.#cliente = cliente;
    this.#tiempoLimiteMs = tiempoLimiteMs;
    this.#registro = registro;
    this.#alFallar = alFallar;
  }

  get closed(): boolean {
    return this.#cliente.closed;
  }

  get protocol(): string {
    return this.#cliente.protocol;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(sentencia: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.#vigilar(() =>
      typeof sentencia === 'string' ? this.#cliente.execute(sentencia, args) : this.#cliente.execute(sentencia),
    );
  }

  batch(sentencias: Array<InStatement | [string, InArgs?]>, modo?: TransactionMode): Promise<ResultSet[]> {
    return this.#vigilar(() => this.#cliente.batch(sentencias, modo), { escritura: modo === 'write' });
  }

  migrate(sentencias: InStatement[]): Promise<ResultSet[]> {
    return this.#vigilar(() => this.#cliente.migrate(sentencias));
  }

  executeMultiple(sql: string): Promise<void> {
    return this.#vigilar(() => this.#cliente.executeMultiple(sql));
  }

  sync(): Promise<Replicated> {
    return this.#vigilar(() => this.#cliente.sync());
  }

  /** An interactive transaction (migrations only: docs/decisiones.md); its statements keep the deadline. */
  async transaction(modo?: TransactionMode): Promise<Transaction> {
    const tx = await this.#vigilar(() => this.#cliente.transaction(modo));
    const vigilar = <T>(op: () => Promise<T>) => this.#vigilar(op, { esperaBloqueoMs: 0 });
    return {
      execute: (sentencia) => vigilar(() => tx.execute(sentencia)),
      batch: (sentencias) => vigilar(() => tx.batch(sentencias)),
      executeMultiple: (sql) => vigilar(() => tx.executeMultiple(sql)),
      rollback: () => vigilar(() => tx.rollback()),
      commit: () => vigilar(() => tx.commit()),
      close: () => tx.close(),
      get closed() {
        return tx.closed;
      },
    };
  }

  reconnect(): Promise<void> {
    return Promise.resolve(this.#cliente.reconnect());
  }

  close(): void {
    clearTimeout(this.#sondeo);
    this.#cliente.close();
  }

  /**
   * Readiness (GET /api/salud, the start): one committed write. The fault that stops writes, if
   * any: the probe's own, or a disk fault a request met in the last minute (a full disk may still
   * take the probe's in-place rewrite while an INSERT needs a new page).
   */
  async comprobarEscritura(): Promise<BaseNoDisponibleError | null> {
    try {
      await this.#vigilar(() => this.#cliente.execute(SONDEO_ESCRITURA), { esperaBloqueoMs: ESPERA_BLOQUEO_SONDEO_MS });
    } catch (error) {
      if (error instanceof BaseNoDisponibleError) return error;
      throw error;
    }
    const falla = this.#fallaDeDisco;
    return falla && Date.now() - falla.en < VENTANA_FALLA_DISCO_MS ? falla.error : null;
  }

  async #vigilar<T>(op: () => Promise<T>, { esperaBloqueoMs = ESPERA_BLOQUEO_MS, escritura = false }: Vigilancia = {}): Promise<T> {
    if (this.#caida !== null) {
      this.#alFallar?.('no-responde');
      throw new BaseNoDisponibleError('no-responde', this.#caida);
    }
    const hasta = Date.now() + esperaBloqueoMs;
    for (let pausa = 2; ; pausa = Math.min(pausa * 2, 50)) {
      try {
        const resultado = await conPlazo(op(), this.#tiempoLimiteMs);
        if (escritura) this.#fallaDeDisco = null;
        return resultado;
      } catch (error) {
        const motivo = motivoDeFalla(error);
        if (motivo === null) throw error;
        // A file's connections are dropped after a lock: the statement that met it stays "in
        // progress" on its pooled connection until the garbage collector finalises it, and every
        // COMMIT there fails meanwhile ("cannot commit transaction - SQL statements in progress",
        // docs/decisiones.md). And after a read-only fault: SQLite opened the file read-only and the
        // connection would stay so once the file takes writes again.
        if (this.protocol === 'file' && (motivo === 'ocupada' || motivo === 'solo-lectura')) await this.#cliente.reconnect();
        if (motivo === 'ocupada' && Date.now() + pausa < hasta) {
          await esperar(pausa);
          continue;
        }
        const falla = new BaseNoDisponibleError(motivo, error);
        this.#alFallar?.(motivo);
        if (motivo === 'no-responde') this.#marcarCaida(error);
        else if (motivo !== 'ocupada') this.#fallaDeDisco = { error: falla, en: Date.now() };
        throw falla;
      }
    }
  }

  /** From now on every call fails at once, until a `SELECT 1` answers within the deadline. */
  #marcarCaida(error: unknown): void {
    if (this.#caida !== null || this.#cliente.closed) return;
    this.#caida = error;
    this.#registro.error(
      `La base de datos no responde (${causaRaiz(error)}): se responde 503 sin consultarla hasta que vuelva (se comprueba cada ${INTERVALO_SONDEO_MS / 1000} s).`,
    );
    const sondear = async () => {
      try {
        // A new connection: the old one may be stuck on a request that never got an answer.
        await this.#cliente.reconnect();
        await conPlazo(this.#cliente.execute('SELECT 1'), this.#tiempoLimiteMs);
        this.#caida = null;
        this.#registro.info('La base de datos vuelve a responder.');
      } catch {
        if (!this.#cliente.closed) this.#sondeo = setTimeout(sondear, INTERVALO_SONDEO_MS).unref();
      }
    };
    this.#sondeo = setTimeout(sondear, INTERVALO_SONDEO_MS).unref();
  }
}
