// What a user does in the demo hosts, in the words of the screens (seed §5.1–5.8): log in on the
// portal, walk the menu to 3.2.3, open option 3, and answer the element's dialogs. No vitest here:
// scripts/capturas.mjs walks the same steps (the tests import ./e2e.js, which adds the hooks).
import type { Locator, Page } from 'playwright-core';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import type { ServidorE2e } from './e2e-servidor.js';

export * from './e2e-servidor.js';
export * from './e2e-navegador.js';

/** A text box (passwords included) of the element or the page, by its accessible name. */
export function campo(pagina: Page | Locator, nombre: string): Locator {
  return pagina.getByRole('textbox', { name: nombre, exact: true });
}

export function boton(pagina: Page | Locator, nombre: string): Locator {
  return pagina.getByRole('button', { name: nombre, exact: true });
}

/** The open modal dialog of the element (native `<dialog>` shown with showModal). */
export function dialogo(pagina: Page, titulo?: string): Locator {
  return titulo === undefined ? pagina.getByRole('dialog') : pagina.getByRole('dialog', { name: titulo });
}

/** Seed §5.1–5.2: the portal's login page with ID. USUARIO and CONTRASEÑA. */
export async function llenarIngresoPortal(pagina: Page, servidor: ServidorE2e, idUsuario: string, contrasena: string): Promise<void> {
  await pagina.goto(`${servidor.url}/`);
  await pagina.getByLabel('ID. USUARIO').fill(idUsuario);
  await pagina.getByLabel('CONTRASEÑA').fill(contrasena);
  await boton(pagina, 'INICIAR SESIÓN').click();
}

export async function iniciarSesionPortal(pagina: Page, servidor: ServidorE2e, idUsuario: string, contrasena = CONTRASENA_DEMO): Promise<void> {
  await llenarIngresoPortal(pagina, servidor, idUsuario, contrasena);
  await pagina.waitForURL(`${servidor.url}/portal`);
  // The header shows the user's name once the portal has read the session.
  await pagina.locator('#nombre-usuario').filter({ hasNotText: '…' }).waitFor();
}

/** Logs in on the portal and opens option 3 of 3.2.3 by its address; resolves when the form is on screen. */
export async function abrirFormularioPortal(pagina: Page, servidor: ServidorE2e, idUsuario: string): Promise<void> {
  await iniciarSesionPortal(pagina, servidor, idUsuario);
  await pagina.goto(`${servidor.url}/portal/3.2.3/usuario-general`);
  await esperarFormulario(pagina);
}

/** The element's own login form, shown on the third-party page when there is no session. */
export function formularioIngresoTercero(pagina: Page): Locator {
  return pagina.getByRole('form', { name: 'Ingrese para modificar su información' });
}

/** Logs in with the element's own form (ID.usuario, Contraseña, Ingresar). */
export async function ingresarConElElemento(pagina: Page, idUsuario: string, contrasena = CONTRASENA_DEMO): Promise<void> {
  const login = formularioIngresoTercero(pagina);
  await campo(login, 'ID.usuario').fill(idUsuario);
  await campo(login, 'Contraseña').fill(contrasena);
  await boton(login, 'Ingresar').click();
}

/** Seed §5.3: Soporte al Cliente › 3.2 Registro de usuario (leaves the submenu open). */
export async function abrirMenu323(pagina: Page): Promise<Locator> {
  // The menu buttons end in a CSS arrow (" ▾", " ▸") that Chromium adds to their names.
  await pagina.getByRole('button', { name: /^Soporte al Cliente\b/ }).click();
  await pagina.getByRole('button', { name: /^3\.2 Registro de usuario\b/ }).click();
  const opcion = pagina.getByRole('link', { name: '3.2.3 Modificar información de registro de usuario' });
  await opcion.waitFor();
  return opcion;
}

/** Seed §5.3–5.4: the menu to 3.2.3, then option 3; resolves when the form is on screen. */
export async function irAlFormularioDesdeElMenu(pagina: Page, servidor: ServidorE2e): Promise<void> {
  await (await abrirMenu323(pagina)).click();
  await pagina.waitForURL(`${servidor.url}/portal/3.2.3`);
  await pagina.getByRole('link', { name: 'Modificar información de registro para Usuario General' }).click();
  await pagina.waitForURL(`${servidor.url}/portal/3.2.3/usuario-general`);
  await esperarFormulario(pagina);
}

/** The element has loaded the user and shows its form. */
export async function esperarFormulario(pagina: Page): Promise<void> {
  await boton(pagina, 'Modificar').waitFor();
}

/** Seed §5.5.1: "Desea mantener el mismo correo electrónico" = Sí or No. */
export async function mantenerCorreo(pagina: Page, mantener: boolean): Promise<void> {
  const grupo = pagina.getByRole('radiogroup', { name: 'Desea mantener el mismo correo electrónico' });
  await grupo.getByRole('radio', { name: mantener ? 'Sí' : 'No', exact: true }).check();
}

/** Seed §5.6–5.7: Modificar → confirmation (Sí) → success message (Aceptar). */
export async function modificarYConfirmar(pagina: Page): Promise<void> {
  await boton(pagina, 'Modificar').click();
  const confirmacion = dialogo(pagina, 'Confirmación').filter({ hasText: '¿Está seguro de modificar la información?' });
  await boton(confirmacion, 'Sí').click();
  const exito = dialogo(pagina, 'Información actualizada').filter({ hasText: 'La información se actualizó con éxito.' });
  await boton(exito, 'Aceptar').click();
  await exito.waitFor({ state: 'hidden' });
}

/** GET /api/usuario with the cookies of the page's context (the portal's session). */
export async function usuarioPorCookie(pagina: Page, servidor: ServidorE2e): Promise<Record<string, unknown>> {
  const r = await pagina.context().request.get(`${servidor.url}/api/usuario`);
  if (r.status() !== 200) throw new Error(`GET /api/usuario con la cookie de la página: ${r.status()} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}
