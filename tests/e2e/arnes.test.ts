// The harness itself: the watcher flags what it must and lets through what a test declares, and
// the server child starts on free ports and is gone after cerrar().
import { describe, expect, test } from 'vitest';
import { arrancarServidor, usarEntornoE2e } from '../helpers/e2e.js';
import { puertoLibre } from '../helpers/puerto.mjs';

const entorno = usarEntornoE2e();

describe('end-to-end harness', () => {
  test('the watcher reports console errors, exceptions, failed requests and undeclared error answers', async () => {
    const { servidor } = entorno;
    const { contexto, pagina, vigilante } = await entorno.abrirPagina();
    try {
      await pagina.goto(`${servidor.url}/api/salud`);
      const cerrado = await puertoLibre();
      await pagina.evaluate(async () => {
        console.error('algo salió mal');
        setTimeout(() => {
          throw new Error('sin capturar');
        });
        await fetch('/api/no-existe').catch(() => undefined);
      });
      // A page without the BFF's CSP, so the request really goes out and is refused.
      await pagina.goto('about:blank');
      await pagina.evaluate((puerto) => fetch(`http://127.0.0.1:${puerto}/`).catch(() => undefined), cerrado);
      await expect.poll(() => vigilante.problemas.some((p) => p.startsWith('excepción'))).toBe(true);
      const informe = (() => {
        try {
          vigilante.verificar();
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(informe).toContain('consola: algo salió mal');
      expect(informe).toContain('excepción en la página: sin capturar');
      expect(informe).toMatch(/respuesta inesperada: GET \S+\/api\/no-existe → 404/);
      expect(informe).toMatch(/petición fallida: GET http:\/\/127\.0\.0\.1:\d+\/ net::/);
      expect(vigilante.problemas).toEqual([]);

      await pagina.goto(`${servidor.url}/api/salud`);
      vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });
      await pagina.evaluate(() => fetch('/api/usuario'));
      expect(() => vigilante.verificar()).not.toThrow();
    } finally {
      await contexto.close();
    }
  });

  test('the server answers on its two ports and stops after cerrar()', async () => {
    const otro = await arrancarServidor();
    expect((await fetch(`${otro.url}/api/salud`)).status).toBe(200);
    expect((await fetch(`${otro.urlTercero}/`)).status).toBe(200);
    await otro.cerrar();
    await expect(fetch(`${otro.url}/api/salud`)).rejects.toThrow();
    expect(otro.salida()).toContain('cerrando');
  });
});
