import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { etiqueta } from './mensajes.js';
import type { DialogoMensaje } from './dialogo-mensaje.js';
import type { Campo, Valores } from './tipos.js';

// The «Datos desactualizados» (412) dialog: another session changed the data while the user
// edited. A lazy part: fetched only then.

/** The fields of the user's data (not the password and email steps, which stay as they are). */
export const CAMPOS_DATOS: readonly Campo[] = [
  'nombre',
  'pais',
  'provincia',
  'ciudad',
  'direccion',
  'telefono1',
  'telefono2',
  'celular.operadora',
  'celular.numero',
  'fax',
];

export interface Cambio {
  campo: Campo;
  antes: string;
  ahora: string;
  /** What the user typed there, when they changed it too (kept over the new value). */
  suyo: string | null;
}

/** What the other session changed (`antes` → `ahora`), and which of those the user also edited. */
export function cambiosDe(antes: Valores, ahora: Valores, suyos: Valores): Cambio[] {
  return CAMPOS_DATOS.filter((c) => antes[c] !== ahora[c]).map((campo) => ({
    campo,
    antes: antes[campo],
    ahora: ahora[campo],
    suyo: suyos[campo] !== antes[campo] ? suyos[campo] : null,
  }));
}

/** The data fields of `x`. */
export function datos(x: Valores): Partial<Valores> {
  return Object.fromEntries(CAMPOS_DATOS.map((c) => [c, x[c]]));
}

/** The new data with the user's edits on top: what they changed is kept, the rest is the server's. */
export function conservar(antes: Valores, ahora: Valores, suyos: Valores): Partial<Valores> {
  return Object.fromEntries(CAMPOS_DATOS.map((c) => [c, suyos[c] !== antes[c] ? suyos[c] : ahora[c]]));
}

/**
 * Offers to keep the user's edits over the new data, listing what the other session changed.
 * Resolves 'conservar', 'descartar' (reload the server's data) or '' (Escape: nothing changes).
 */
export function preguntarDesactualizado(d: DialogoMensaje, cambios: Cambio[], nombre: (campo: Campo, valor: string) => string) {
  const valor = (campo: Campo, v: string) => (v ? `«${nombre(campo, v)}»` : msg('(vacío)'));
  return d.mostrar({
    titulo: () => msg('Datos desactualizados'),
    texto: () =>
      cambios.length
        ? msg('Sus datos fueron modificados en otra sesión mientras usted editaba. Puede conservar lo que escribió sobre los datos actuales, o descartarlo.')
        : msg('Sus datos fueron guardados de nuevo en otra sesión, sin cambios en estos campos. Puede conservar lo que escribió, o descartarlo.'),
    detalle: () =>
      cambios.length
        ? html`<ul class="cambios">
            ${cambios.map((c) => {
              const linea = msg(str`${etiqueta(c.campo)}: ${valor(c.campo, c.antes)} → ${valor(c.campo, c.ahora)}`);
              const suyo = c.suyo === null ? '' : ` ${msg(str`(usted escribió ${valor(c.campo, c.suyo)}: se conserva lo suyo)`)}`;
              return html`<li>${linea}${suyo}</li>`;
            })}
          </ul>`
        : null,
    botones: [
      { valor: 'descartar', texto: () => msg('Descartar mis cambios') },
      { valor: 'conservar', texto: () => msg('Conservar mis cambios'), principal: true },
    ],
  });
}
