import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import type { SesionAbierta, SesionesCerradas } from '../../../contract/api.js';
import { estilosSesionesAbiertas } from './sesiones-abiertas.styles.js';
import { formatoFecha } from './actividad-comun.js';
import { ErrorRed, ProblemaHttp, type ClienteApi } from '../lib/api.js';
import { textoFallo, textoProblema } from '../lib/mensajes.js';

/** Fired (inside the panel) after other sessions were ended, so the event list shows it. */
export class SesionesCerradasEvent extends Event {
  constructor() {
    super('sesiones-cerradas', { bubbles: true, composed: true });
  }
}

/**
 * The user's open sessions in "Actividad reciente" (device, address, last use, which one is this)
 * and «Cerrar las demás sesiones» (ASVS 7.5.2), which asks for the password when the last proof
 * is older than 15 minutes.
 * @internal
 */
@customElement('mug-sesiones-abiertas')
@localized()
export class SesionesAbiertas extends LitElement {
  static override styles = estilosSesionesAbiertas;

  @property({ attribute: false }) api!: ClienteApi;
  @state() private cerrando = false;
  /** What the last «Cerrar las demás sesiones» did; worded in render. */
  @state() private resultado: SesionesCerradas | { fallo: unknown } | null = null;

  private readonly sesiones = new Task(this, {
    task: async (_, { signal }) => (await this.api.get<SesionAbierta[]>('/api/sesiones', signal)).datos,
    args: () => [],
  });

  recargar() {
    void this.sesiones.run();
  }

  private async cerrarOtras() {
    this.cerrando = true;
    this.resultado = null;
    try {
      const { datos } = await this.api.solicitar<SesionesCerradas>('DELETE', '/api/sesiones/otras');
      this.resultado = datos;
      this.dispatchEvent(new SesionesCerradasEvent());
      this.recargar();
    } catch (e) {
      // A 401 shows the login; a re-authentication the user cancelled needs no message.
      const p = e instanceof ProblemaHttp ? e : null;
      if (p?.status !== 401 && p?.codigo !== 'REAUTENTICACION_REQUERIDA') this.resultado = { fallo: e };
    } finally {
      this.cerrando = false;
    }
  }

  private aviso() {
    const r = this.resultado;
    if (!r) return '';
    if ('fallo' in r) return textoFallo(r.fallo);
    return r.cerradas === 1 ? msg('Se cerró 1 sesión.') : msg(str`Se cerraron ${r.cerradas} sesiones.`);
  }

  private lista(sesiones: SesionAbierta[]) {
    const fecha = formatoFecha();
    const otras = sesiones.filter((s) => !s.actual).length;
    return html`<ul>
        ${sesiones.map(
          (s) => html`<li>
            <strong>${s.dispositivo ?? msg('Dispositivo desconocido')}</strong>
            ${s.actual ? html`<span class="actual">· ${msg('Esta sesión')}</span>` : nothing}
            <div class="detalle">
              ${msg('Último uso:')} <time datetime=${s.ultimoUsoEn}>${fecha.format(new Date(s.ultimoUsoEn))}</time>
              ${s.ip ? html`<span class="ip">${msg('IP')} ${s.ip}</span>` : nothing}
            </div>
          </li>`,
        )}
      </ul>
      ${otras > 0
        ? html`<button type="button" part="boton" ?disabled=${this.cerrando} aria-busy=${this.cerrando ? 'true' : 'false'} @click=${this.cerrarOtras}>
            ${msg('Cerrar las demás sesiones')}
          </button>`
        : html`<p class="tenue">${msg('No hay otras sesiones abiertas.')}</p>`}`;
  }

  override render() {
    return html`<h3>${msg('Sesiones abiertas')}</h3>
      ${this.sesiones.render({
        pending: () => html`<p aria-busy="true">${msg('Cargando…')}</p>`,
        complete: (sesiones) => this.lista(sesiones),
        error: (e) =>
          html`<p class="error">${textoProblema(e instanceof ErrorRed ? 'RED' : undefined)} <button type="button" @click=${this.recargar}>${msg('Reintentar')}</button></p>`,
      })}
      <p role="status" class=${this.resultado && 'fallo' in this.resultado ? 'error' : 'tenue'}>${this.aviso()}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-sesiones-abiertas': SesionesAbiertas;
  }
  interface GlobalEventHandlersEventMap {
    'sesiones-cerradas': SesionesCerradasEvent;
  }
}
