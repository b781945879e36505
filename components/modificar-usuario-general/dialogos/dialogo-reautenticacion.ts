import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { estilosDialogoReautenticacion } from './dialogo-reautenticacion.styles.js';
import { ProblemaHttp, type ClienteApi } from '../lib/api.js';
import { textoFallo } from '../lib/mensajes.js';
import { botonMostrar } from '../vistas/campos.js';

/**
 * Asks for the password when the BFF answers 403 REAUTENTICACION_REQUERIDA; the form under it
 * keeps everything typed, and the caller retries its request after `pedir()` resolves true.
 * @internal
 */
@customElement('mug-dialogo-reautenticacion')
@localized()
export class DialogoReautenticacion extends LitElement {
  static override styles = estilosDialogoReautenticacion;

  @property({ attribute: false }) api!: ClienteApi;
  /** Called in render (msg() only there), so a shown error follows a locale switch. */
  @state() private error: (() => string | TemplateResult) | null = null;
  @state() private ocupado = false;
  /** The form exists only while open, so its «Contraseña» is never a second field with that name. */
  @state() private abierto = false;
  @state() private mostrarContrasena = false;
  @query('dialog') private dialogo!: HTMLDialogElement;
  @query('input') private campo?: HTMLInputElement;
  private pendiente: Promise<boolean> | null = null;
  private resolver: ((ok: boolean) => void) | null = null;
  private rechazar: ((e: unknown) => void) | null = null;

  /**
   * Opens the dialog (once, even if several calls need it); true when the proof was renewed.
   * Rejects with the 401 when the session ended meanwhile, so the caller fails as a 401 does.
   */
  pedir(): Promise<boolean> {
    this.pendiente ??= new Promise<boolean>((resolver, rechazar) => {
      this.resolver = resolver;
      this.rechazar = rechazar;
      this.error = null;
      this.abierto = true;
      void this.updateComplete.then(() => this.dialogo.showModal());
    }).finally(() => (this.pendiente = null));
    return this.pendiente;
  }

  private async enviar(e: SubmitEvent) {
    e.preventDefault();
    const contrasena = this.campo?.value ?? '';
    if (!contrasena) {
      this.error = () => msg('Escriba su contraseña.');
      this.campo?.focus();
      return;
    }
    this.ocupado = true;
    try {
      await this.api.post('/api/sesiones/reautenticacion', { contrasena });
      this.cerrar(true);
    } catch (err) {
      // The session ended (the element shows its login or tells the host): a modal left open
      // over that login would make it unreachable.
      if (err instanceof ProblemaHttp && err.status === 401) return this.cerrar(false, err);
      this.error =
        err instanceof ProblemaHttp && err.status === 422
          ? () => msg('La contraseña no es correcta.')
          : () => textoFallo(err);
      this.campo?.focus();
    } finally {
      this.ocupado = false;
    }
  }

  private cerrar(ok: boolean, error?: unknown) {
    const { resolver, rechazar } = this;
    this.resolver = this.rechazar = null;
    this.abierto = false;
    if (this.dialogo.open) this.dialogo.close();
    if (error) rechazar?.(error);
    else resolver?.(ok);
  }

  override render() {
    return html`<dialog part="dialogo" aria-labelledby="titulo-reaut" @close=${() => this.cerrar(false)}>
      ${this.abierto ? this.formulario() : nothing}
    </dialog>`;
  }

  private formulario() {
    return html`<form @submit=${this.enviar} novalidate>
        <h2 id="titulo-reaut">${msg('Confirme su identidad')}</h2>
        <p id="texto-reaut">${msg('Por seguridad, escriba su contraseña para continuar. Lo que ha escrito en el formulario se conserva.')}</p>
        <label for="clave-reaut">${msg('Contraseña')}</label>
        <div class="con-accion">
          <input
            id="clave-reaut"
            type=${this.mostrarContrasena ? 'text' : 'password'}
            autocomplete="current-password"
            aria-required="true"
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="texto-reaut ${this.error ? 'error-reaut' : ''}"
          />
          ${botonMostrar(this.mostrarContrasena, msg('Contraseña'), () => (this.mostrarContrasena = !this.mostrarContrasena))}
        </div>
        ${this.error ? html`<p id="error-reaut" class="error">${this.error()}</p>` : null}
        <div class="acciones">
          <button type="button" @click=${() => this.cerrar(false)}>${msg('Cancelar')}</button>
          <button class="principal" ?disabled=${this.ocupado} aria-busy=${this.ocupado ? 'true' : 'false'}>${msg('Continuar')}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-dialogo-reautenticacion': DialogoReautenticacion;
  }
}
