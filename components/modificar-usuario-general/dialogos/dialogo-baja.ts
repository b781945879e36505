import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import * as v from 'valibot';
import { BajaInputSchema } from '../../../contract/usuario.js';
import { contarCaracteres } from '../../../contract/texto.js';
import { codigosDe } from '../lib/validacion.js';
import { estilosDialogoBaja } from './dialogo-baja.styles.js';
import { ProblemaHttp, type ClienteApi } from '../lib/api.js';
import { textoFallo } from '../lib/mensajes.js';
import { textoError } from '../lib/textos-error.js';
import type { BajaRegistrada } from '../../../contract/api.js';
import type { CodigoCampo } from '../../../contract/codigos.js';

/**
 * The "Solicitud de baja" dialog (seed §5.8): a required Motivo (10–500 characters) and a
 * button that posts it. Resolves `abrir()` with the registered baja, or null when cancelled.
 * @internal
 */
@customElement('mug-dialogo-baja')
@localized()
export class DialogoBaja extends LitElement {
  static override styles = estilosDialogoBaja;

  @property({ attribute: false }) api!: ClienteApi;
  @state() private motivo = '';
  @state() private codigoError: CodigoCampo | null = null;
  /** A failure not about Motivo; kept as the error and worded in render (msg() only there). */
  @state() private fallo: unknown = null;
  @state() private ocupado = false;
  @query('dialog') private dialogo!: HTMLDialogElement;
  @query('textarea') private campo!: HTMLTextAreaElement;
  private resolver: ((r: BajaRegistrada | null) => void) | null = null;

  abrir(): Promise<BajaRegistrada | null> {
    this.motivo = '';
    this.codigoError = null;
    this.fallo = null;
    this.dialogo.showModal();
    return new Promise((resolver) => (this.resolver = resolver));
  }

  private async enviar(e: SubmitEvent) {
    e.preventDefault();
    if (this.ocupado) return;
    const r = v.safeParse(BajaInputSchema, { motivo: this.motivo });
    if (!r.success) {
      this.codigoError = codigosDe(r.issues)[0]?.codigo ?? 'FORMATO';
      this.campo.focus();
      return;
    }
    this.ocupado = true;
    this.fallo = null;
    try {
      const { datos } = await this.api.post<BajaRegistrada>('/api/usuario/baja', r.output);
      this.terminar(datos);
    } catch (err) {
      if (err instanceof ProblemaHttp && err.errores[0]) {
        this.codigoError = err.errores[0].codigo;
        this.campo.focus();
      } else if (err instanceof ProblemaHttp && err.status === 401) {
        // The session ended: the element shows its login (or tells the host); a modal left open
        // over it would make that login unreachable.
        this.terminar(null);
      } else {
        this.fallo = err;
      }
    } finally {
      this.ocupado = false;
    }
  }

  private terminar(resultado: BajaRegistrada | null) {
    const resolver = this.resolver;
    this.resolver = null;
    if (this.dialogo.open) this.dialogo.close();
    resolver?.(resultado);
  }

  override render() {
    const largo = contarCaracteres(this.motivo.trim());
    const invalido = !!this.codigoError;
    return html`<dialog part="dialogo" aria-labelledby="titulo-baja" @close=${() => this.terminar(null)}>
      <form @submit=${this.enviar} novalidate>
        <h2 id="titulo-baja">${msg('Solicitud de baja')}</h2>
        <p id="texto-baja">
          ${msg('Su usuario quedará desactivado de inmediato y se cerrarán sus sesiones. Recibirá una confirmación en su correo registrado. No se borra ningún dato.')}
        </p>
        <div class="etiqueta"><label for="motivo">${msg('Motivo')}</label> <span class="req" aria-hidden="true">*</span></div>
        <textarea
          id="motivo"
          rows="4"
          aria-required="true"
          aria-invalid=${invalido ? 'true' : 'false'}
          aria-describedby="contador-motivo ${invalido ? 'error-motivo' : ''}"
          .value=${this.motivo}
          @input=${(e: Event) => {
            this.motivo = (e.target as HTMLTextAreaElement).value;
            this.codigoError = null;
          }}
        ></textarea>
        <p id="contador-motivo" class="tenue">${msg(str`${largo} de 500 caracteres (mínimo 10).`)}</p>
        ${this.codigoError ? html`<p id="error-motivo" class="error">${textoError('motivo', this.codigoError)}</p>` : null}
        ${this.fallo ? html`<p class="error" role="alert">${textoFallo(this.fallo)}</p>` : null}
        <div class="acciones">
          <button type="button" @click=${() => this.terminar(null)}>${msg('Cancelar')}</button>
          <button class="principal" ?disabled=${this.ocupado} aria-busy=${this.ocupado ? 'true' : 'false'}>${msg('Solicitud de baja')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-dialogo-baja': DialogoBaja;
  }
}
