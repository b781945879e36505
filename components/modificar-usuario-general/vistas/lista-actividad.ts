import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { estilosListaActividad } from './lista-actividad.styles.js';
import { formatoFecha } from './actividad-comun.js';
import { ErrorRed, type ClienteApi } from '../lib/api.js';
import { etiqueta, textoProblema } from '../lib/mensajes.js';
import type { Actividad } from '../../../contract/api.js';

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
  static override styles = estilosListaActividad;

  @property({ attribute: false }) api!: ClienteApi;
  /** The newest first; a reload keeps the list shown until its answer. */
  private readonly eventos = new Task(this, {
    task: async (_, { signal }): Promise<Actividad[]> =>
      [...(await this.api.get<Actividad[]>('/api/usuario/actividad', signal)).datos].sort((a, b) => Date.parse(b.creadoEn) - Date.parse(a.creadoEn)),
    args: () => [],
  });

  recargar() {
    void this.eventos.run();
  }

  override render() {
    const lista = this.eventos.value;
    return html`<h3>${msg('Eventos')}</h3>
      ${this.eventos.render({
        pending: () => (lista ? this.lista(lista) : html`<p aria-busy="true">${msg('Cargando…')}</p>`),
        complete: (eventos) => this.lista(eventos),
        // Worded here (msg() only in render), so it follows a locale switch.
        error: (e) =>
          html`<p class="error">${textoProblema(e instanceof ErrorRed ? 'RED' : undefined)} <button type="button" @click=${() => this.recargar()}>${msg('Reintentar')}</button></p>`,
      })}`;
  }

  private lista(eventos: Actividad[]) {
    const fecha = formatoFecha();
    return eventos.length === 0
      ? html`<p>${msg('No hay actividad registrada.')}</p>`
      : html`<ol>
          ${eventos.map(
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
        </ol>`;
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
