import { estilosDialogo } from './base.styles.js';

// Nothing beyond what every dialog has (a label, a password field with «Mostrar», the buttons).
export const estilosDialogoReautenticacion = [estilosDialogo];
