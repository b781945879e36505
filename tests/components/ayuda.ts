// Helpers for the element tests: mount the element against the fake BFF, type, leave a field,
// find buttons by their visible text and the open dialog.
import { fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';
import { CAMPOS, type Valores } from '../../components/modificar-usuario-general/lib/tipos.js';
import { idDe } from '../../components/modificar-usuario-general/vistas/campos.js';

let alFrente: Promise<unknown> | undefined;

/** Once per test file (page): the page gets the window's focus, as a user's page has it. */
export function paginaAlFrente() {
  return (alFrente ??= executeServerCommand('al-frente'));
}

export async function montar(opciones: { lang?: string; token?: string; esperar?: boolean } = {}) {
  await paginaAlFrente();
  const el = await fixture<ModificarUsuarioGeneral>(
    html`<modificar-usuario-general api-base="http://bff.test" lang=${opciones.lang ?? 'es'} .token=${opciones.token}></modificar-usuario-general>`,
  );
  if (opciones.esperar !== false) await listo(el);
  return el;
}

/**
 * The form is on screen, with what it fetches at the first interaction (validation, the message
 * dialog) already here: partes-diferidas.test.ts checks that lazy path itself.
 */
export async function listo(el: ModificarUsuarioGeneral) {
  await waitUntil(() => el.shadowRoot!.querySelector('form[part="formulario"]'), 'el formulario no se mostró', { timeout: 4000 });
  await primeraInteraccion(el);
}

/**
 * As a user's first focus in the form does: it fetches validation and the message dialog. Resolves
 * once they are here and the element has taken them (its own continuations are microtasks, all
 * run before the next task).
 */
export async function primeraInteraccion(el: ModificarUsuarioGeneral) {
  el.shadowRoot!.querySelector('form[part="formulario"]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  await Promise.all([
    import('../../components/modificar-usuario-general/lib/validacion.js'),
    import('../../components/modificar-usuario-general/dialogos/avisos.js'),
  ]);
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

/** The form's values as its controls show them (by field, as the PUT's body is made from them). */
export function valoresEnPantalla(el: ModificarUsuarioGeneral): Valores {
  const valores = {} as Valores;
  for (const c of CAMPOS) {
    valores[c] =
      c === 'mantenerCorreo'
        ? $(el, 'input[name="mantenerCorreo"]:checked').value
        : el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`#${idDe(c)}`)?.value ?? '';
  }
  return valores;
}

/** Opens «Actividad reciente» (its module is fetched then) and returns the panel once it is defined. */
export async function abrirActividad(el: ModificarUsuarioGeneral, espera = 3000): Promise<HTMLElement> {
  el.shadowRoot!.querySelector<HTMLElement>('details.actividad > summary')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('mug-actividad-reciente')?.shadowRoot, 'no apareció «Actividad reciente»', { timeout: espera });
  return el.shadowRoot!.querySelector<HTMLElement>('mug-actividad-reciente')!;
}

export const $ = <T extends Element = HTMLInputElement>(el: ModificarUsuarioGeneral, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

export const campo = (el: ModificarUsuarioGeneral, id: string) => $<HTMLInputElement>(el, `#${id}`);

export async function escribir(el: ModificarUsuarioGeneral, id: string, valor: string) {
  const c = campo(el, id);
  c.focus();
  c.value = valor;
  c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function elegir(el: ModificarUsuarioGeneral, id: string, valor: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  s.value = valor;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export async function salir(el: ModificarUsuarioGeneral, id: string) {
  campo(el, id).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

/** Every element under `raiz`, through open shadow roots. */
export function todos(raiz: ParentNode, selector: string): Element[] {
  const r: Element[] = [...raiz.querySelectorAll(selector)];
  for (const e of raiz.querySelectorAll('*')) if (e.shadowRoot) r.push(...todos(e.shadowRoot, selector));
  return r;
}

/** Text with its whitespace collapsed, as a reader (and Playwright's getByText) takes it. */
export const normal = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Controls whose <label> text (or aria-label) is exactly `nombre`, through every shadow root:
 * what Playwright's getByLabel finds (the aria-hidden asterisk included in the label's text).
 */
export function porEtiqueta(el: ModificarUsuarioGeneral, nombre: string): Element[] {
  const controles = todos(el.shadowRoot!, 'input, select, textarea') as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
  return controles.filter(
    (c) => [...(c.labels ?? [])].some((l) => normal(l.textContent) === nombre) || normal(c.getAttribute('aria-label')) === nombre,
  );
}

export function boton(raiz: ParentNode, texto: string): HTMLButtonElement {
  const b = todos(raiz, 'button').find((x) => x.textContent!.trim() === texto) as HTMLButtonElement | undefined;
  if (!b) throw new Error(`no hay botón «${texto}»`);
  return b;
}

export function dialogoAbierto(el: ModificarUsuarioGeneral): HTMLDialogElement | null {
  return (todos(el.shadowRoot!, 'dialog[open]')[0] as HTMLDialogElement | undefined) ?? null;
}

export async function esperarDialogo(el: ModificarUsuarioGeneral, texto?: string) {
  await waitUntil(() => {
    const d = dialogoAbierto(el);
    return d && (!texto || d.textContent!.includes(texto));
  }, `no se abrió el diálogo ${texto ?? ''}`, { timeout: 3000 });
  return dialogoAbierto(el)!;
}

export async function esperar(cond: () => unknown, mensaje = 'la condición no se cumplió') {
  await waitUntil(cond, mensaje, { timeout: 3000 });
}

/** Fake timers and clock for the countdown and idle tests; `ahora` fixes the start instant. */
export function relojFalso(ahora?: number): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({
    ...(ahora === undefined ? {} : { now: ahora }),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    shouldClearNativeTimers: true,
  });
}

/** Mounts the element under fake timers and lets its first load settle. */
export async function montarConReloj(reloj: sinon.SinonFakeTimers) {
  const el = await montar({ esperar: false });
  for (let i = 0; i < 10; i++) await reloj.tickAsync(0);
  await el.updateComplete;
  return el;
}

/** The shadow root of one part of «Actividad reciente» once loaded: the open sessions or the events. */
export function parteActividad(el: ModificarUsuarioGeneral, parte: 'mug-sesiones-abiertas' | 'mug-lista-actividad'): ShadowRoot | null {
  return el.shadowRoot!.querySelector('mug-actividad-reciente')!.shadowRoot!.querySelector(parte)?.shadowRoot ?? null;
}

/** The event items of «Actividad reciente» (none until loaded). */
export function eventosActividad(el: ModificarUsuarioGeneral): HTMLLIElement[] {
  return [...(parteActividad(el, 'mug-lista-actividad')?.querySelectorAll('li') ?? [])];
}
