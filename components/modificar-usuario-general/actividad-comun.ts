import { css } from 'lit';
import { getLocale } from './localization.js';

// What the two parts of "Actividad reciente" (lista-actividad.ts, sesiones-abiertas.ts) share;
// they come in a lazy chunk with them.

export const estilosLista = css`
  h3 {
    font-size: 1em;
    margin: 0.75rem 0 0.25rem;
  }
  ol,
  ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
  }
  li {
    padding: 0.5rem 0;
    border-top: 1px solid var(--_superficie);
  }
  .detalle {
    color: var(--_tenue);
    font-size: 0.9em;
  }
  /* Its own line: after a long date a "· IP" would wrap badly on a phone. */
  .ip {
    display: block;
  }
`;

/** Date and time in the active locale ("20 de noviembre de 2026, 10:04"). */
export function formatoFecha(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en' : 'es-EC', { dateStyle: 'long', timeStyle: 'short' });
}
