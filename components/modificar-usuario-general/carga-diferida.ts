import { ErrorRed } from './api.js';

let carga: Promise<unknown> | undefined;

/**
 * Loads diferido.ts once (the element asks for it right after its first render, and again before
 * each use, so a failed load is retried). A failure is a network failure: the caller shows it
 * with «Reintentar».
 */
export function cargarDiferido(): Promise<unknown> {
  carga ??= import('./diferido.js').catch((error: unknown) => {
    carga = undefined;
    throw new ErrorRed(String(error));
  });
  return carga;
}
