import { ErrorRed } from './api.js';

/**
 * Waits for a rarely used part (the baja and re-authentication dialogs, the built-in login, the
 * activity panel), fetched with `import()` the first time it is needed so the first load stays
 * small. A module that cannot be fetched is a network failure, shown as one.
 */
export function cargarParte<T>(modulo: Promise<T>): Promise<T> {
  return modulo.catch(() => {
    throw new ErrorRed('parte');
  });
}

/** `cargar` once: every caller gets the same promise; after a failure the next call tries again. */
export function unaVez<T>(cargar: () => Promise<T>): () => Promise<T> {
  let promesa: Promise<T> | undefined;
  return () =>
    (promesa ??= cargar().catch((e: unknown) => {
      promesa = undefined;
      throw e;
    }));
}

/**
 * `@customElement(tag)` that tolerates a second copy of the element in the page (the package and
 * the BFF's /widget/ file, or two versions): the first definition stays and the second copy's
 * module still loads. Only the main element needs it: the `mug-*` sub-elements are lazy parts,
 * fetched by the copy whose element is defined.
 */
export function definirUnaVez(tag: string) {
  return (clase: CustomElementConstructor): void => {
    if (!customElements.get(tag)) customElements.define(tag, clase);
  };
}
