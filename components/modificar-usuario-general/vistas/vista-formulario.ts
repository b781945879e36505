import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { campoLectura, campoSelect, campoTexto, rotulo, ayudaVisible, idDe } from './campos.js';
import { seccionContrasena, type AnfitrionContrasena } from './seccion-contrasena.js';
import { seccionCorreo, type AnfitrionCorreoVista } from './seccion-correo.js';
import { etiqueta } from '../lib/mensajes.js';
import { paisesEnIdioma } from '../lib/paises.js';
import type { Opcion } from '../../../contract/api.js';
import type { Campo } from '../lib/tipos.js';
import type { CodigoFormulario } from '../lib/codigos.js';
import type { ClienteApi } from '../lib/api.js';

/**
 * What the form's templates get from the element: its data and the callbacks of its actions, never
 * the element itself (whose members are all private but its public API).
 */
export interface Vista extends AnfitrionContrasena, AnfitrionCorreoVista {
  /** For the activity panel, which asks the BFF itself. */
  api: ClienteApi;
  paises: Opcion[];
  provincias: Opcion[];
  ciudades: Opcion[];
  operadoras: Opcion[];
  cargandoCiudades: boolean;
  /** The errors listed in the summary after a submit, in screen order. */
  resumen: [Campo, CodigoFormulario][];
  enviando: boolean;
  enfocar(campo: Campo): void;
  modificar(e: Event): void;
  solicitarBaja(): void;
  /** The activity panel's module is loaded (abrirActividad fetches it). */
  actividadCargada: boolean;
  abrirActividad(): void;
  /** Fetches what the form needs once the user acts on it (validation, the message dialog). */
  anticipar(): Promise<void>;
}

function documento(tipo: string, numero: string): string {
  const nombre = tipo === 'RUC' ? 'RUC' : tipo === 'CEDULA' ? msg('CÉDULA') : msg('PASAPORTE');
  return `${nombre} (${numero})`;
}

/**
 * The GOV.UK error summary: a heading and one link per error, with the error's own wording, each
 * leading to a control that can fix it. It takes the focus once per submit (tabindex="-1"), and is
 * no live region: fixing a field must not read it all again.
 */
function resumenErrores(h: Vista) {
  const n = h.resumen.length;
  if (!n) return nothing;
  return html`<div class="resumen" part="resumen-errores" tabindex="-1" aria-labelledby="resumen-titulo">
    <h3 id="resumen-titulo" class="subtitulo">${n === 1 ? msg('Hay 1 campo por corregir') : msg(str`Hay ${n} campos por corregir`)}</h3>
    <ul>
      ${h.resumen.map(
        ([campo, codigo]) =>
          html`<li>
            <a
              href="#${idDe(campo)}"
              @click=${(e: Event) => {
                e.preventDefault();
                h.enfocar(campo);
              }}
              >${h.mensajeError(campo, codigo)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

function celular(h: Vista) {
  const error = h.errorVisible('celular.numero');
  const errorOperadora = h.errorVisible('celular.operadora');
  const id = idDe('celular.numero');
  const ayuda = ayudaVisible(
    h.valores['celular.operadora'] === 'OTROS' ? msg('Entre 6 y 14 dígitos.') : msg('09 y 8 dígitos, por ejemplo 099 123 4567.'),
    error,
    true,
  );
  const ids = [ayuda ? `${id}-ayuda` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="campo" part="campo">
    ${rotulo(id, msg('Número de Celular'), true)}
    <div class="celular">
      <select
        id=${idDe('celular.operadora')}
        aria-label=${msg('Operadora')}
        aria-required="true"
        aria-invalid=${errorOperadora ? 'true' : 'false'}
        @change=${(e: Event) => h.cambiar('celular.operadora', (e.target as HTMLSelectElement).value)}
        @blur=${() => h.salir('celular.operadora')}
      >
        ${h.operadoras.map(
          (o) =>
            html`<option value=${o.codigo} ?selected=${o.codigo === h.valores['celular.operadora']}>${o.codigo === 'OTROS'
              ? msg('OTROS', { desc: 'mobile operator: any other' })
              : o.nombre}</option>`,
        )}
      </select>
      <input
        id=${id}
        type="tel"
        inputmode="tel"
        autocomplete="tel-national"
        .value=${h.valores['celular.numero']}
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ids}
        @input=${(e: Event) => h.cambiar('celular.numero', (e.target as HTMLInputElement).value)}
        @blur=${() => h.salir('celular.numero')}
      />
    </div>
    ${ayuda ? html`<p id="${id}-ayuda" class="ayuda">${ayuda}</p>` : nothing}
    ${error ? html`<p id="${id}-error" class="error">${h.mensajeError('celular.numero', error)}</p>` : nothing}
    ${errorOperadora ? html`<p class="error">${h.mensajeError('celular.operadora', errorOperadora)}</p>` : nothing}
  </div>`;
}

/** The whole screen of seed §5.5 in its order, plus the recent activity panel. */
export function vistaFormulario(h: Vista) {
  const u = h.usuario;
  const ecuador = h.valores.pais === 'EC';
  const ayudaTelefono = ecuador
    ? msg('Fijo con código de área (04 234 5678) o celular (099 123 4567).')
    : msg('Entre 6 y 14 dígitos.');
  // Typed as people write them (spaces, dashes, parentheses, +593): normalised when the field is
  // left (see salir), refused with a message when something cannot be part of a number.
  const telefono = (campo: Campo, requerido: boolean) =>
    campoTexto(h, campo, {
      etiqueta: etiqueta(campo),
      requerido,
      tipo: 'tel',
      inputmode: 'tel',
      autocomplete: campo === 'telefono1' ? 'tel-national' : 'off',
      ayuda: campo === 'fax' ? undefined : ayudaTelefono,
      ayudaDeFormato: true,
    });
  return html`<form part="formulario" novalidate @submit=${(e: Event) => h.modificar(e)} @focusin=${() => void h.anticipar()} aria-labelledby="titulo">
    <h2 id="titulo" part="titulo" tabindex="-1">${msg('Modificar información de registro para Usuario General')}</h2>
    <p class="ayuda intro"><span class="req" aria-hidden="true">*</span> ${msg('Campo obligatorio')}</p>
    ${resumenErrores(h)}
    <div class="rejilla">
      ${campoLectura('f-idUsuario', msg('ID.usuario'), u.idUsuario, msg('No se puede modificar. Para cambiarlo solicite la baja y registre un usuario nuevo.'))}
      ${campoLectura('f-documento', msg('Doc. Identificación'), documento(u.documento.tipo, u.documento.numero))}
      ${campoTexto(h, 'nombre', { etiqueta: msg('Nombre Usuario'), requerido: true, autocomplete: 'name', ancho: true,
        ayuda: msg(str`Solo puede corregir errores de escritura del nombre con el que se registró: ${u.nombreRegistrado}.`) })}
      ${seccionContrasena(h)}
      ${campoSelect(h, 'pais', paisesEnIdioma(h.paises), { etiqueta: msg('País'), requerido: true, ancho: true })}
      ${campoSelect(h, 'provincia', ecuador ? h.provincias : [], {
        etiqueta: msg('Provincia'),
        lang: 'es',
        requerido: ecuador,
        deshabilitado: !ecuador,
        ayuda: ecuador ? undefined : msg('Solo para Ecuador.'),
      })}
      ${campoSelect(h, 'ciudad', ecuador ? h.ciudades : [], {
        etiqueta: msg('Ciudad'),
        lang: 'es',
        requerido: ecuador,
        deshabilitado: !ecuador || !h.valores.provincia || h.cargandoCiudades,
        vacio: h.cargandoCiudades ? msg('Cargando…') : undefined,
        ayuda: ecuador ? (h.valores.provincia ? undefined : msg('Elija primero la provincia.')) : msg('Solo para Ecuador.'),
      })}
      ${campoTexto(h, 'direccion', { etiqueta: msg('Dirección'), requerido: true, autocomplete: 'street-address', ancho: true })}
      ${telefono('telefono1', true)} ${telefono('telefono2', false)} ${celular(h)} ${telefono('fax', false)}
      ${seccionCorreo(h)}
    </div>
    <div class="botones" part="botones">
      <button type="button" part="boton boton-baja" @click=${() => h.solicitarBaja()}>${msg('Solicitud de baja')}</button>
      <!-- aria-disabled, not disabled, while sending: a disabled button would drop the keyboard
           focus, and the success message would hand it back to nothing. -->
      <button class="principal" part="boton boton-modificar" aria-disabled=${h.enviando ? 'true' : 'false'} aria-busy=${h.enviando ? 'true' : 'false'}>
        ${h.enviando ? msg('Modificando…') : msg('Modificar')}
      </button>
    </div>
  </form>
  ${actividad(h)}`;
}

/**
 * «Actividad reciente». Until it is first opened, a closed `<details>` of the same look stands in
 * for the panel, whose module is fetched then (it opens already loading).
 */
function actividad(h: Vista) {
  return h.actividadCargada
    ? html`<mug-actividad-reciente exportparts="actividad" .api=${h.api} abierto></mug-actividad-reciente>`
    : html`<details part="actividad" class="actividad" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && h.abrirActividad()}>
        <summary>${msg('Actividad reciente')}</summary>
        <p aria-busy="true">${msg('Cargando…')}</p>
      </details>`;
}
