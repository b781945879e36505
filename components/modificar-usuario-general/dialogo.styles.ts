import { css } from 'lit';
import { estilosComunes } from './comunes.styles.js';

export const estilosDialogo = [
  estilosComunes,
  css`
    dialog {
      border: none;
      border-radius: var(--_radio);
      padding: 1.25rem;
      width: min(32rem, calc(100vw - 2rem));
      color: var(--_texto);
      background: var(--_fondo);
      box-shadow: 0 10px 30px rgb(0 0 0 / 30%);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.75rem;
      color: var(--_primario);
    }
    p {
      margin: 0 0 1rem;
      line-height: 1.45;
    }
    label,
    .etiqueta {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    .etiqueta > label {
      display: inline;
    }
    .cambios {
      margin: 0 0 1rem;
      padding-left: 1.1rem;
    }
    .acciones {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
];
