// DESIGN §3/§5: the third-party page (another origin) embeds the element with no token; the
// element's own login gets a Bearer token kept in memory, and the change is stored. No CORS errors.
import { describe, expect, test } from 'vitest';
import type { Request } from 'playwright-core';
import {
  campo,
  esperarFormulario,
  iniciarSesionApi,
  ingresarConElElemento,
  mantenerCorreo,
  modificarYConfirmar,
  usarEntornoE2e,
  usuarioPorToken,
} from '../helpers/e2e.js';

const entorno = usarEntornoE2e();

describe('third-party page', () => {
  test("f. logs in with the element's login, uses Bearer and saves a change, with no CORS errors", async () => {
    const { servidor } = entorno;
    const { pagina, vigilante } = await entorno.abrirPagina();
    const consola: string[] = [];
    pagina.on('console', (m) => consola.push(m.text()));
    const alBff: Request[] = [];
    pagina.on('request', (r) => {
      if (r.url().startsWith(`${servidor.url}/api/`)) alBff.push(r);
    });
    // Without a session the element's first GET /api/usuario is a 401: that is what shows its login.
    vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });

    await pagina.goto(`${servidor.urlTercero}/`);
    await ingresarConElElemento(pagina, 'jsmith');
    await esperarFormulario(pagina);

    const direccion = campo(pagina, 'Dirección');
    const nueva = '350 Fifth Avenue, Suite 4200, New York';
    await direccion.fill(nueva);
    await mantenerCorreo(pagina, true);
    await modificarYConfirmar(pagina);
    await pagina.getByRole('status').filter({ hasText: 'Sus datos de Ecuapass fueron actualizados.' }).waitFor();

    // After the login every call carries the Bearer token (kept in memory, not in storage).
    const put = alBff.find((r) => r.method() === 'PUT' && new URL(r.url()).pathname === '/api/usuario');
    expect(put, 'se envió PUT /api/usuario').toBeDefined();
    expect(await put!.headerValue('authorization')).toMatch(/^Bearer \S{40,}$/);
    // With a token the element sends no cookies (credentials: 'omit').
    expect(await put!.headerValue('cookie')).toBeNull();
    const almacenado = await pagina.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(almacenado).toBe('{}{}');

    // Stored: a fresh login from outside the browser reads the new address.
    const usuario = await usuarioPorToken(servidor, await iniciarSesionApi(servidor, 'jsmith'));
    expect(usuario.direccion).toBe(nueva);

    expect(consola.filter((t) => /CORS|Access-Control/i.test(t))).toEqual([]);
    vigilante.verificar();
  });
});
