// A small sqld for tests: the Hrana 2 protocol over HTTP (POST /v2/pipeline, JSON), what
// @libsql/client's `http:` client speaks, backed by a local libSQL file. It can be made silent:
// it accepts the connection and the request and never answers (a database that hangs).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, LibsqlError, type Client, type InValue, type ResultSet, type Transaction } from '@libsql/client';

export interface HranaFalso {
  /** `http://127.0.0.1:<port>`, for DATABASE_URL. */
  url: string;
  /** Silent: requests are held and never answered. Turning it off drops the held ones. */
  silencioso: boolean;
  cerrar(): Promise<void>;
}

type ValorHrana =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

interface SentenciaHrana {
  sql?: string;
  sql_id?: number;
  args?: ValorHrana[];
  named_args?: { name: string; value: ValorHrana }[];
}

type Condicion =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: Condicion }
  | { type: 'and' | 'or'; conds: Condicion[] }
  | { type: 'is_autocommit' };

type Pedido =
  | { type: 'execute'; stmt: SentenciaHrana }
  | { type: 'batch'; batch: { steps: { condition?: Condicion; stmt: SentenciaHrana }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' };

/** One Hrana stream: its stored SQL texts and the transaction its BEGIN opened, if any. */
interface Flujo {
  sqls: Map<number, string>;
  tx: Transaction | null;
}

function aValor(valor: ValorHrana): InValue {
  switch (valor.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(valor.value);
    case 'float':
    case 'text':
      return valor.value;
    case 'blob':
      return Buffer.from(valor.base64, 'base64');
  }
}

function deValor(valor: unknown): ValorHrana {
  if (valor === null || valor === undefined) return { type: 'null' };
  if (typeof valor === 'bigint') return { type: 'integer', value: String(valor) };
  if (typeof valor === 'number') return { type: 'float', value: valor };
  if (typeof valor === 'string') return { type: 'text', value: valor };
  return { type: 'blob', base64: Buffer.from(valor as ArrayBuffer).toString('base64') };
}

function resultado(r: ResultSet) {
  return {
    cols: r.columns.map((name, i) => ({ name, decltype: r.columnTypes[i] ?? null })),
    rows: r.rows.map((fila) => Array.from({ length: r.columns.length }, (_, i) => deValor(fila[i]))),
    affected_row_count: r.rowsAffected,
    last_insert_rowid: r.lastInsertRowid === undefined ? null : String(r.lastInsertRowid),
  };
}

function errorHrana(error: unknown) {
  return { message: error instanceof Error ? error.message : String(error), code: error instanceof LibsqlError ? error.code : 'UNKNOWN' };
}

const SIN_FILAS = { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null };

/** Runs one statement on the stream; BEGIN, COMMIT/END and ROLLBACK open and close its transaction. */
async function ejecutar(db: Client, flujo: Flujo, s: SentenciaHrana) {
  const sql = s.sql ?? flujo.sqls.get(s.sql_id ?? -1) ?? '';
  const inicio = /^\s*BEGIN(?:\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?/i.exec(sql);
  if (inicio) {
    flujo.tx = await db.transaction(/DEFERRED/i.test(inicio[1] ?? 'DEFERRED') ? 'deferred' : 'write');
    return SIN_FILAS;
  }
  if (/^\s*(COMMIT|END|ROLLBACK)\b/i.test(sql) && flujo.tx) {
    const tx = flujo.tx;
    flujo.tx = null;
    await (/ROLLBACK/i.test(sql) ? tx.rollback() : tx.commit());
    return SIN_FILAS;
  }
  const args = s.named_args?.length
    ? Object.fromEntries(s.named_args.map(({ name, value }) => [name, aValor(value)]))
    : (s.args ?? []).map(aValor);
  return resultado(await (flujo.tx ?? db).execute({ sql, args }));
}

function cumple(condicion: Condicion | undefined, flujo: Flujo, hechos: (object | null)[], errores: (object | null)[]): boolean {
  if (!condicion) return true;
  switch (condicion.type) {
    case 'ok':
      return hechos[condicion.step] != null;
    case 'error':
      return errores[condicion.step] != null;
    case 'not':
      return !cumple(condicion.cond, flujo, hechos, errores);
    case 'and':
      return condicion.conds.every((c) => cumple(c, flujo, hechos, errores));
    case 'or':
      return condicion.conds.some((c) => cumple(c, flujo, hechos, errores));
    case 'is_autocommit':
      return flujo.tx === null;
  }
}

async function atender(db: Client, flujo: Flujo, pedido: Pedido): Promise<object> {
  switch (pedido.type) {
    case 'execute':
      return { type: 'execute', result: await ejecutar(db, flujo, pedido.stmt) };
    case 'batch': {
      const hechos: (object | null)[] = [];
      const errores: (object | null)[] = [];
      for (const paso of pedido.batch.steps) {
        let hecho = null;
        let error = null;
        if (cumple(paso.condition, flujo, hechos, errores)) {
          try {
            hecho = await ejecutar(db, flujo, paso.stmt);
          } catch (e) {
            error = errorHrana(e);
          }
        }
        hechos.push(hecho);
        errores.push(error);
      }
      return { type: 'batch', result: { step_results: hechos, step_errors: errores } };
    }
    case 'sequence':
      await (flujo.tx ?? db).executeMultiple(pedido.sql ?? flujo.sqls.get(pedido.sql_id ?? -1) ?? '');
      return { type: 'sequence' };
    case 'store_sql':
      flujo.sqls.set(pedido.sql_id, pedido.sql);
      return { type: 'store_sql' };
    case 'close_sql':
      flujo.sqls.delete(pedido.sql_id);
      return { type: 'close_sql' };
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: flujo.tx === null };
    case 'close':
      flujo.tx?.close();
      flujo.tx = null;
      return { type: 'close' };
  }
}

/** Starts the fake on a free loopback port, serving the libSQL file at `urlArchivo`. */
export async function arrancarHranaFalso(urlArchivo: string): Promise<HranaFalso> {
  const db = createClient({ url: urlArchivo, intMode: 'bigint' });
  const flujos = new Map<string, Flujo>();
  const retenidas = new Set<ServerResponse>();
  let silencioso = false;
  let siguiente = 0;
  const servidor = createServer(async (peticion, respuesta) => {
    if (silencioso) {
      retenidas.add(respuesta);
      return;
    }
    let cuerpo = '';
    for await (const parte of peticion) cuerpo += String(parte);
    if (peticion.method !== 'POST' || peticion.url !== '/v2/pipeline') {
      respuesta.writeHead(404, { 'Content-Type': 'text/plain' }).end('no encontrado');
      return;
    }
    const { baton, requests } = JSON.parse(cuerpo) as { baton?: string | null; requests: Pedido[] };
    const flujo = (baton && flujos.get(baton)) || { sqls: new Map(), tx: null };
    if (baton) flujos.delete(baton);
    const results = [];
    let cerrado = false;
    for (const pedido of requests) {
      try {
        results.push({ type: 'ok', response: await atender(db, flujo, pedido) });
      } catch (error) {
        results.push({ type: 'error', error: errorHrana(error) });
      }
      if (pedido.type === 'close') cerrado = true;
    }
    let nuevoBaton: string | null = null;
    if (!cerrado) {
      nuevoBaton = `b${++siguiente}`;
      flujos.set(nuevoBaton, flujo);
    }
    respuesta.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ baton: nuevoBaton, base_url: null, results }));
  });
  await new Promise<void>((listo) => servidor.listen(0, '127.0.0.1', listo));
  const soltar = () => {
    for (const r of retenidas) r.socket?.destroy();
    retenidas.clear();
  };
  return {
    url: `http://127.0.0.1:${(servidor.address() as AddressInfo).port}`,
    get silencioso() {
      return silencioso;
    },
    set silencioso(valor: boolean) {
      silencioso = valor;
      if (!valor) soltar();
    },
    async cerrar() {
      soltar();
      servidor.closeAllConnections();
      await new Promise((listo) => servidor.close(listo));
      for (const flujo of flujos.values()) flujo.tx?.close();
      db.close();
    },
  };
}
