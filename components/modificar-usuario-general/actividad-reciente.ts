import { LitElement, html, css } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { estilosComunes } from './comunes.styles.js';
import type { ClienteApi } from './api.js';
import { textoProblema } from './mensajes.js';
import { cargarDiferido } from './carga-diferida.js';
import type { ListaActividad } from './lista-actividad.js';
import type { SesionesAbiertas } from './sesiones-abiertas.js';

/**
 * "Actividad reciente": a collapsible panel with the open sessions and the user's audit events.
 * What it shows comes in the lazy chunk of diferido.ts.
 * @internal
 */
@customElement('mug-actividad-reciente')
@localized()
export class ActividadReciente extends LitElement {
  static override styles = [
    estilosComunes,
    css`
      details {
        margin-top: 1.5rem;
        border: 1px solid var(--_borde);
        border-radius: var(--_radio);
        padding: 0.5rem 0.75rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.25rem 0;
      }
    `,
  ];

  @property({ attribute: false }) api!: ClienteApi;
  @state() private contenido: 'cerrado' | 'cargando' | 'listo' | 'error' = 'cerrado';
  @query('mug-lista-actividad') private lista?: ListaActividad;
  @query('mug-sesiones-abiertas') private sesiones?: SesionesAbiertas;

  /** Reloads what is already shown (after a change). */
  recargar() {
    void this.lista?.recargar();
    this.sesiones?.recargar();
  }

  private async cargar() {
    this.contenido = 'cargando';
    try {
      await import('./diferido.js');
      this.contenido = 'listo';
    } catch {
      this.contenido = 'error';
    }
  }

  private alternar(e: Event) {
    if ((e.target as HTMLDetailsElement).open && this.contenido === 'cerrado') void this.cargar();
  }

  override render() {
    return html`<details part="actividad" @toggle=${this.alternar}>
      <summary>${msg('Actividad reciente')}</summary>
      ${this.contenido === 'listo'
        ? html`<mug-sesiones-abiertas .api=${this.api} @sesiones-cerradas=${() => this.lista?.recargar()}></mug-sesiones-abiertas>
            <mug-lista-actividad .api=${this.api}></mug-lista-actividad>`
        : this.contenido === 'error'
          ? html`<p class="error">${textoProblema('RED')} <button type="button" @click=${this.cargar}>${msg('Reintentar')}</button></p>`
          : html`<p aria-busy="true">${msg('Cargando…')}</p>`}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-actividad-reciente': ActividadReciente;
  }
}
