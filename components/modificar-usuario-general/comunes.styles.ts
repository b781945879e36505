import { css } from 'lit';

/** Tokens, controls and buttons shared by the element and its dialogs. */
export const estilosComunes = css`
  :host {
    --_primario: var(--mug-color-primario, #0b4f8a);
    --_texto-primario: var(--mug-color-texto-primario, #ffffff);
    --_texto: var(--mug-color-texto, #1b1f24);
    --_tenue: var(--mug-color-texto-tenue, #4a5562);
    --_fondo: var(--mug-color-fondo, #ffffff);
    --_superficie: var(--mug-color-superficie, #f3f6f9);
    --_borde: var(--mug-color-borde, #8a96a3);
    --_error: var(--mug-color-error, #b3261e);
    --_exito: var(--mug-color-exito, #1e6b34);
    --_aviso: var(--mug-color-aviso, #7a4d00);
    /* 4.8:1 on white, 4.5:1 on the read-only grey: the ring needs 3:1 where it is drawn (WCAG 1.4.11). */
    --_foco: var(--mug-color-foco, #b35900);
    --_radio: var(--mug-radio, 4px);
    font: inherit;
    color: var(--_texto);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_borde);
    border-radius: var(--_radio);
    background: var(--_fondo);
  }
  input[readonly] {
    background: var(--_superficie);
    border-style: dashed;
  }
  /* Chromium fades a disabled select to opacity 0.7 (its text fell to about 3:1): keep it legible. */
  input:disabled,
  select:disabled,
  textarea:disabled {
    background: var(--_superficie);
    color: var(--_tenue);
    opacity: 1;
    cursor: not-allowed;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  button {
    min-height: 2.5rem;
    padding: 0.4rem 1rem;
    border: 1px solid var(--_primario);
    border-radius: var(--_radio);
    background: var(--_fondo);
    color: var(--_primario);
    cursor: pointer;
    font-weight: 600;
  }
  button.principal {
    background: var(--_primario);
    color: var(--_texto-primario);
  }
  /* Disabled but legible (about 7:1): grey text on the read-only grey, dashed like read-only
     fields, not-allowed cursor. The element says next to the button why it is disabled. */
  button:disabled,
  button[aria-disabled='true'] {
    background: var(--_superficie);
    color: var(--_tenue);
    border: 1px dashed var(--_borde);
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button.enlace {
    border: none;
    background: none;
    padding: 0.2rem;
    min-height: auto;
    text-decoration: underline;
  }
  /* Drawn 2px outside the control, on the background around it, never touching a dark button's fill. */
  :focus-visible {
    outline: 3px solid var(--_foco);
    outline-offset: 2px;
  }
  /* A control with its buttons beside it (Mostrar, Cambio de clave…), here for the dialogs too. */
  .con-accion {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  /* Inputs have an intrinsic minimum width that would push their button off a 360 px screen. */
  .con-accion > input {
    flex: 1 1 12rem;
    width: auto;
    min-width: 0;
  }
  /* Help text, here so that the dialogs' shadow roots (the baja's character count) get it too. */
  .ayuda,
  .tenue {
    color: var(--_tenue);
    font-size: 0.9em;
  }
  .error {
    color: var(--_error);
    margin: 0.25rem 0 0;
    font-size: 0.9em;
  }
  .oculto {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .req {
    color: var(--_error);
  }
`;
