import type { Transaction } from '@libsql/client';

/** Anything that runs one statement: the client or an open transaction. */
export type Ejecutor = Pick<Transaction, 'execute'>;
