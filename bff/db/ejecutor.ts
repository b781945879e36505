import type { InValue, Transaction } from '@libsql/client';

/** Anything that runs one statement: the client or an open transaction. */
export type Ejecutor = Pick<Transaction, 'execute'>;

/** A SQL condition a batch statement may be made to depend on, e.g. `EXISTS (…)`. */
export interface Condicion {
  sql: string;
  args: InValue[];
}
