import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { estilosComunes } from './comunes.styles.js';
import { estilosLista, formatoFecha } from './actividad-comun.js';
import { ErrorRed, type ClienteApi } from './api.js';
import { etiqueta, textoProblema } from './mensajes.js';
import type { Actividad } from '../../contract/api.js';

/** A notice that could not be sent names the event it was about, not a field. */
const nombreCampo = (evento: string, campo: string) => (evento === 'AVISO_NO_ENVIADO' ? nombreEvento(campo) : etiqueta(campo));

/**
 * The user's audit events in "Actividad reciente" (latest first), loaded when the panel is first
 * opened and again after each change.
 * @internal
 */
@customElement('mug-lista-actividad')
@localized()
export class ListaActividad extends LitElement {
  static override styles = [estilosComunes, estilosLista];

  @property({ attribute: false }) api!: ClienteApi;
  @state() private eventos: Actividad[] | null = null;
  /** Worded in render (msg() only there), so it follows a locale switch. */
  @state() private error: 'RED' | 'OTRO' | null = null;

  override connectedCallback() {
    super.connectedCallback();
    void this.recargar();
  }

  async recargar() {
    this.error = null;
    try {
      const { datos } = await this.api.get<Actividad[]>('/api/usuario/actividad');
      this.eventos = [...datos].sort((a, b) => Date.parse(b.creadoEn) - Date.parse(a.creadoEn));
    } catch (e) {
      this.error = e instanceof ErrorRed ? 'RED' : 'OTRO';
    }
  }

  override render() {
    const fecha = formatoFecha();
    return html`<h3>${msg('Eventos')}</h3>
      ${this.error
        ? html`<p class="error">${textoProblema(this.error === 'RED' ? 'RED' : '')} <button type="button" @click=${() => this.recargar()}>${msg('Reintentar')}</button></p>`
        : this.eventos === null
          ? html`<p aria-busy="true">${msg('Cargando…')}</p>`
          : this.eventos.length === 0
            ? html`<p>${msg('No hay actividad registrada.')}</p>`
            : html`<ol>
                ${this.eventos.map(
                  (a) => html`<li>
                    <strong>${nombreEvento(a.evento)}</strong>
                    ${a.conteo > 1 ? html`<span class="conteo">${msg(str`(${a.conteo} veces)`, { desc: 'Times a repeated event happened in the same window' })}</span>` : nothing}
                    <div class="detalle">
                      <time datetime=${a.creadoEn}>${fecha.format(new Date(a.creadoEn))}</time>
                      ${a.ip ? html`<span class="ip">${msg('IP')} ${a.ip}</span>` : nothing}
                    </div>
                    ${a.campos?.length ? html`<div class="detalle">${a.campos.map((c) => nombreCampo(a.evento, c)).join(', ')}</div>` : nothing}
                  </li>`,
                )}
              </ol>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-lista-actividad': ListaActividad;
  }
}

/** Names of the audit events of "Actividad reciente": those the BFF writes (grep `evento:` in bff/). */
function nombreEvento(evento: string): string {
  switch (evento) {
    case 'INICIO_SESION': return msg('Inicio de sesión');
    case 'INICIO_SESION_FALLIDO': return msg('Intento de inicio de sesión fallido');
    case 'CIERRE_SESION': return msg('Cierre de sesión');
    case 'SESIONES_CERRADAS': return msg('Cierre de las demás sesiones');
    case 'DATOS_MODIFICADOS': return msg('Modificación de datos');
    case 'LIMITE_EXCEDIDO': return msg('Demasiados intentos');
    case 'CLAVE_MODIFICADA': return msg('Cambio de contraseña');
    case 'CORREO_MODIFICADO': return msg('Cambio de correo electrónico');
    case 'CORREO_REVERTIDO': return msg('Cambio de correo revertido («No reconozco este cambio»)');
    case 'CLAVE_RESTABLECIDA': return msg('Contraseña nueva con el enlace de desbloqueo');
    case 'CODIGO_SOLICITADO': return msg('Código de seguridad solicitado');
    case 'CONTRASENA_INCORRECTA': return msg('Contraseña incorrecta');
    case 'AVISO_NO_ENVIADO': return msg('Aviso por correo no enviado');
    case 'BAJA_SOLICITADA': return msg('Solicitud de baja');
    // An event added later on the server: its code, made readable, rather than nothing.
    default: return evento.charAt(0) + evento.slice(1).toLowerCase().replace(/_/g, ' ');
  }
}
