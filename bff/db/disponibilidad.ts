/** Codes of a database server that cannot be reached (sqld / Turso over HTTP or WebSocket). */
const CODIGOS_DE_CONEXION = new Set([
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

/**
 * True when `error` (or one of its causes) says the database could not be reached, as opposed to
 * a fault of the statement: the answer is then 503 SERVICIO_NO_DISPONIBLE, not 500.
 */
export function esErrorDeConexion(error: unknown): boolean {
  let actual: unknown = error;
  for (let nivel = 0; nivel < 6 && actual; nivel++) {
    const { code, message } = actual as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CODIGOS_DE_CONEXION.has(code)) return true;
    if (message === 'fetch failed') return true;
    actual = (actual as { cause?: unknown }).cause;
  }
  return false;
}

/** The innermost message of an error chain, for a one-line log ("connect ECONNREFUSED …"). */
export function causaRaiz(error: unknown): string {
  let actual: unknown = error;
  while ((actual as { cause?: unknown })?.cause) actual = (actual as { cause: unknown }).cause;
  return actual instanceof Error ? actual.message : String(actual);
}
