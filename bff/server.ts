// The BFF's entry point, and the only module that reads the environment (STYLE).
import { serve } from '@hono/node-server';
import { portalDemo } from '../demo/portal.js';
import { terceroApp } from '../demo/tercero.js';
import { createApp } from './app.js';
import { ErrorConfiguracion, leerConfig, type Config } from './config.js';
import { abrirBaseDeDatos } from './db/cliente.js';
import { migrar } from './db/migrar.js';
import { sembrarDemo } from './db/semilla.js';
import { crearMailer } from './mail/index.js';

function leerConfigOSalir(): Config {
  try {
    const { config, avisos } = leerConfig(process.env);
    for (const aviso of avisos) console.warn(`aviso: ${aviso}`);
    return config;
  } catch (error) {
    if (!(error instanceof ErrorConfiguracion)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The address a browser uses to reach `host` (a wildcard bind is reached via loopback). */
function origenHttp(host: string, puerto: number): string {
  const visible = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${visible.includes(':') ? `[${visible}]` : visible}:${puerto}`;
}

const config = leerConfigOSalir();
const db = await abrirBaseDeDatos(config.databaseUrl, config.databaseAuthToken ?? undefined);
const aplicadas = await migrar(db);
if (aplicadas.length > 0) console.log(`Migraciones aplicadas: ${aplicadas.join(', ')}`);
if (config.seedDemo) {
  const sembrados = await sembrarDemo(db, new Date());
  if (sembrados.length > 0) console.log(`Usuarios de demostración creados: ${sembrados.join(', ')}`);
}

// Resend when RESEND_API_KEY is set (honouring RESEND_BASE_URL), else the dev outbox at /dev/correos.
const reloj = () => new Date();
const mailer = crearMailer(config, db, reloj);
console.log(
  mailer.tipo === 'resend'
    ? `Correo: Resend${config.resendBaseUrl ? ` (${config.resendBaseUrl})` : ''}.`
    : 'Correo: bandeja de desarrollo (sin RESEND_API_KEY); los mensajes se ven en /dev/correos.',
);
const app = createApp({ db, mailer, reloj, config });
app.route('/', portalDemo());

const bffOrigen = origenHttp(config.host, config.puerto);
const servidor = serve({ fetch: app.fetch, hostname: config.host, port: config.puerto }, () => {
  console.log(`Portal de demostración y BFF: ${bffOrigen}/`);
});
const tercero = serve(
  { fetch: terceroApp({ bffOrigen }).fetch, hostname: config.host, port: config.puertoTercero },
  () => console.log(`Página de un tercero: http://localhost:${config.puertoTercero}/`),
);

for (const [nombre, puerto, servidorHttp] of [
  ['PORT', config.puerto, servidor],
  ['PORT_TERCERO', config.puertoTercero, tercero],
] as const) {
  servidorHttp.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`No se puede escuchar en ${config.host}:${puerto}: el puerto está en uso; elija otro con ${nombre}.`);
    process.exit(1);
  });
}

let cerrando = false;
function cerrar(senal: string): void {
  if (cerrando) return;
  cerrando = true;
  console.log(`${senal}: cerrando…`);
  const limite = setTimeout(() => process.exit(1), 5000);
  limite.unref();
  let pendientes = 2;
  const alCerrar = () => {
    if (--pendientes > 0) return;
    db.close();
    process.exit(0);
  };
  servidor.close(alCerrar);
  tercero.close(alCerrar);
  // Idle keep-alive connections would hold close() until they time out.
  (servidor as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  (tercero as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGINT', () => cerrar('SIGINT'));
process.on('SIGTERM', () => cerrar('SIGTERM'));
