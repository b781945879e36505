import { estilosComunes } from '../lib/comunes.styles.js';
import { estilosActividad } from '../lib/actividad.styles.js';

export const estilosActividadReciente = [estilosComunes, estilosActividad];
