import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../../locales/generated/locale-codes.js';

export type Idioma = 'es' | 'en';

// Runtime mode: Spanish is compiled in; the English module is a lazy chunk fetched the
// first time an element (or the page) asks for `en`.
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('../../locales/generated/en.js'),
});

/** `es` or `en` from a BCP 47 tag (`en-US` → `en`); anything else is Spanish. */
export function idiomaDe(etiqueta: string | null | undefined): Idioma {
  return (etiqueta ?? '').toLowerCase().startsWith('en') ? 'en' : 'es';
}
