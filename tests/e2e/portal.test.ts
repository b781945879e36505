// Seed §5.1–5.7 in the portal demo: log in, walk the menu to 3.2.3, option 3, change Teléfono1 and
// see it stored; a bad value is shown next to its field and nothing is sent.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  abrirFormularioPortal,
  boton,
  dialogo,
  campo,
  iniciarSesionPortal,
  irAlFormularioDesdeElMenu,
  mantenerCorreo,
  modificarYConfirmar,
  usarEntornoE2e,
  usuarioPorCookie,
  type PaginaVigilada,
} from '../helpers/e2e.js';

const entorno = usarEntornoE2e();
afterEach(() => entorno.cerrarPaginas());

describe('demo portal', () => {
  test('a. logs in, reaches 3.2.3 › option 3 through the menu and changes Teléfono1; it is saved', async () => {
    const { servidor } = entorno;
    const { pagina, vigilante } = await entorno.abrirPagina();
    await iniciarSesionPortal(pagina, servidor, 'tmacay');
    await irAlFormularioDesdeElMenu(pagina, servidor);

    const telefono = campo(pagina, 'Teléfono1');
    await expect.poll(() => telefono.inputValue()).toBe('042345678');
    await telefono.fill('045551234');
    await mantenerCorreo(pagina, true);
    await modificarYConfirmar(pagina);

    // After a reload the form reads the stored value again.
    await pagina.reload();
    await expect.poll(() => campo(pagina, 'Teléfono1').inputValue()).toBe('045551234');
    const usuario = await usuarioPorCookie(pagina, servidor);
    expect(usuario.telefono1).toBe('045551234');
    expect(usuario.correo).toBe('tito.macay@example.com');
    vigilante.verificar();
  });

  test('b. a corrected name is saved in capitals, the form shows it so and the header follows it', async () => {
    const { pagina, vigilante } = await entorno.abrirPagina({ ancho: 360, alto: 740 });
    await abrirFormularioPortal(pagina, entorno.servidor, 'mzambrano');
    expect(await pagina.locator('#nombre-usuario').textContent()).toBe('MARIA ZAMBRANO');
    await campo(pagina, 'Nombre Usuario').fill('María Zambrano');
    await mantenerCorreo(pagina, true);
    await modificarYConfirmar(pagina);
    await expect.poll(() => campo(pagina, 'Nombre Usuario').inputValue()).toBe('MARÍA ZAMBRANO');
    expect(await pagina.locator('#nombre-usuario').textContent()).toBe('MARÍA ZAMBRANO');
    expect((await usuarioPorCookie(pagina, entorno.servidor)).nombre).toBe('MARÍA ZAMBRANO');
    vigilante.verificar();
  });

  test('c. every breadcrumb link («Inicio», «3.2.3 …») is a target of at least 24 × 24 px (WCAG 2.5.8), also at 360 px', async () => {
    for (const ancho of [1280, 360]) {
      const { pagina, vigilante } = await entorno.abrirPagina({ ancho, alto: 740 });
      await abrirFormularioPortal(pagina, entorno.servidor, 'tmacay');
      const enlaces = pagina.getByRole('navigation', { name: 'Ruta' }).getByRole('link');
      expect(await enlaces.count()).toBe(2);
      for (const enlace of await enlaces.all()) {
        const caja = (await enlace.boundingBox())!;
        expect(caja.width, `${await enlace.textContent()} a ${ancho} px`).toBeGreaterThanOrEqual(24);
        expect(caja.height, `${await enlace.textContent()} a ${ancho} px`).toBeGreaterThanOrEqual(24);
      }
      vigilante.verificar();
    }
  });

  test('f. keyboard only at 360 px: a phone with +593, «Sí» with the arrows, Modificar, Sí and Aceptar with Enter', async () => {
    const { pagina, vigilante } = await entorno.abrirPagina({ ancho: 360, alto: 740 });
    await abrirFormularioPortal(pagina, entorno.servidor, 'tmacay');
    const enfocado = () =>
      pagina.evaluate(() => {
        let e = document.activeElement;
        while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
        return e ? `${e.tagName} ${e.id || e.getAttribute('name') || e.textContent!.trim()}` : '';
      });
    /** Tab until the focus is on `destino` (at most 80 presses). */
    const tabHasta = async (destino: RegExp) => {
      for (let i = 0; i < 80 && !destino.test(await enfocado()); i++) await pagina.keyboard.press('Tab');
      expect(await enfocado()).toMatch(destino);
    };
    await tabHasta(/^INPUT f-telefono2$/);
    await pagina.keyboard.type('+593 99 123 4567');
    await pagina.keyboard.press('Tab');
    expect(await campo(pagina, 'Teléfono2').inputValue()).toBe('0991234567');
    await tabHasta(/^INPUT mantenerCorreo$/);
    await pagina.keyboard.press('ArrowUp');
    await tabHasta(/^BUTTON Modificar$/);
    await pagina.keyboard.press('Enter');
    await dialogo(pagina, 'Confirmación').waitFor();
    await pagina.keyboard.press('Enter');
    await dialogo(pagina, 'Información actualizada').waitFor();
    await pagina.keyboard.press('Enter');
    await expect.poll(enfocado).toBe('BUTTON Modificar');
    expect((await usuarioPorCookie(pagina, entorno.servidor)).telefono2).toBe('0991234567');
    // The choice stays «Sí» after the save: the next change is saved the same way.
    expect(await pagina.getByRole('radio', { name: 'Sí', exact: true }).isChecked()).toBe(true);
    vigilante.verificar();
  });

  test('d. an invalid Teléfono1 is flagged beside the field and nothing is sent', async () => {
    const { pagina, vigilante, envios } = await abrirFormularioContandoPuts('mzambrano');

    const telefono = campo(pagina, 'Teléfono1');
    // Nothing typed is dropped: "12ab" stays as typed, and is refused with a message.
    await telefono.fill('');
    await telefono.pressSequentially('12ab');
    await telefono.press('Tab');
    await expect.poll(() => telefono.inputValue()).toBe('12ab');
    await boton(pagina, 'Modificar').click();
    await comprobarErrorDeTelefono(pagina);
    expect(envios).toEqual([]);

    // The stored value did not change.
    const usuario = await usuarioPorCookie(pagina, entorno.servidor);
    expect(usuario.telefono1).not.toBe('12ab');
    vigilante.verificar();
  });

  test('d2. pressing Modificar with the focus still in the invalid field also validates (the button does not move under the pointer)', async () => {
    const { pagina, vigilante, envios } = await abrirFormularioContandoPuts('mzambrano');

    const telefono = campo(pagina, 'Teléfono1');
    await telefono.fill('12');
    // The click's mousedown blurs the field; its error must not push the button away before mouseup.
    await boton(pagina, 'Modificar').click();
    await comprobarErrorDeTelefono(pagina);
    expect(envios).toEqual([]);
    vigilante.verificar();
  });
});

/**
 * A new page on the user's form, reached by the menu, with "mantener correo" = Sí; `envios`
 * records every PUT /api/usuario the page sends from the start.
 */
async function abrirFormularioContandoPuts(idUsuario: string): Promise<PaginaVigilada & { envios: string[] }> {
  const abierta = await entorno.abrirPagina();
  const envios: string[] = [];
  abierta.pagina.on('request', (r) => {
    if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/usuario') envios.push(r.url());
  });
  await iniciarSesionPortal(abierta.pagina, entorno.servidor, idUsuario);
  await irAlFormularioDesdeElMenu(abierta.pagina, entorno.servidor);
  await mantenerCorreo(abierta.pagina, true);
  return { ...abierta, envios };
}

/** After Modificar: Teléfono1 marked invalid, its message next to it, the summary focused with a link to it, no dialog. */
async function comprobarErrorDeTelefono(pagina: Page): Promise<void> {
  const telefono = campo(pagina, 'Teléfono1');
  const resumen = pagina.locator('[part="resumen-errores"]');
  await resumen.waitFor({ timeout: 5_000 });
  expect(await resumen.getByRole('heading').textContent()).toBe('Hay 1 campo por corregir');
  const enlace = resumen.getByRole('link', { name: /^Teléfono1:/ });
  expect(await telefono.getAttribute('aria-invalid')).toBe('true');
  const error = pagina.locator('#f-telefono1-error');
  expect(await error.isVisible()).toBe(true);
  expect(await error.textContent()).toContain('Teléfono1: En Ecuador, un fijo con código de área');
  expect(await error.textContent()).toBe(await enlace.textContent());
  expect(await telefono.getAttribute('aria-describedby')).toContain('f-telefono1-error');
  // GOV.UK: the summary gets the focus; its link leads to the field.
  await expect.poll(() => resumen.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  expect(await pagina.getByRole('dialog').count()).toBe(0);
  await enlace.click();
  expect(await telefono.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement)).toBe(true);
}
