// The vitest side of tests/helpers/bff.ts (kept apart so plain scripts can import bff.ts).
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { crearEntorno, type EntornoDePrueba, type OpcionesEntorno } from './bff.js';

/** One fresh environment per test (default), or one for the whole file. */
export type Alcance = 'cada prueba' | 'todo el archivo';

/**
 * Registers the hooks that build the environment (before each test, or once for the file) and close
 * it afterwards, and returns a live object: once the hook has run, its fields are that environment's.
 * `opciones` may be a function, called when the environment is built (for a value known only then).
 */
export function usarEntorno(
  opciones: OpcionesEntorno | (() => OpcionesEntorno) = {},
  alcance: Alcance = 'cada prueba',
): EntornoDePrueba {
  const vivo = {} as EntornoDePrueba;
  const abrir = async () => {
    Object.assign(vivo, await crearEntorno(typeof opciones === 'function' ? opciones() : opciones));
  };
  if (alcance === 'cada prueba') {
    beforeEach(abrir);
    afterEach(() => vivo.cerrar());
  } else {
    beforeAll(abrir);
    afterAll(() => vivo.cerrar());
  }
  return vivo;
}
