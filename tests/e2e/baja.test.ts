// Seed §5.8: Solicitud de baja → Motivo → Solicitud de baja → informative message; the session
// ends, the portal offers the way back, and logging in is refused with a clear message.
import { describe, expect, test } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import {
  abrirFormularioPortal,
  boton,
  dialogo,
  iniciarSesionPortal,
  llenarIngresoPortal,
  ultimoCorreo,
  usarEntornoE2e,
} from '../helpers/e2e.js';

const entorno = usarEntornoE2e();

describe('account closure (solicitud de baja)', () => {
  test('e. asks for the baja with a reason; the session ends and the login is refused with a clear message', async () => {
    const { servidor } = entorno;
    const { pagina, vigilante } = await entorno.abrirPagina();
    await abrirFormularioPortal(pagina, servidor, 'tmacay');

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
    expect(await pagina.locator('#nombre-usuario').isVisible()).toBe(true);
    await boton(registrada, 'Aceptar').click();
    await pagina.getByText('Su usuario fue dado de baja.').waitFor();
    // The header no longer shows a signed-in user, nor «Cerrar sesión».
    // (on baja-solicitada, which the element sends once its message is accepted)
    await expect.poll(() => pagina.locator('#nombre-usuario').isVisible()).toBe(false);
    expect(await pagina.getByText('TITO MACAY').isVisible()).toBe(false);
    expect(await boton(pagina, 'Cerrar sesión').isVisible()).toBe(false);

    // The session is over: the old cookie no longer reads the user.
    const r = await pagina.context().request.get(`${servidor.url}/api/usuario`);
    expect(r.status()).toBe(401);

    await boton(pagina, 'Ir al inicio de sesión').click();
    await pagina.waitForURL(`${servidor.url}/?motivo=baja`);
    await pagina.getByText('Su solicitud de baja fue registrada y su sesión terminó.').waitFor();

    vigilante.esperar({ metodo: 'POST', ruta: '/api/sesiones', estado: 403 });
    await llenarIngresoPortal(pagina, servidor, 'tmacay', CONTRASENA_DEMO);
    await pagina.getByRole('alert').filter({ hasText: /de baja y ya no puede iniciar sesión/ }).waitFor();
    expect(new URL(pagina.url()).pathname).toBe('/');

    const confirmacion = await ultimoCorreo(servidor, 'tito.macay@example.com', 'baja');
    expect(confirmacion, 'la confirmación de la baja llegó al correo registrado').toBeDefined();
    vigilante.verificar();
  });

  test('e2. the other users still log in', async () => {
    const { pagina, vigilante } = await entorno.abrirPagina();
    await iniciarSesionPortal(pagina, entorno.servidor, 'mzambrano');
    vigilante.verificar();
  });
});
