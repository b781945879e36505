import { css } from 'lit';

/** The lists of «Actividad reciente» (lista-actividad.ts, sesiones-abiertas.ts). */
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
