import { getLocale } from '../localization.js';
import type { Opcion } from '../../../contract/api.js';
import type { OpcionVista } from './tipos.js';

let ingles: { de: readonly Opcion[]; paises: OpcionVista[] } | undefined;

/**
 * The countries in the element's language. The catalog has Spanish names; in English they come
 * from the browser's CLDR data (`Intl.DisplayNames`), sorted for English. A code the browser does
 * not name keeps its Spanish name, marked `lang="es"`.
 */
export function paisesEnIdioma(paises: readonly Opcion[]): readonly OpcionVista[] {
  if (getLocale() !== 'en') return paises;
  if (ingles?.de !== paises) {
    const nombres = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const traducidos = paises.map((p): OpcionVista => {
      const nombre = nombres.of(p.codigo);
      return nombre ? { codigo: p.codigo, nombre } : { ...p, lang: 'es' };
    });
    ingles = { de: paises, paises: traducidos.sort((a, b) => a.nombre.localeCompare(b.nombre, 'en')) };
  }
  return ingles.paises;
}
