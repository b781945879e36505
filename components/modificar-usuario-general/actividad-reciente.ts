import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { estilosComunes } from './comunes.styles.js';
import { estilosActividad } from './actividad.styles.js';
import { ErrorRed, type ClienteApi } from './api.js';
import { etiqueta, nombreEvento, textoProblema } from './mensajes.js';
import { getLocale } from './localization.js';
import type { Actividad } from './tipos.js';

/** A notice that could not be sent names the event it was about, not a field. */
const nombreCampo = (evento: string, campo: string) => (evento === 'AVISO_NO_ENVIADO' ? nombreEvento(campo) : etiqueta(campo));

/**
 * "Actividad reciente": a collapsible list of the user's audit events (latest first), loaded
 * the first time it is opened and again after each change.
 * @internal
 */
@customElement('mug-actividad-reciente')
@localized()
export class ActividadReciente extends LitElement {
  // focus() lands on the summary: the element replaces the stand-in the user just opened.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    estilosComunes,
    estilosActividad,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
      }
      li {
        padding: 0.5rem 0;
        border-top: 1px solid var(--_superficie);
      }
      .detalle {
        color: var(--_tenue);
        font-size: 0.9em;
      }
      /* Its own line: after a long date a "· IP" would wrap badly on a phone. */
      .ip {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) api!: ClienteApi;
  @state() private eventos: Actividad[] | null = null;
  /** Worded in render (msg() only there), so it follows a locale switch. */
  @state() private error: 'RED' | 'OTRO' | null = null;
  /** Open (and loading) from the start: set when it replaces the stand-in the user opened. */
  @property({ type: Boolean }) abierto = false;

  /** Reloads the list if it was already shown (after a change). */
  recargar() {
    if (this.eventos !== null || this.abierto) void this.cargar();
  }

  private async cargar() {
    this.error = null;
    try {
      const { datos } = await this.api.get<Actividad[]>('/api/usuario/actividad');
      this.eventos = [...datos].sort((a, b) => Date.parse(b.creadoEn) - Date.parse(a.creadoEn));
    } catch (e) {
      this.error = e instanceof ErrorRed ? 'RED' : 'OTRO';
    }
  }

  private alternar(e: Event) {
    this.abierto = (e.target as HTMLDetailsElement).open;
    if (this.abierto && this.eventos === null) void this.cargar();
  }

  override render() {
    const fecha = new Intl.DateTimeFormat(getLocale() === 'en' ? 'en' : 'es-EC', { dateStyle: 'long', timeStyle: 'short' });
    return html`<details part="actividad" class="actividad" ?open=${this.abierto} @toggle=${this.alternar}>
      <summary>${msg('Actividad reciente')}</summary>
      ${this.error
        ? html`<p class="error">${textoProblema(this.error === 'RED' ? 'RED' : '')} <button type="button" @click=${() => this.cargar()}>${msg('Reintentar')}</button></p>`
        : this.eventos === null
          ? html`<p aria-busy="true">${msg('Cargando…')}</p>`
          : this.eventos.length === 0
            ? html`<p>${msg('No hay actividad registrada.')}</p>`
            : html`<ol>
                ${this.eventos.map(
                  (a) => html`<li>
                    <strong>${nombreEvento(a.evento)}</strong>
                    <div class="detalle">
                      <time datetime=${a.creadoEn}>${fecha.format(new Date(a.creadoEn))}</time>
                      ${a.ip ? html`<span class="ip">${msg('IP')} ${a.ip}</span>` : nothing}
                    </div>
                    ${a.campos?.length ? html`<div class="detalle">${a.campos.map((c) => nombreCampo(a.evento, c)).join(', ')}</div>` : nothing}
                  </li>`,
                )}
              </ol>`}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-actividad-reciente': ActividadReciente;
  }
}
