import { html } from 'lit';
import { msg } from '@lit/localize';
import { textoProblema, type CodigoFallo } from '../lib/mensajes.js';

/** Grey blocks in the shape of the form while `GET /api/usuario` is on its way. */
export function vistaEsqueleto() {
  return html`<div class="esqueleto" aria-busy="true" role="status">
    <span class="oculto">${msg('Cargando su información…')}</span>
    <div class="hueso titulo" aria-hidden="true"></div>
    <div class="rejilla" aria-hidden="true">
      ${Array.from({ length: 10 }, () => html`<div class="campo"><div class="hueso etiqueta"></div><div class="hueso control"></div></div>`)}
    </div>
  </div>`;
}

export function vistaErrorCarga(codigo: CodigoFallo | undefined, reintentar: () => void) {
  return html`<div class="aviso-banda error-banda" role="alert" part="aviso">
    <p>${textoProblema(codigo)}</p>
    <button type="button" class="principal" @click=${reintentar}>${msg('Reintentar')}</button>
  </div>`;
}

/** After the 30-minute idle timeout (the warning before it is a modal dialog, see avisos.ts). */
export function avisoSesionCerrada() {
  return html`<div class="aviso-banda" role="alert" part="aviso">
    <p>${msg('Su sesión se cerró por inactividad. Lo que escribió se conserva: al continuar se le pedirá ingresar de nuevo.')}</p>
  </div>`;
}
