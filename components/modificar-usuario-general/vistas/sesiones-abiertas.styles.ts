import { css } from 'lit';
import { estilosComunes } from '../lib/comunes.styles.js';
import { estilosLista } from '../lib/lista.styles.js';

export const estilosSesionesAbiertas = [
  estilosComunes,
  estilosLista,
  css`
    .actual {
      font-weight: 600;
      color: var(--_exito);
    }
    button {
      margin-top: 0.5rem;
    }
  `,
];
