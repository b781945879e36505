import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { estilosFormularioLogin } from './formulario-login.styles.js';
import type { ClienteApi } from '../lib/api.js';
import type { Sesion } from '../../../contract/api.js';
import { textoFallo } from '../lib/mensajes.js';
import { botonMostrar } from './campos.js';

/** Fired inside the element when the built-in login got a session. @internal */
export class SesionIniciadaEvent extends Event {
  constructor(
    readonly token: string,
    /** As typed (trimmed); the BFF compares it in lower case. */
    readonly idUsuario: string,
  ) {
    super('sesion-iniciada', { bubbles: true, composed: false });
  }
}

/**
 * The element's own small login (ID.usuario, Contraseña), shown on 401 when the host gave no
 * token. The token it gets is handed up and kept in memory only.
 * @internal
 */
@customElement('mug-formulario-login')
@localized()
export class FormularioLogin extends LitElement {
  static override styles = estilosFormularioLogin;

  @property({ attribute: false }) api!: ClienteApi;
  /** Called in render (msg() only there), so a shown error follows a locale switch. */
  @state() private error: (() => string | TemplateResult) | null = null;
  @state() private ocupado = false;
  /** The fields left empty at the last try: marked invalid and described by the message. */
  @state() private vacios = { id: false, contrasena: false };
  @state() private mostrarContrasena = false;

  private async enviar(e: SubmitEvent) {
    e.preventDefault();
    if (this.ocupado) return;
    const form = e.target as HTMLFormElement;
    const idUsuario = (form.elements.namedItem('idUsuario') as HTMLInputElement).value.trim();
    const contrasena = (form.elements.namedItem('contrasena') as HTMLInputElement).value;
    this.vacios = { id: !idUsuario, contrasena: !contrasena };
    if (!idUsuario || !contrasena) {
      this.error = () => msg('Escriba su ID.usuario y su contraseña.');
      (form.elements.namedItem(idUsuario ? 'contrasena' : 'idUsuario') as HTMLInputElement).focus();
      return;
    }
    this.ocupado = true;
    this.error = null;
    try {
      const { datos } = await this.api.post<Sesion>('/api/sesiones', { idUsuario, contrasena });
      form.reset();
      this.dispatchEvent(new SesionIniciadaEvent(datos.token, idUsuario));
    } catch (err) {
      this.error = () => textoFallo(err);
    } finally {
      this.ocupado = false;
    }
  }

  override render() {
    return html`<form part="login" @submit=${this.enviar} novalidate aria-labelledby="titulo-login">
      <h2 id="titulo-login">${msg('Ingrese para modificar su información')}</h2>
      <div>
        <label for="login-id">${msg('ID.usuario')}</label>
        <input
          id="login-id"
          name="idUsuario"
          autocomplete="username"
          aria-required="true"
          autocapitalize="none"
          spellcheck="false"
          aria-invalid=${this.vacios.id ? 'true' : 'false'}
          aria-describedby=${this.error ? 'login-error' : nothing}
          @input=${() => (this.vacios = { ...this.vacios, id: false })}
        />
      </div>
      <div>
        <label for="login-clave">${msg('Contraseña')}</label>
        <div class="con-accion">
          <input
            id="login-clave"
            name="contrasena"
            type=${this.mostrarContrasena ? 'text' : 'password'}
            autocomplete="current-password"
            aria-required="true"
            aria-invalid=${this.vacios.contrasena ? 'true' : 'false'}
            aria-describedby=${this.error ? 'login-error' : nothing}
            @input=${() => (this.vacios = { ...this.vacios, contrasena: false })}
          />
          ${botonMostrar(this.mostrarContrasena, msg('Contraseña'), () => (this.mostrarContrasena = !this.mostrarContrasena))}
        </div>
      </div>
      <div role="alert">${this.error ? html`<p id="login-error" class="error">${this.error()}</p>` : null}</div>
      <div>
        <button class="principal" ?disabled=${this.ocupado} aria-busy=${this.ocupado ? 'true' : 'false'}>${msg('Ingresar')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-formulario-login': FormularioLogin;
  }
}
