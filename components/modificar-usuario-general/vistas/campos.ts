import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Campo, OpcionVista, Valores } from '../lib/tipos.js';
import type { CodigoFormulario } from '../lib/codigos.js';

/** What the field templates need from the element. */
export interface AnfitrionCampos {
  valores: Valores;
  /** The error code to show now for a field (touched+dirty, submitted, or from the server). */
  errorVisible(campo: Campo): CodigoFormulario | null;
  cambiar(campo: Campo, valor: string): void;
  salir(campo: Campo): void;
  /** Password fields shown as text («Mostrar» pressed). */
  contrasenasVisibles: ReadonlySet<Campo>;
  alternarContrasena(campo: Campo): void;
  /**
   * An error's one wording, next to its field and in the summary alike: «Label: what to do». It
   * arrives with validation (a lazy part).
   */
  mensajeError(campo: Campo, codigo: CodigoFormulario): string;
}

export interface OpcionesCampo {
  etiqueta: string;
  requerido?: boolean;
  deshabilitado?: boolean;
  soloLectura?: boolean;
  tipo?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text' | 'tel';
  maxlength?: number;
  ayuda?: string;
  /** The hint states the format, which FORMATO and LONGITUD errors say again: hidden while they show. */
  ayudaDeFormato?: boolean;
  /** Id of another element that describes the field (a checklist). */
  describe?: string;
  /** A button or link shown right of the input. */
  accion?: TemplateResult;
  ancho?: boolean;
  /** Enter in the field runs its own button's action instead of the form's; false: not now (the form's). */
  alEnter?: () => boolean;
  /** Normalises what is typed or pasted (the security code's case and spaces); never drops characters. */
  filtro?: (valor: string) => string;
}

export const idDe = (campo: string) => `f-${campo.replace(/\./g, '-')}`;

/** The hint to show next to `error`: none when the error already repeats it (see `ayudaDeFormato`). */
export function ayudaVisible(ayuda: string | undefined, error: CodigoFormulario | null, deFormato = false) {
  return deFormato && (error === 'FORMATO' || error === 'LONGITUD') ? undefined : ayuda;
}

export function asterisco(requerido: boolean | undefined) {
  return requerido ? html`<span class="req" aria-hidden="true">*</span> ` : nothing;
}

/**
 * A field's label with the red asterisk beside it, not inside it: the label's text is exactly the
 * field's name (DESIGN §2), for `getByLabel(…, {exact: true})` too; `aria-required` says it.
 */
export function rotulo(id: string, texto: string, requerido: boolean | undefined) {
  return html`<div class="etiqueta">${asterisco(requerido)}<label for=${id}>${texto}</label></div>`;
}

function describedBy(id: string, ayuda: string | undefined, error: CodigoFormulario | null, otro?: string) {
  const ids = [ayuda ? `${id}-ayuda` : '', error ? `${id}-error` : '', otro ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function pie(h: AnfitrionCampos, id: string, campo: Campo, ayuda: string | undefined, error: CodigoFormulario | null) {
  return html`${ayuda ? html`<p id="${id}-ayuda" class="ayuda">${ayuda}</p>` : nothing}
  ${error ? html`<p id="${id}-error" class="error">${h.mensajeError(campo, error)}</p>` : nothing}`;
}

/**
 * «Mostrar» beside a password: a toggle button (`aria-pressed`) whose name says what it shows
 * («Mostrar Contraseña anterior»), the visible word first (WCAG 2.5.3).
 */
export function botonMostrar(visible: boolean, etiqueta: string, alternar: () => void) {
  return html`<button type="button" part="boton" aria-pressed=${visible ? 'true' : 'false'} aria-label=${msg(str`Mostrar ${etiqueta}`)} @click=${alternar}>
    ${msg('Mostrar')}
  </button>`;
}

export function campoTexto(h: AnfitrionCampos, campo: Campo, o: OpcionesCampo) {
  const id = idDe(campo);
  const esContrasena = o.tipo === 'password';
  const visible = esContrasena && h.contrasenasVisibles.has(campo);
  const error = o.deshabilitado ? null : h.errorVisible(campo);
  const ayuda = ayudaVisible(o.ayuda, error, o.ayudaDeFormato);
  return html`<div class="campo ${o.ancho ? 'ancho' : ''}" part="campo">
    ${rotulo(id, o.etiqueta, o.requerido)}
    <div class=${o.accion || esContrasena ? 'con-accion' : ''}>
      <input
        id=${id}
        name=${campo}
        type=${visible ? 'text' : (o.tipo ?? 'text')}
        .value=${live(h.valores[campo])}
        ?disabled=${!!o.deshabilitado}
        ?readonly=${!!o.soloLectura}
        aria-required=${o.requerido ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, ayuda, error, o.describe))}
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        maxlength=${ifDefined(o.maxlength)}
        @input=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const valor = o.filtro ? o.filtro(input.value) : input.value;
          if (valor !== input.value) input.value = valor;
          h.cambiar(campo, valor);
        }}
        @blur=${() => h.salir(campo)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.isComposing && o.alEnter?.()) e.preventDefault();
        }}
      />
      ${esContrasena && !o.deshabilitado ? botonMostrar(visible, o.etiqueta, () => h.alternarContrasena(campo)) : nothing} ${o.accion ?? nothing}
    </div>
    ${pie(h, id, campo, ayuda, error)}
  </div>`;
}

/** `lang` of the options: Ecuador's provinces and cantons are Spanish names in either language. */
export function campoSelect(h: AnfitrionCampos, campo: Campo, opciones: readonly OpcionVista[], o: OpcionesCampo & { vacio?: string; lang?: string }) {
  const id = idDe(campo);
  const error = o.deshabilitado ? null : h.errorVisible(campo);
  const valor = h.valores[campo];
  return html`<div class="campo ${o.ancho ? 'ancho' : ''}" part="campo">
    ${rotulo(id, o.etiqueta, o.requerido)}
    <select
      id=${id}
      name=${campo}
      ?disabled=${!!o.deshabilitado}
      aria-required=${o.requerido ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, o.ayuda, error))}
      @change=${(e: Event) => h.cambiar(campo, (e.target as HTMLSelectElement).value)}
      @blur=${() => h.salir(campo)}
    >
      <option value="" ?selected=${valor === ''}>${o.vacio ?? msg('— Seleccione —')}</option>
      ${opciones.map(
        (op) => html`<option value=${op.codigo} lang=${ifDefined(op.lang ?? o.lang)} ?selected=${op.codigo === valor}>${op.nombre}</option>`,
      )}
    </select>
    ${pie(h, id, campo, o.ayuda, error)}
  </div>`;
}

/** A read-only value: an `<output>`-like text with a label, never an editable control. */
export function campoLectura(id: string, etiqueta: string, valor: string, ayuda?: string) {
  return html`<div class="campo lectura" part="campo">
    <label for=${id}>${etiqueta}</label>
    <input id=${id} readonly .value=${valor} aria-describedby=${ifDefined(ayuda ? `${id}-ayuda` : undefined)} />
    ${ayuda ? html`<p id="${id}-ayuda" class="ayuda">${ayuda}</p>` : nothing}
  </div>`;
}
