import { getLocale } from '../localization.js';

// What the two parts of "Actividad reciente" (lista-actividad.ts, sesiones-abiertas.ts) share;
// it comes in a lazy chunk with them.

/** Date and time in the active locale ("20 de noviembre de 2026, 10:04"). */
export function formatoFecha(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en' : 'es-EC', { dateStyle: 'long', timeStyle: 'short' });
}
