import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { campoTexto, idDe, type AnfitrionCampos } from './campos.js';
import type { ContextoContrasena } from '../../../contract/datos-personales.js';
import type { FlujoContrasena } from '../controladores/flujo-contrasena.js';

export interface AnfitrionContrasena extends AnfitrionCampos {
  /** The password check and the new password's evaluation (read only). */
  contrasena: Readonly<Pick<FlujoContrasena, 'verificada' | 'verificando' | 'evaluacion' | 'sinEvaluador' | 'requisitos'>>;
  contextoContrasena(): ContextoContrasena;
  verificarContrasena(): void;
}

/** Contraseña anterior + Cambio de clave, then the new password, its checklist and meter (requisitos-contrasena.ts). */
export function seccionContrasena(h: AnfitrionContrasena) {
  const c = h.contrasena;
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
      ${c.verificada && c.requisitos ? c.requisitos.requisitosContrasena(h) : nothing}
    </div>
  </fieldset>`;
}
