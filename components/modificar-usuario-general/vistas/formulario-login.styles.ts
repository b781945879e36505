import { css } from 'lit';
import { estilosComunes } from '../lib/comunes.styles.js';

export const estilosFormularioLogin = [
  estilosComunes,
  css`
    form {
      max-width: 24rem;
      display: grid;
      gap: 0.75rem;
    }
    h2 {
      margin: 0;
      font-size: 1.2rem;
      color: var(--_primario);
    }
    label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
  `,
];
