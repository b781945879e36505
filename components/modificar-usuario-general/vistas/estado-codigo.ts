import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { formatoMinutos } from './cuenta-regresiva.js';
import type { EstadoCorreo } from './seccion-correo.js';

// The security code's countdown, resend wait and tries left, and the announcements of its last
// minutes: shown only once a code was asked for, they are a lazy part fetched with the address's
// availability check (FlujoCorreo.comprobar), the step before.

/** The polite announcement of the minutes left (10, 5, 2, 1). */
export function anuncioMinutos(minutos: number): string {
  return minutos === 1
    ? msg('Queda 1 minuto para que venza el código de seguridad.')
    : msg(str`Quedan ${minutos} minutos para que venza el código de seguridad.`);
}

export function estadoCodigo(f: EstadoCorreo, espera: number) {
  if (f.expira === null && espera === 0) return nothing;
  return html`<div class="ancho estado-codigo" part="cuenta-regresiva">
    ${f.expira !== null
      ? html`<p>
          ${msg('El código vence en')}
          <strong role="timer">${formatoMinutos(f.restante)}</strong>
        </p>`
      : nothing}
    ${espera > 0 ? html`<p id="espera-reenvio" class="ayuda">${msg(str`Podrá pedir otro código en ${formatoMinutos(espera)}.`)}</p>` : nothing}
    ${f.intentosRestantes === null
      ? nothing
      : html`<p class="aviso">
          ${f.intentosRestantes > 0
            ? msg(str`Intentos restantes con este código: ${f.intentosRestantes}.`)
            : msg('No quedan intentos con este código: solicite uno nuevo.')}
        </p>`}
  </div>`;
}
