// The demo's entry (`npm start`, through scripts/start.mjs): the BFF with the portal demo at its
// root and the third party's page on PORT_TERCERO, with human-readable log lines (pino-pretty).
import pretty from 'pino-pretty';
import { arrancarBff } from '../bff/servicio.js';
import { portalDemo } from './portal.js';
import { terceroApp } from './tercero.js';

await arrancarBff(process.env, {
  modo: 'demo',
  nombre: 'Portal de demostración y BFF',
  salidaRegistro: pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,ruta,responseTime',
    // A request reads «GET /api/usuario 200 4 ms 127.0.0.1»; its id and user follow as single-line JSON.
    messageFormat: (linea, clave) => {
      const { ruta, req, res, responseTime } = linea as { ruta?: string; req?: { method: string; ip: string | null }; res?: { status: number }; responseTime?: number };
      return ruta === undefined ? String(linea[clave]) : `${req?.method} ${ruta} ${res?.status} ${responseTime} ms ${req?.ip ?? '-'}`;
    },
    singleLine: true,
  }),
  rutas: portalDemo(),
  // The third party's page loads the element from, and points it at, the public origin.
  adicionales: (config) => [
    {
      variable: 'PORT_TERCERO',
      puerto: config.puertoTercero!,
      fetch: terceroApp({ bffOrigen: config.origenPublico }).fetch,
      anuncio: `Página de un tercero: http://localhost:${config.puertoTercero}/`,
    },
  ],
});
