import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { textoError } from './mensajes.js';
import type { Opcion } from '../../contract/api.js';
import type { Campo, Valores } from './tipos.js';

/** What the field templates need from the element. */
export interface AnfitrionCampos {
  valores: Valores;
  /** The error code to show now for a field (touched+dirty, submitted, or from the server). */
  errorVisible(campo: Campo): string | null;
  cambiar(campo: Campo, valor: string): void;
  salir(campo: Campo): void;
}

export interface OpcionesCampo {
  etiqueta: string;
  requerido?: boolean;
  deshabilitado?: boolean;
  soloLectura?: boolean;
  tipo?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  maxlength?: number;
  ayuda?: string;
  /** The hint states the format, which FORMATO and LONGITUD errors say again: hidden while they show. */
  ayudaDeFormato?: boolean;
  /** Id of another element that describes the field (a checklist). */
  describe?: string;
  /** A button or link shown right of the input. */
  accion?: TemplateResult;
  ancho?: boolean;
  /** Filters what is typed (digits only, for instance). */
  filtro?: (valor: string) => string;
  alPegar?: (e: ClipboardEvent) => void;
}

export const idDe = (campo: string) => `f-${campo.replace(/\./g, '-')}`;

/** The hint to show next to `error`: none when the error already repeats it (see `ayudaDeFormato`). */
export function ayudaVisible(ayuda: string | undefined, error: string | null, deFormato = false) {
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

function describedBy(id: string, ayuda: string | undefined, error: string | null, otro?: string) {
  const ids = [ayuda ? `${id}-ayuda` : '', error ? `${id}-error` : '', otro ?? ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function pie(id: string, campo: Campo, ayuda: string | undefined, error: string | null) {
  return html`${ayuda ? html`<p id="${id}-ayuda" class="ayuda">${ayuda}</p>` : nothing}
  ${error ? html`<p id="${id}-error" class="error">${textoError(campo, error)}</p>` : nothing}`;
}

export function campoTexto(h: AnfitrionCampos, campo: Campo, o: OpcionesCampo) {
  const id = idDe(campo);
  const error = o.deshabilitado ? null : h.errorVisible(campo);
  const ayuda = ayudaVisible(o.ayuda, error, o.ayudaDeFormato);
  return html`<div class="campo ${o.ancho ? 'ancho' : ''}" part="campo">
    ${rotulo(id, o.etiqueta, o.requerido)}
    <div class=${o.accion ? 'con-accion' : ''}>
      <input
        id=${id}
        name=${campo}
        type=${o.tipo ?? 'text'}
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
        @paste=${ifDefined(o.alPegar)}
      />
      ${o.accion ?? nothing}
    </div>
    ${pie(id, campo, ayuda, error)}
  </div>`;
}

export function campoSelect(h: AnfitrionCampos, campo: Campo, opciones: readonly Opcion[], o: OpcionesCampo & { vacio?: string }) {
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
      ${opciones.map((op) => html`<option value=${op.codigo} ?selected=${op.codigo === valor}>${op.nombre}</option>`)}
    </select>
    ${pie(id, campo, o.ayuda, error)}
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

export const soloDigitos = (valor: string) => valor.replace(/\D+/g, '').slice(0, 14);
