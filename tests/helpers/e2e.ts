// The end-to-end tests' harness: the user's steps (./e2e-pasos.js) plus `usarEntornoE2e()`, the
// vitest hooks that give each test file its own server and browser. Scripts import ./e2e-pasos.ts.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { abrirNavegador, abrirPagina, arrancarServidor, recordarSecretos, type PaginaVigilada, type ServidorE2e } from './e2e-pasos.js';

export * from './e2e-pasos.js';

export interface EntornoE2e {
  /**
   * The file's server (demo/server.ts on free loopback ports, its own temp database). Closing it
   * after the file fails the file if its log holds a password, code, token or link the pages sent
   * or received, or the dev outbox held.
   */
  readonly servidor: ServidorE2e;
  readonly navegador: Browser;
  /** A fresh context and page with its watcher; closed by `cerrarPaginas()` or after the file. */
  abrirPagina(opciones?: Parameters<typeof abrirPagina>[1]): Promise<PaginaVigilada>;
  cerrarPaginas(): Promise<void>;
}

/**
 * Registers, in the calling test file, a `beforeAll` that starts the server and Chromium together
 * and an `afterAll` that closes the pages, the browser and the server (whichever had started).
 */
export function usarEntornoE2e(): EntornoE2e {
  let servidor: ServidorE2e | undefined;
  let navegador: Browser | undefined;
  const abiertas: PaginaVigilada[] = [];

  beforeAll(async () => {
    await Promise.all([arrancarServidor().then((s) => (servidor = s)), abrirNavegador().then((n) => (navegador = n))]);
  });

  const entorno: EntornoE2e = {
    get servidor() {
      if (!servidor) throw new Error('el servidor aún no arrancó: úselo dentro de una prueba');
      return servidor;
    },
    get navegador() {
      if (!navegador) throw new Error('el navegador aún no se abrió: úselo dentro de una prueba');
      return navegador;
    },
    async abrirPagina(opciones) {
      const abierta = await abrirPagina(entorno.navegador, opciones);
      abiertas.push(abierta);
      const { secretos } = entorno.servidor;
      abierta.contexto.on('request', (pedido) => recordarSecretos(secretos, pedido.postData()));
      abierta.contexto.on('response', (respuesta) => {
        const renovado = respuesta.headers()['x-token-sesion'];
        if (renovado) secretos.add(renovado);
        if (respuesta.request().method() !== 'POST' || !respuesta.url().endsWith('/api/sesiones') || respuesta.status() !== 201) return;
        respuesta.json().then(
          ({ token }: { token: string }) => secretos.add(token),
          () => {}, // the page navigated away before the body was read; its token was not seen
        );
      });
      return abierta;
    },
    async cerrarPaginas() {
      for (const { contexto } of abiertas.splice(0)) await contexto.close();
    },
  };

  afterAll(async () => {
    await entorno.cerrarPaginas();
    await navegador?.close();
    await servidor?.cerrar();
  });
  return entorno;
}
