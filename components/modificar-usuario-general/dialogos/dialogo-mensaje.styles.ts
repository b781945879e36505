import { css } from 'lit';
import { estilosDialogo } from './base.styles.js';

export const estilosDialogoMensaje = [
  estilosDialogo,
  css`
    /* The list of what another session changed (desactualizado.ts). */
    .cambios {
      margin: 0 0 1rem;
      padding-left: 1.1rem;
    }
  `,
];
