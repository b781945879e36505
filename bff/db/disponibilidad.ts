/**
 * Why the database cannot serve a request right now (each answers 503 SERVICIO_NO_DISPONIBLE with
 * Retry-After, never 500): `ocupada`, another connection holds the write lock; `no-responde`, a
 * remote database refuses connections or does not answer within the deadline; `solo-lectura`,
 * `sin-espacio` and `disco`, the file or its disk does not take writes.
 */
export type MotivoFalla = 'ocupada' | 'no-responde' | 'solo-lectura' | 'sin-espacio' | 'disco';

/** What is wrong, in Spanish, for the server log and the body of GET /api/salud (no URL, no secret). */
export const DESCRIPCION_FALLA: Record<MotivoFalla, string> = {
  ocupada: 'la base de datos está bloqueada por otra conexión',
  'no-responde': 'la base de datos no responde',
  'solo-lectura': 'la base de datos no admite escrituras: está en solo lectura',
  'sin-espacio': 'la base de datos no admite escrituras: no queda espacio en el disco',
  disco: 'la base de datos no admite escrituras: falla la lectura o escritura del disco',
};

/** A statement that failed for one of the reasons of `MotivoFalla`; the libSQL error is its `cause`. */
export class BaseNoDisponibleError extends Error {
  override name = 'BaseNoDisponibleError';
  constructor(
    readonly motivo: MotivoFalla,
    causa: unknown,
  ) {
    super(DESCRIPCION_FALLA[motivo], { cause: causa });
  }
}

/** Codes of a database server that cannot be reached (sqld / Turso over HTTP or WebSocket), or of a closed client (shutting down). */
const CODIGOS_DE_CONEXION = new Set([
  'CLIENT_CLOSED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'SERVER_ERROR',
]);

/** SQLite result codes by prefix (extended codes such as SQLITE_IOERR_WRITE included). */
const CODIGOS_SQLITE: [string, MotivoFalla][] = [
  ['SQLITE_BUSY', 'ocupada'],
  ['SQLITE_LOCKED', 'ocupada'],
  ['SQLITE_READONLY', 'solo-lectura'],
  ['SQLITE_PERM', 'solo-lectura'],
  ['SQLITE_FULL', 'sin-espacio'],
  ['SQLITE_IOERR', 'disco'],
  ['SQLITE_CANTOPEN', 'disco'],
];

/**
 * The `MotivoFalla` of `error` (or of one of its causes), or null for a fault of the statement
 * itself (a constraint, a syntax error), which stays a 500.
 */
export function motivoDeFalla(error: unknown): MotivoFalla | null {
  let actual: unknown = error;
  for (let nivel = 0; nivel < 6 && actual; nivel++) {
    if (actual instanceof BaseNoDisponibleError) return actual.motivo;
    const { code, name, message } = actual as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (CODIGOS_DE_CONEXION.has(code)) return 'no-responde';
      const sqlite = CODIGOS_SQLITE.find(([prefijo]) => code.startsWith(prefijo));
      if (sqlite) return sqlite[1];
    }
    // A deadline: ours (bff/db/cliente.ts) or the HTTP request's AbortSignal.timeout.
    if (name === 'TimeoutError') return 'no-responde';
    if (message === 'fetch failed') return 'no-responde';
    actual = (actual as { cause?: unknown }).cause;
  }
  return null;
}

/** The innermost message of an error chain, for a one-line log ("connect ECONNREFUSED …"). */
export function causaRaiz(error: unknown): string {
  let actual: unknown = error;
  while ((actual as { cause?: unknown })?.cause) actual = (actual as { cause: unknown }).cause;
  return actual instanceof Error ? actual.message : String(actual);
}
