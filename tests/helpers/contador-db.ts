// Counts the app's round trips to the database: a wrapper of the `BaseDeDatos` the app is built
// with, recording every call (a statement or a batch) with its SQL and whether it writes.
import type { InArgs, InStatement, TransactionMode } from '@libsql/client';
import type { BaseDeDatos } from '../../bff/db/cliente.js';

export interface Llamada {
  tipo: 'execute' | 'batch' | 'otra';
  sentencias: { sql: string; args?: InArgs }[];
  /** A batch in `write` mode, or a statement that is not a read. */
  escribe: boolean;
}

export interface BaseContada {
  /** Give this to `createApp`. */
  db: BaseDeDatos;
  /** The calls since the last `reiniciar`. */
  llamadas: Llamada[];
  reiniciar(): void;
  escrituras(): Llamada[];
}

const LECTURA = /^\s*(SELECT|WITH|EXPLAIN)\b/i;

function sentenciaDe(sentencia: InStatement | [string, InArgs?] | string, args?: InArgs): { sql: string; args?: InArgs } {
  if (typeof sentencia === 'string') return { sql: sentencia, args };
  return Array.isArray(sentencia) ? { sql: sentencia[0], args: sentencia[1] } : sentencia;
}

/** `db` behind a counter; the original keeps working uncounted (for the test's own setup and checks). */
export function contarLlamadas(db: BaseDeDatos): BaseContada {
  const llamadas: Llamada[] = [];
  const envuelta = new Proxy(db, {
    get(objetivo, propiedad) {
      const valor: unknown = Reflect.get(objetivo, propiedad, objetivo);
      if (typeof valor !== 'function') return valor;
      const metodo = valor as (...args: unknown[]) => unknown;
      if (propiedad === 'execute') {
        return (sentencia: InStatement | string, args?: InArgs) => {
          const una = sentenciaDe(sentencia, args);
          llamadas.push({ tipo: 'execute', sentencias: [una], escribe: !LECTURA.test(una.sql) });
          return metodo.call(objetivo, sentencia, args);
        };
      }
      if (propiedad === 'batch') {
        return (sentencias: Array<InStatement | [string, InArgs?]>, modo?: TransactionMode) => {
          const varias = sentencias.map((s) => sentenciaDe(s));
          llamadas.push({ tipo: 'batch', sentencias: varias, escribe: modo === 'write' || varias.some((s) => !LECTURA.test(s.sql)) });
          return metodo.call(objetivo, sentencias, modo);
        };
      }
      if (['executeMultiple', 'migrate', 'transaction', 'sync', 'comprobarEscritura'].includes(String(propiedad))) {
        return (...args: unknown[]) => {
          llamadas.push({ tipo: 'otra', sentencias: [{ sql: String(propiedad) }], escribe: true });
          return metodo.apply(objetivo, args);
        };
      }
      return metodo.bind(objetivo);
    },
  });
  return {
    db: envuelta,
    llamadas,
    reiniciar: () => void llamadas.splice(0),
    escrituras: () => llamadas.filter((l) => l.escribe),
  };
}
