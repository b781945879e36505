// Seed §5.5 password change: Contraseña anterior + Cambio de clave enables the new password; after
// Modificar the new one logs in and the old one does not; the registered address gets a notice.
import { describe, expect, test } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import {
  abrirFormularioPortal,
  boton,
  campo,
  iniciarSesionPortal,
  llenarIngresoPortal,
  mantenerCorreo,
  modificarYConfirmar,
  ultimoCorreo,
  usarEntornoE2e,
} from '../helpers/e2e.js';

const NUEVA = 'Faro-Salinas-Marea-Baja-2031';

const entorno = usarEntornoE2e();

describe('password change', () => {
  test('c. checks the old password, sets the new one; logs out; the new one logs in and the old one does not', async () => {
    const { servidor } = entorno;
    const { pagina, vigilante } = await entorno.abrirPagina();
    await abrirFormularioPortal(pagina, servidor, 'jsmith');
    await mantenerCorreo(pagina, true);

    const nueva = campo(pagina, 'Contraseña');
    expect(await nueva.isDisabled()).toBe(true);
    await campo(pagina, 'Contraseña anterior').fill(CONTRASENA_DEMO);
    await boton(pagina, 'Cambio de clave').click();
    await pagina.getByText('Contraseña verificada: escriba la nueva contraseña.').waitFor();
    expect(await nueva.isEnabled()).toBe(true);
    await nueva.fill(NUEVA);
    await campo(pagina, 'Confirmación de Contraseña').fill(NUEVA);
    await modificarYConfirmar(pagina);

    await boton(pagina, 'Cerrar sesión').click();
    await pagina.waitForURL(`${servidor.url}/?motivo=sesion-cerrada`);

    // The old password is refused with the login's message, and the page stays on the login.
    vigilante.esperar({ metodo: 'POST', ruta: '/api/sesiones', estado: 401 });
    await llenarIngresoPortal(pagina, servidor, 'jsmith', CONTRASENA_DEMO);
    await pagina.getByRole('alert').filter({ hasText: 'El ID.usuario o la contraseña no son correctos.' }).waitFor();
    expect(new URL(pagina.url()).pathname).toBe('/');

    await iniciarSesionPortal(pagina, servidor, 'jsmith', NUEVA);

    const aviso = await ultimoCorreo(servidor, 'john.smith@example.org', 'contraseña');
    expect(aviso, 'el aviso del cambio de contraseña llegó al correo registrado').toBeDefined();
    expect(aviso!.texto).not.toContain(NUEVA);
    vigilante.verificar();
  });
});
