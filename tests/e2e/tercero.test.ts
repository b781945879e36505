// DESIGN §3/§5: the third-party page (another origin) embeds the element with no token; the
// element's own login gets a Bearer token kept in memory, and the change is stored. No CORS errors.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import {
  abrirNavegador,
  abrirPagina,
  arrancarServidor,
  boton,
  campo,
  CLAVE_DEMO,
  esperarFormulario,
  mantenerCorreo,
  modificarYConfirmar,
  type PaginaVigilada,
  type ServidorE2e,
} from '../helpers/e2e.js';

let servidor: ServidorE2e;
let navegador: Browser;
let abierta: PaginaVigilada | undefined;

beforeAll(async () => {
  [servidor, navegador] = await Promise.all([arrancarServidor(), abrirNavegador()]);
});

afterAll(async () => {
  await abierta?.contexto.close();
  await navegador?.close();
  await servidor?.cerrar();
});

describe('página de un tercero', () => {
  test('f. ingresa con el inicio de sesión del elemento, usa Bearer y guarda un cambio, sin errores de CORS', async () => {
    abierta = await abrirPagina(navegador);
    const { pagina, vigilante } = abierta;
    const consola: string[] = [];
    pagina.on('console', (m) => consola.push(m.text()));
    const alBff: Request[] = [];
    pagina.on('request', (r) => {
      if (r.url().startsWith(`${servidor.url}/api/`)) alBff.push(r);
    });
    // Without a session the element's first GET /api/usuario is a 401: that is what shows its login.
    vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });

    await pagina.goto(`${servidor.urlTercero}/`);
    const login = pagina.getByRole('form', { name: 'Ingrese para modificar su información' });
    await campo(login, 'ID.usuario').fill('jsmith');
    await campo(login, 'Contraseña').fill(CLAVE_DEMO);
    await boton(login, 'Ingresar').click();
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
    const sesion = await fetch(`${servidor.url}/api/sesiones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ idUsuario: 'jsmith', contrasena: CLAVE_DEMO }),
    });
    const { token } = (await sesion.json()) as { token: string };
    const usuario = (await (await fetch(`${servidor.url}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      direccion: string;
    };
    expect(usuario.direccion).toBe(nueva);

    expect(consola.filter((t) => /CORS|Access-Control/i.test(t))).toEqual([]);
    vigilante.verificar();
  });
});
