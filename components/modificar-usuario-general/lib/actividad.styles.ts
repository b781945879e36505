import { css } from 'lit';

/** The «Actividad reciente» box: the panel, and the stand-in the element shows until it is opened. */
export const estilosActividad = css`
  .actividad {
    margin-top: 1.5rem;
    border: 1px solid var(--_borde);
    border-radius: var(--_radio);
    padding: 0.5rem 0.75rem;
  }
  .actividad > summary {
    cursor: pointer;
    font-weight: 600;
    padding: 0.25rem 0;
  }
`;
