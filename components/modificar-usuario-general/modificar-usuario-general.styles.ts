import { css } from 'lit';
import { estilosComunes } from './comunes.styles.js';
import { estilosActividad } from './actividad.styles.js';

export const estilos = [
  estilosComunes,
  estilosActividad,
  css`
    :host {
      display: block;
      container-type: inline-size;
      line-height: 1.4;
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      font-size: 1.35rem;
      margin: 0 0 0.25rem;
      color: var(--_primario);
    }
    /* .ayuda (below) sets every margin: this one needs the extra specificity. */
    .ayuda.intro {
      margin: 0 0 1rem;
    }
    .rejilla {
      display: grid;
      grid-template-columns: 1fr;
      gap: 0.9rem 1.25rem;
    }
    /* The skeleton takes the form's height (a bit less: 2 060 px and more in one column, 1 490 px
       and more in two), so nothing below the element moves when the form replaces it. */
    .esqueleto {
      min-height: 125rem;
    }
    /* Two columns once the element itself (not the viewport) is wide enough. */
    @container (min-width: 42rem) {
      .rejilla {
        grid-template-columns: 1fr 1fr;
      }
      .ancho {
        grid-column: 1 / -1;
      }
      .esqueleto {
        min-height: 90rem;
      }
    }
    .campo {
      min-width: 0;
    }
    .campo > label,
    .etiqueta,
    .campo > legend,
    .subtitulo {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    .ayuda,
    .tenue {
      margin: 0.25rem 0 0;
    }
    .celular,
    .acciones-campo {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .celular > select {
      flex: 0 0 8.5rem;
      width: auto;
    }
    .celular > input {
      flex: 1 1 8rem;
      width: auto;
      min-width: 0;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }
    fieldset.seccion {
      border-top: 1px solid var(--_borde);
      padding-top: 0.75rem;
    }
    /* A legend's default 2px side padding would shift it off the fields' left edge. */
    legend {
      padding: 0;
    }
    fieldset.seccion > legend {
      font-weight: 700;
      color: var(--_primario);
      padding-right: 0.5rem;
    }
    .radios {
      display: block;
    }
    .campo > label.radio {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      margin-right: 1.25rem;
      min-height: 2.25rem;
    }
    .radio input {
      width: 1.15rem;
      min-height: 1.15rem;
      margin: 0;
    }
    .checklist {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.2rem;
    }
    .cumple {
      color: var(--_exito);
    }
    .falta {
      color: var(--_error);
    }
    .pendiente {
      color: var(--_tenue);
    }
    .medidor {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 0.5rem;
    }
    meter {
      flex: 0 1 12rem;
    }
    .exito {
      color: var(--_exito);
      font-weight: 600;
    }
    .aviso {
      color: var(--_aviso);
    }
    .estado-codigo p {
      margin: 0.2rem 0;
    }
    .resumen {
      border: 2px solid var(--_error);
      border-radius: var(--_radio);
      padding: 0.6rem 0.9rem;
      margin: 0.75rem 0;
    }
    .resumen h3 {
      font-size: 1.05rem;
      margin: 0 0 0.3rem;
    }
    .resumen ul {
      margin: 0.25rem 0 0;
      padding-left: 1.1rem;
    }
    .resumen a {
      display: inline-block;
      padding: 0.15rem 0;
      color: var(--_error);
    }
    .resumen li + li {
      margin-top: 0.2rem;
    }
    .botones {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.75rem;
      margin-top: 1.5rem;
    }
    .aviso-banda {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      border-left: 4px solid var(--_aviso);
      background: var(--_superficie);
      padding: 0.6rem 0.9rem;
      margin-bottom: 1rem;
    }
    .aviso-banda p {
      margin: 0;
    }
    .error-banda {
      border-left-color: var(--_error);
    }
    .hueso {
      background: linear-gradient(90deg, var(--_superficie), #e2e7ec, var(--_superficie));
      border-radius: var(--_radio);
    }
    .hueso.titulo {
      height: 1.6rem;
      width: 60%;
      margin-bottom: 1rem;
    }
    .hueso.etiqueta {
      height: 0.9rem;
      width: 40%;
      margin-bottom: 0.4rem;
    }
    .hueso.control {
      height: 2.5rem;
    }
    @media (prefers-reduced-motion: no-preference) {
      .hueso {
        background-size: 200% 100%;
        animation: brillo 1.4s ease-in-out infinite;
      }
    }
    @keyframes brillo {
      to {
        background-position: -200% 0;
      }
    }
  `,
];
