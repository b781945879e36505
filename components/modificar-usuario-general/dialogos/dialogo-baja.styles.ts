import { css } from 'lit';
import { estilosDialogo } from './base.styles.js';

export const estilosDialogoBaja = [
  estilosDialogo,
  css`
    /* The Motivo label with its asterisk on one line. */
    .etiqueta {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    .etiqueta > label {
      display: inline;
    }
  `,
];
