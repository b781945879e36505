import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { normalizarCodigo } from '../../../contract/texto.js';
import { asterisco, campoLectura, campoTexto, idDe, type AnfitrionCampos } from './campos.js';
import type { FlujoCorreo } from '../controladores/flujo-correo.js';
import type { Usuario } from '../../../contract/api.js';

export type EstadoCorreo = Readonly<
  Pick<FlujoCorreo, 'verificado' | 'comprobando' | 'solicitando' | 'expira' | 'esperaReenvio' | 'restante' | 'anuncio' | 'intentosRestantes' | 'vistaCodigo'>
>;

export interface AnfitrionCorreoVista extends AnfitrionCampos {
  /** The new address's steps: check, code, countdown (read only). */
  correo: EstadoCorreo;
  usuario: Usuario;
  comprobarCorreo(): void;
  solicitarCodigo(): void;
  usarOtroCorreo(): void;
}

function radio(h: AnfitrionCorreoVista, valor: 'si' | 'no', texto: string) {
  return html`<label class="radio">
    <input
      type="radio"
      name="mantenerCorreo"
      value=${valor}
      .checked=${h.valores.mantenerCorreo === valor}
      @change=${() => h.cambiar('mantenerCorreo', valor)}
    />
    ${texto}
  </label>`;
}

/** Seed §5.5.1: keep the email (Sí/No), the new address, its check, the security code (its countdown: estado-codigo.ts). */
export function seccionCorreo(h: AnfitrionCorreoVista) {
  const f = h.correo;
  const mantener = h.valores.mantenerCorreo === 'si';
  const bloqueado = f.verificado !== null;
  const errorMantener = h.errorVisible('mantenerCorreo');
  const espera = f.esperaReenvio;
  // A disabled button says why, through the text that explains it (visible next to it).
  const porQueComprobar = mantener ? 'ayuda-mantener' : bloqueado ? 'correo-disponible' : undefined;
  const porQueSolicitar = mantener
    ? 'ayuda-mantener'
    : !bloqueado
      ? `${idDe('codigoSeguridad')}-ayuda`
      : espera > 0 ? 'espera-reenvio' : undefined;
  // Enter in either address field checks it (its own button), not the whole form; once checked
  // (locked) it does nothing.
  const alEnterCorreo = () => {
    if (!bloqueado && !f.comprobando) h.comprobarCorreo();
    return true;
  };
  const comprobar = html`<button
    id="boton-comprobar"
    type="button"
    part="boton"
    ?disabled=${mantener || bloqueado || f.comprobando}
    aria-busy=${f.comprobando ? 'true' : 'false'}
    aria-describedby=${ifDefined(porQueComprobar)}
    @click=${() => h.comprobarCorreo()}
  >
    ${msg('Comprobar disponibilidad')}
  </button>`;
  const solicitar = html`<button
    id="boton-solicitar-codigo"
    type="button"
    part="boton"
    ?disabled=${mantener || !bloqueado || f.solicitando || espera > 0}
    aria-busy=${f.solicitando ? 'true' : 'false'}
    aria-describedby=${ifDefined(porQueSolicitar)}
    @click=${() => h.solicitarCodigo()}
  >
    ${f.expira !== null ? msg('Solicitar un nuevo código') : msg('Solicitar código de seguridad')}
  </button>`;
  return html`<fieldset class="seccion ancho" part="seccion">
    <legend>${msg('Correo electrónico')}</legend>
    <div class="rejilla">
      <fieldset
        class="campo ancho radios"
        role="radiogroup"
        aria-required="true"
        aria-invalid=${errorMantener ? 'true' : 'false'}
        aria-describedby=${errorMantener ? 'correo-actual mantenerCorreo-error' : 'correo-actual'}
      >
        <legend>${asterisco(true)}<span>${msg('Desea mantener el mismo correo electrónico')}</span></legend>
        ${radio(h, 'si', msg('Sí'))} ${radio(h, 'no', msg('No'))}
        <p id="correo-actual" class="ayuda">${msg(str`Correo registrado: ${h.usuario.correo}`)}</p>
        ${errorMantener ? html`<p id="mantenerCorreo-error" class="error">${h.mensajeError('mantenerCorreo', errorMantener)}</p>` : nothing}
      </fieldset>
      ${campoTexto(h, 'correo', {
        etiqueta: msg('Correo Electrónico'),
        tipo: 'email',
        autocomplete: 'email',
        inputmode: 'email',
        maxlength: 254,
        requerido: !mantener,
        deshabilitado: mantener,
        soloLectura: bloqueado,
        alEnter: alEnterCorreo,
      })}
      ${campoTexto(h, 'confirmacionCorreo', {
        etiqueta: msg('Confirmación de correo electrónico'),
        tipo: 'email',
        autocomplete: 'off',
        inputmode: 'email',
        maxlength: 254,
        requerido: !mantener,
        deshabilitado: mantener,
        soloLectura: bloqueado,
        alEnter: alEnterCorreo,
      })}
      <div class="ancho acciones-campo">
        ${comprobar}
        ${mantener ? html`<p id="ayuda-mantener" class="ayuda">${msg('Para cambiar el correo elija «No».')}</p>` : nothing}
        ${bloqueado && !mantener
          ? html`<span id="correo-disponible" class="exito" role="status">${msg('Correo disponible.')}</span>
              <button type="button" class="enlace" @click=${() => h.usarOtroCorreo()}>${msg('Usar otro correo')}</button>`
          : nothing}
      </div>
      ${campoTexto(h, 'codigoSeguridad', {
        etiqueta: msg('Ingrese código de seguridad'),
        requerido: !mantener,
        deshabilitado: mantener || !bloqueado,
        autocomplete: 'one-time-code',
        ancho: true,
        accion: solicitar,
        // Codes arrive by email as "ABCD 2345" and may be typed in lower case: the paste happens
        // (no maxlength to cut it, no handler that cancels it) and is normalised as any input.
        filtro: normalizarCodigo,
        // Empty, Enter asks for the code (its button); with a code typed it sends the form, the
        // step the code completes.
        alEnter: () => {
          const pedir = !h.valores.codigoSeguridad && bloqueado && !f.solicitando && espera === 0;
          if (pedir) h.solicitarCodigo();
          return pedir;
        },
        ayuda: mantener
          ? undefined
          : bloqueado
            ? msg('El código llega al nuevo correo; revise también la carpeta de correo no deseado.')
            : msg('Primero compruebe la disponibilidad del correo.'),
      })}
      ${!mantener && f.vistaCodigo ? f.vistaCodigo.estadoCodigo(f, espera) : nothing}
      <div class="oculto" aria-live="polite" id="anuncio-codigo">
        ${f.anuncio !== null && f.expira !== null && f.vistaCodigo ? f.vistaCodigo.anuncioMinutos(f.anuncio) : ''}
      </div>
      ${campoLectura(idDe('correoSenae'), msg('SENAE Correo Electrónico'), h.usuario.correoSenae)}
    </div>
  </fieldset>`;
}
