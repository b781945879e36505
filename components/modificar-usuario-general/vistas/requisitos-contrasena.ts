import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { contieneDatosPersonales } from '../../../contract/datos-personales.js';
import { longitudContrasenaValida } from '../../../contract/texto.js';
import type { AnfitrionContrasena } from './seccion-contrasena.js';

// The new password's checklist and strength meter: shown once the old password is verified, they
// are a lazy part fetched with that check (FlujoContrasena.verificar).

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

/** The live checklist of the new password and, once zxcvbn has evaluated it, the meter. */
export function requisitosContrasena(h: AnfitrionContrasena) {
  const c = h.contrasena;
  const nueva = h.valores['cambioClave.contrasena'];
  const confirmacion = h.valores['cambioClave.confirmacion'];
  const ev = c.evaluacion;
  return html`<div class="ancho requisitos" id="clave-requisitos">
    <p class="subtitulo">${msg('Requisitos de la nueva contraseña')}</p>
    <!-- Neutral («…», pendiente) until something is typed: not four red crosses to start. -->
    <ul class="checklist">
      ${item(nueva ? longitudContrasenaValida(nueva.normalize('NFKC')) : null, msg('Entre 12 y 128 caracteres'))}
      ${item(confirmacion ? confirmacion === nueva : null, msg('La confirmación es igual'))}
      ${item(
        nueva ? (ev ? ev.sinDatosPersonales : !contieneDatosPersonales(nueva, h.contextoContrasena())) : null,
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
  </div>`;
}
