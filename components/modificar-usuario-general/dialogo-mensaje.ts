import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { estilosDialogo } from './dialogo.styles.js';

/** A button of a message dialog; `texto` is called in render, so it follows the locale. */
export interface BotonMensaje {
  valor: string;
  texto: () => string;
  principal?: boolean;
}

export interface Mensaje {
  titulo: () => string;
  texto: () => string | TemplateResult;
  /** More content under the text (a list of changes), rendered as given. */
  detalle?: () => unknown;
  botones: BotonMensaje[];
}

/** The focused element, inside open shadow roots. */
function enfocado(): HTMLElement | null {
  let e = document.activeElement;
  while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
  return e as HTMLElement | null;
}

/**
 * Informative, confirmation and success messages on a native modal `<dialog>` (focus trap and
 * Escape come with it). Messages asked for while one is open wait their turn.
 * @internal
 */
@customElement('mug-dialogo-mensaje')
@localized()
export class DialogoMensaje extends LitElement {
  static override styles = estilosDialogo;

  @state() private actual: Mensaje | null = null;
  @query('dialog') private dialogo!: HTMLDialogElement;
  private cola: Promise<unknown> = Promise.resolve();
  /** Messages no longer true (the idle warning once the session ended): closed, or never shown. */
  private retirados = new WeakSet<Mensaje>();

  /** Shows the message; resolves with the `valor` of the button used ('' for Escape). */
  mostrar(mensaje: Mensaje): Promise<string> {
    const turno = this.cola.then(() => this.abrir(mensaje));
    this.cola = turno.catch(() => undefined);
    return turno;
  }

  /** Closes `mensaje` if it is shown (its promise resolves with 'retirado'), or skips it if it is waiting. */
  retirar(mensaje: Mensaje) {
    if (this.actual === mensaje) this.dialogo.close('retirado');
    else this.retirados.add(mensaje);
  }

  private async abrir(mensaje: Mensaje): Promise<string> {
    if (this.retirados.delete(mensaje)) return 'retirado';
    this.actual = mensaje;
    await this.updateComplete;
    const dialogo = this.dialogo;
    const previo = enfocado();
    dialogo.returnValue = '';
    dialogo.showModal();
    return new Promise((resolver) => {
      dialogo.addEventListener(
        'close',
        () => {
          this.actual = null;
          // Chromium gives the focus back to the control inside the host's shadow root; Firefox
          // leaves it on <body>. Either way it goes back where the user was.
          const ahora = enfocado();
          if ((!ahora || ahora === document.body || dialogo.contains(ahora)) && previo?.isConnected) previo.focus();
          resolver(dialogo.returnValue);
        },
        { once: true },
      );
    });
  }

  override render() {
    const m = this.actual;
    return html`<dialog part="dialogo" aria-labelledby="titulo" aria-describedby="texto">
      ${m
        ? html`<form method="dialog">
            <h2 id="titulo">${m.titulo()}</h2>
            <p id="texto">${m.texto()}</p>
            ${m.detalle?.()}
            <div class="acciones">
              ${m.botones.map(
                (b) => html`<button value=${b.valor} class=${b.principal ? 'principal' : ''} ?autofocus=${!!b.principal}>${b.texto()}</button>`,
              )}
            </div>
          </form>`
        : null}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mug-dialogo-mensaje': DialogoMensaje;
  }
}
