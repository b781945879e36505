// The production entry (`npm run serve`, bundled by `npm run build` into dist/server.js): the BFF
// alone (/api, /widget, the revert and reset pages), JSON log lines on stdout. The demo composes
// the BFF in demo/server.ts; this module knows nothing of it.
import { arrancarBff } from './servicio.js';

await arrancarBff(process.env, { modo: 'produccion', nombre: 'BFF' });
