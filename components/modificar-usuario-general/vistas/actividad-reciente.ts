import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { estilosActividadReciente } from './actividad-reciente.styles.js';
import type { ClienteApi } from '../lib/api.js';
import type { ListaActividad } from './lista-actividad.js';
import type { SesionesAbiertas } from './sesiones-abiertas.js';
import './lista-actividad.js';
import './sesiones-abiertas.js';

/**
 * "Actividad reciente": a collapsible panel with the open sessions and the user's audit events,
 * loaded the first time it is opened and again after each change. A lazy part: the element
 * fetches it (with both lists) when the user first opens the stand-in.
 * @internal
 */
@customElement('mug-actividad-reciente')
@localized()
export class ActividadReciente extends LitElement {
  // focus() lands on the summary: the element replaces the stand-in the user just opened.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = estilosActividadReciente;

  @property({ attribute: false }) api!: ClienteApi;
  /** Open (and loading) from the start: set when it replaces the stand-in the user opened. */
  @property({ type: Boolean }) abierto = false;
  @query('mug-lista-actividad') private lista?: ListaActividad;
  @query('mug-sesiones-abiertas') private sesiones?: SesionesAbiertas;

  /** Reloads what is already shown (after a change). */
  recargar() {
    void this.lista?.recargar();
    this.sesiones?.recargar();
  }

  private alternar(e: Event) {
    if ((e.target as HTMLDetailsElement).open) this.abierto = true;
  }

  override render() {
    return html`<details part="actividad" class="actividad" ?open=${this.abierto} @toggle=${this.alternar}>
      <summary>${msg('Actividad reciente')}</summary>
      ${this.abierto
        ? html`<mug-sesiones-abiertas .api=${this.api} @sesiones-cerradas=${() => this.lista?.recargar()}></mug-sesiones-abiertas>
            <mug-lista-actividad .api=${this.api}></mug-lista-actividad>`
        : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-actividad-reciente': ActividadReciente;
  }
}
