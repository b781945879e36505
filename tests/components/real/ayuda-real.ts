// Helpers for the element against the REAL BFF (started by web-test-runner.config.mjs through
// tests/components/real/servidor-bff.mjs): a fresh BFF per file, login and plain HTTP calls
// as a third party's page would make them, the dev outbox, and mounting the element.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { Usuario } from '../../../contract/api.js';
import { todos } from '../ayuda.js';
// Type only (erased): the browser never loads the BFF module.
import type { CorreoBandeja } from '../../../bff/mail/bandeja.js';

export const CLAVE = 'Clave-Demo-2026';
/** Real requests on a shared 2-core machine: wait longer than the fake-BFF tests do. */
export const ESPERA_MS = 8000;

/** A fresh BFF (temp database, demo users seeded); the previous one is stopped. */
export async function nuevoBff(): Promise<string> {
  const r = await fetch('/__bff-real', { method: 'POST' });
  const cuerpo = (await r.json()) as { origen?: string; error?: string };
  if (!r.ok || !cuerpo.origen) throw new Error(`no arrancó el BFF real: ${cuerpo.error ?? r.status}`);
  return cuerpo.origen;
}

export interface RespuestaReal<T = any> {
  status: number;
  cuerpo: T;
  cabeceras: Headers;
}

/** One JSON request to the BFF, with a Bearer token when given (no cookies: another site). */
export async function pedir<T = any>(
  origen: string,
  metodo: string,
  ruta: string,
  opciones: { token?: string; cuerpo?: unknown; cabeceras?: Record<string, string> } = {},
): Promise<RespuestaReal<T>> {
  const cabeceras: Record<string, string> = { Accept: 'application/json', ...opciones.cabeceras };
  if (opciones.cuerpo !== undefined) cabeceras['Content-Type'] = 'application/json';
  if (opciones.token) cabeceras['Authorization'] = `Bearer ${opciones.token}`;
  const r = await fetch(new URL(ruta, origen), {
    method: metodo,
    headers: cabeceras,
    body: opciones.cuerpo === undefined ? undefined : JSON.stringify(opciones.cuerpo),
    credentials: 'omit',
  });
  const texto = await r.text();
  return { status: r.status, cuerpo: texto ? JSON.parse(texto) : null, cabeceras: r.headers };
}

export async function iniciarSesion(origen: string, idUsuario: string, contrasena = CLAVE): Promise<string> {
  const r = await pedir<{ token: string }>(origen, 'POST', '/api/sesiones', { cuerpo: { idUsuario, contrasena } });
  if (r.status !== 201) throw new Error(`login de ${idUsuario}: ${r.status} ${JSON.stringify(r.cuerpo)}`);
  return r.cuerpo.token;
}

export async function leerUsuario(origen: string, token: string): Promise<{ usuario: Usuario; etag: string }> {
  const r = await pedir<Usuario>(origen, 'GET', '/api/usuario', { token });
  if (r.status !== 200) throw new Error(`GET /api/usuario: ${r.status}`);
  return { usuario: r.cuerpo, etag: r.cabeceras.get('ETag')! };
}

/** The dev outbox, newest first (GET /api/dev/correos). */
export async function bandeja(origen: string): Promise<CorreoBandeja[]> {
  const r = await pedir<CorreoBandeja[]>(origen, 'GET', '/api/dev/correos');
  if (r.status !== 200) throw new Error(`GET /api/dev/correos: ${r.status}`);
  return r.cuerpo;
}

/**
 * The newest message of the dev outbox that `cumple`, waiting for it: notices leave after the answer,
 * through the BFF's sender (within about a second).
 */
export async function correoRecibido(origen: string, cumple: (c: CorreoBandeja) => boolean, descripcion: string): Promise<CorreoBandeja> {
  await waitUntil(async () => (await bandeja(origen)).some(cumple), `no llegó ${descripcion}`, { timeout: ESPERA_MS });
  return (await bandeja(origen)).find(cumple)!;
}

/** The security code of the newest message to `para`, read from its text. */
export async function codigoEnviadoA(origen: string, para: string): Promise<string> {
  await waitUntil(async () => (await bandeja(origen)).some((c) => c.para === para), `no llegó un correo a ${para}`, { timeout: ESPERA_MS });
  const correo = (await bandeja(origen)).find((c) => c.para === para)!;
  const m = /^\s+([23456789A-HJ-NP-Z]{8})\s*$/m.exec(correo.texto);
  if (!m) throw new Error(`el correo a ${para} no trae un código:\n${correo.texto}`);
  return m[1]!;
}

/** The element on this page, talking to the real BFF; without a token it shows its own login. */
export async function montarReal(origen: string, opciones: { token?: string; lang?: string } = {}) {
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
  await el.anticipar();
  await el.updateComplete;
}

/** Logged in through its own login form (as on a third party's page). */
export async function ingresarConLogin(el: ModificarUsuarioGeneral, idUsuario: string, contrasena = CLAVE) {
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
