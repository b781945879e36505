// Run as a separate process by tests: holds the write lock of the database at argv[2]
// (BEGIN IMMEDIATE) and prints "bloqueada"; on a line (or end) of stdin rolls back and exits.
import { createClient } from '@libsql/client';

const db = createClient({ url: process.argv[2]! });
const tx = await db.transaction('write');
console.log('bloqueada');
const liberar = async () => {
  await tx.rollback();
  db.close();
  process.exit(0);
};
process.stdin.once('data', liberar).once('end', liberar);
