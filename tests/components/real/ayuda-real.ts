// Helpers for the element against the REAL BFF (started by the package's web-test-runner plugin,
// paquete/wtr.mjs): a fresh BFF per file, and the HTTP calls and the dev outbox of the package's
// testing entry (paquete/bff-real.ts), plus mounting the element.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { Usuario } from '../../../contract/api.js';
import { paginaAlFrente, primeraInteraccion, todos } from '../ayuda.js';
import { bandeja, CONTRASENA, type CorreoBandeja } from '../../../paquete/testing.js';

/** Real requests on a shared 2-core machine: wait longer than the fake-BFF tests do. */
export const ESPERA_MS = 8000;

/**
 * The newest message of the dev outbox that `cumple`, waiting for it: notices leave after the answer,
 * through the BFF's sender (within about a second).
 */
export async function correoRecibido(origen: string, cumple: (c: CorreoBandeja) => boolean, descripcion: string): Promise<CorreoBandeja> {
  await waitUntil(async () => (await bandeja(origen)).some(cumple), `no llegó ${descripcion}`, { timeout: ESPERA_MS });
  return (await bandeja(origen)).find(cumple)!;
}

/** The element on this page, talking to the real BFF; without a token it shows its own login. */
export async function montarReal(origen: string, opciones: { token?: string; lang?: string } = {}) {
  await paginaAlFrente();
  return fixture<ModificarUsuarioGeneral>(
    html`<modificar-usuario-general api-base=${origen} lang=${opciones.lang ?? 'es'} .token=${opciones.token}></modificar-usuario-general>`,
  );
}

export async function esperarReal(cond: () => unknown, mensaje = 'la condición no se cumplió') {
  await waitUntil(cond, mensaje, { timeout: ESPERA_MS });
}

/** The form is on screen, with what it fetches at the first interaction (as listo() in ../ayuda.ts). */
export async function formularioListo(el: ModificarUsuarioGeneral) {
  await esperarReal(() => el.shadowRoot!.querySelector('form[part="formulario"]'), 'el formulario no se mostró');
  await primeraInteraccion(el);
}

/** Logged in through its own login form (as on a third party's page). */
export async function ingresarConLogin(el: ModificarUsuarioGeneral, idUsuario: string, contrasena = CONTRASENA) {
  await esperarReal(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1, 'no apareció el login propio');
  const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
  login.querySelector<HTMLInputElement>('#login-id')!.value = idUsuario;
  login.querySelector<HTMLInputElement>('#login-clave')!.value = contrasena;
  login.requestSubmit();
  return login;
}

export function dialogosAbiertos(el: ModificarUsuarioGeneral): HTMLDialogElement[] {
  return todos(el.shadowRoot!, 'dialog[open]') as HTMLDialogElement[];
}

export async function esperarDialogoReal(el: ModificarUsuarioGeneral, texto: string) {
  await esperarReal(() => dialogosAbiertos(el).some((d) => d.textContent!.includes(texto)), `no se abrió el diálogo «${texto}»`);
  return dialogosAbiertos(el).find((d) => d.textContent!.includes(texto))!;
}
