import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { campoTexto, idDe, type AnfitrionCampos } from './campos.js';
import { contieneDatosPersonales, type ContextoContrasena } from '../../contract/datos-personales.js';
import { longitudContrasenaValida } from '../../contract/texto.js';
import type { FlujoClave } from './flujo-clave.js';

export interface AnfitrionClave extends AnfitrionCampos {
  clave: FlujoClave;
  contextoClave(): ContextoContrasena;
  verificarContrasena(): void;
}

function nivel(puntaje: number): string {
  return [msg('Muy débil'), msg('Débil'), msg('Regular', { desc: 'password strength' }), msg('Fuerte'), msg('Muy fuerte')][puntaje] ?? '';
}

function item(ok: boolean | null, texto: string) {
  // Read after each password requirement by screen readers: «…: cumple».
  const estado =
    ok === null
      ? msg('pendiente', { desc: 'requirement status' })
      : ok
        ? msg('cumple', { desc: 'requirement status' })
        : msg('no cumple', { desc: 'requirement status' });
  return html`<li class=${ok === null ? 'pendiente' : ok ? 'cumple' : 'falta'}>
    <span aria-hidden="true">${ok === null ? '…' : ok ? '✓' : '✗'}</span> ${texto}<span class="oculto">: ${estado}</span>
  </li>`;
}

/** Contraseña anterior + Cambio de clave, then the new password, its checklist and meter. */
export function seccionClave(h: AnfitrionClave) {
  const c = h.clave;
  const nueva = h.valores['cambioClave.contrasena'];
  const confirmacion = h.valores['cambioClave.confirmacion'];
  const ev = c.evaluacion;
  const boton = html`<button
    type="button"
    part="boton"
    ?disabled=${c.verificada || c.verificando}
    aria-busy=${c.verificando ? 'true' : 'false'}
    aria-describedby=${ifDefined(c.verificada ? `${idDe('cambioClave.contrasenaAnterior')}-ayuda` : undefined)}
    @click=${() => h.verificarContrasena()}
  >
    ${msg('Cambio de clave')}
  </button>`;
  return html`<fieldset class="seccion ancho" part="seccion">
    <legend>${msg('Contraseña')}</legend>
    <div class="rejilla">
      ${campoTexto(h, 'cambioClave.contrasenaAnterior', {
        etiqueta: msg('Contraseña anterior'),
        tipo: 'password',
        autocomplete: 'current-password',
        accion: boton,
        // Enter checks the password (its own button), not the whole form.
        alEnter: () => {
          if (!c.verificada && !c.verificando) h.verificarContrasena();
          return true;
        },
        ancho: true,
        ayuda: c.verificada
          ? msg('Contraseña verificada: escriba la nueva contraseña.')
          : msg('Solo si desea cambiar la contraseña: escriba la actual y pulse «Cambio de clave».'),
      })}
      ${campoTexto(h, 'cambioClave.contrasena', {
        etiqueta: msg('Contraseña'),
        tipo: 'password',
        autocomplete: 'new-password',
        deshabilitado: !c.verificada,
        requerido: c.verificada,
        describe: c.verificada ? 'clave-requisitos' : undefined,
      })}
      ${campoTexto(h, 'cambioClave.confirmacion', {
        etiqueta: msg('Confirmación de Contraseña'),
        tipo: 'password',
        autocomplete: 'new-password',
        deshabilitado: !c.verificada,
        requerido: c.verificada,
      })}
      ${c.verificada
        ? html`<div class="ancho requisitos" id="clave-requisitos">
            <p class="subtitulo">${msg('Requisitos de la nueva contraseña')}</p>
            <!-- Neutral («…», pendiente) until something is typed: not four red crosses to start. -->
            <ul class="checklist">
              ${item(nueva ? longitudContrasenaValida(nueva.normalize('NFKC')) : null, msg('Entre 12 y 128 caracteres'))}
              ${item(confirmacion ? confirmacion === nueva : null, msg('La confirmación es igual'))}
              ${item(
                nueva ? (ev ? ev.sinDatosPersonales : !contieneDatosPersonales(nueva, h.contextoClave())) : null,
                msg('No contiene su ID.usuario, su nombre ni su correo'),
              )}
              ${item(
                nueva && ev ? ev.puntaje >= 3 : null,
                c.sinEvaluador ? msg('Difícil de adivinar (no se pudo evaluar aquí; el servidor lo comprobará)') : msg('Difícil de adivinar'),
              )}
            </ul>
            ${ev && nueva
              ? html`<label class="medidor"
                  >${msg('Fortaleza')}
                  <meter part="medidor" min="0" max="4" low="2" high="3" optimum="4" .value=${ev.puntaje}></meter>
                  <span>${nivel(ev.puntaje)}</span></label
                >`
              : nothing}
          </div>`
        : nothing}
    </div>
  </fieldset>`;
}
