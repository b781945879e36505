// Seed §5.8: Solicitud de baja → Motivo → Solicitud de baja → informative message; the session
// ends, the portal offers the way back, and logging in is refused with a clear message.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  abrirNavegador,
  abrirPagina,
  arrancarServidor,
  boton,
  dialogo,
  esperarFormulario,
  iniciarSesionPortal,
  llenarIngresoPortal,
  CLAVE_DEMO,
  ultimoCorreo,
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

describe('solicitud de baja', () => {
  test('e. pide la baja con un motivo; la sesión termina y el inicio de sesión se rechaza con un mensaje claro', async () => {
    abierta = await abrirPagina(navegador);
    const { pagina, vigilante } = abierta;
    await iniciarSesionPortal(pagina, servidor, 'tmacay');
    await pagina.goto(`${servidor.url}/portal/3.2.3/usuario-general`);
    await esperarFormulario(pagina);

    await boton(pagina, 'Solicitud de baja').click();
    const solicitud = dialogo(pagina, 'Solicitud de baja');
    // Too short a reason is refused next to the field, and nothing is sent.
    await solicitud.getByRole('textbox', { name: 'Motivo' }).fill('corto');
    await boton(solicitud, 'Solicitud de baja').click();
    await solicitud.getByText('Debe tener entre 10 y 500 caracteres.').waitFor();
    await solicitud.getByRole('textbox', { name: 'Motivo' }).fill('Cierro mi agencia y ya no operaré en Ecuapass.');
    await boton(solicitud, 'Solicitud de baja').click();

    const registrada = dialogo(pagina, 'Solicitud de baja registrada');
    await registrada.waitFor();
    expect(await registrada.textContent()).toContain('Su solicitud de baja fue registrada');
    await boton(registrada, 'Aceptar').click();
    await pagina.getByText('Su usuario fue dado de baja.').waitFor();

    // The session is over: the old cookie no longer reads the user.
    const r = await pagina.context().request.get(`${servidor.url}/api/usuario`);
    expect(r.status()).toBe(401);

    await boton(pagina, 'Ir al inicio de sesión').click();
    await pagina.waitForURL(`${servidor.url}/?motivo=baja`);
    await pagina.getByText('Su solicitud de baja fue registrada y su sesión terminó.').waitFor();

    vigilante.esperar({ metodo: 'POST', ruta: '/api/sesiones', estado: 403 });
    await llenarIngresoPortal(pagina, servidor, 'tmacay', CLAVE_DEMO);
    await pagina.getByRole('alert').filter({ hasText: /de baja y ya no puede iniciar sesión/ }).waitFor();
    expect(new URL(pagina.url()).pathname).toBe('/');

    const confirmacion = await ultimoCorreo(servidor, 'tito.macay@example.com', 'baja');
    expect(confirmacion, 'la confirmación de la baja llegó al correo registrado').toBeDefined();
    vigilante.verificar();
  });

  test('e2. los demás usuarios siguen entrando', async () => {
    abierta = await abrirPagina(navegador);
    await iniciarSesionPortal(abierta.pagina, servidor, 'mzambrano');
    abierta.vigilante.verificar();
  });
});
