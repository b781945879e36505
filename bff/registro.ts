// The BFF's log: pino, one JSON line per event on stdout (production), or through the stream the
// entry gives (the demo's pino-pretty). Never a password, code, token or link: requests are logged
// by their route pattern (bff/middleware/registro.ts), errors by their message and stack.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { NivelRegistro } from './config.js';

export type Registro = Logger;

/** The process's logger at `nivel`, writing to `salida` (stdout, synchronously, by default). */
export function crearRegistro(nivel: NivelRegistro, salida?: DestinationStream): Registro {
  return pino(
    { level: nivel, timestamp: pino.stdTimeFunctions.isoTime },
    salida ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing: the default of `createApp` and `abrirBaseDeDatos` in tests. */
export function registroSilencioso(): Registro {
  return pino({ level: 'silent' });
}
