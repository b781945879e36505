import { estilosComunes } from '../lib/comunes.styles.js';
import { estilosLista } from '../lib/lista.styles.js';

export const estilosListaActividad = [estilosComunes, estilosLista];
