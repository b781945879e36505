// The BFF's entry point, and the only module that reads the environment (STYLE).
import { serve } from '@hono/node-server';
import { portalDemo } from '../demo/portal.js';
import { terceroApp } from '../demo/tercero.js';
import { createApp } from './app.js';
import { ErrorConfiguracion, leerConfig, type Config } from './config.js';
import type { Client } from '@libsql/client';
import { abrirBaseDeDatos } from './db/cliente.js';
import { causaRaiz, esErrorDeConexion } from './db/disponibilidad.js';
import { migrar } from './db/migrar.js';
import { sembrarDemo } from './db/semilla.js';
import { crearMailer } from './mail/index.js';
import { REINTENTO_BASE_S } from './problemas.js';

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
const embebida = config.databaseUrl.startsWith('file:');
let db: Client;
try {
  db = await abrirBaseDeDatos(config.databaseUrl, config.databaseAuthToken ?? undefined);
} catch (error) {
  console.error(`No se puede abrir la base de datos DATABASE_URL = ${JSON.stringify(config.databaseUrl)}: ${causaRaiz(error)}.`);
  process.exit(1);
}

/** Migrations and the demo seed; true once done. */
async function prepararBase(avisar: boolean): Promise<boolean> {
  try {
    const aplicadas = await migrar(db);
    if (aplicadas.length > 0) console.log(`Migraciones aplicadas: ${aplicadas.join(', ')}`);
    if (config.seedDemo) {
      const sembrados = await sembrarDemo(db, new Date());
      if (sembrados.length > 0) console.log(`Usuarios de demostración creados: ${sembrados.join(', ')}`);
    }
    return true;
  } catch (error) {
    const motivo = `la base de datos DATABASE_URL = ${JSON.stringify(config.databaseUrl)} no responde (${causaRaiz(error)})`;
    // An embedded file that cannot be migrated will not fix itself; a remote server may come back.
    if (embebida || !esErrorDeConexion(error)) {
      console.error(`No se puede preparar la base de datos DATABASE_URL = ${JSON.stringify(config.databaseUrl)}: ${causaRaiz(error)}.`);
      process.exit(1);
    }
    if (avisar) console.error(`Aviso: ${motivo}; el servidor atiende igual (GET /api/salud responde 503) y reintenta cada ${REINTENTO_BASE_S} s.`);
    return false;
  }
}

// A remote database that is down at start does not stop the server (docs/decisiones.md): /api
// answers 503 SERVICIO_NO_DISPONIBLE with Retry-After until it is reached and migrated.
let baseLista = await prepararBase(true);
if (!baseLista) {
  const reintentar = async () => {
    baseLista = await prepararBase(false);
    if (baseLista) console.log('La base de datos ya responde: servicio disponible.');
    else setTimeout(reintentar, REINTENTO_BASE_S * 1000).unref();
  };
  setTimeout(reintentar, REINTENTO_BASE_S * 1000).unref();
}

// Resend when RESEND_API_KEY is set (honouring RESEND_BASE_URL), else the dev outbox at /dev/correos.
const reloj = () => new Date();
const mailer = crearMailer(config, db, reloj);
console.log(
  mailer.tipo === 'resend'
    ? `Correo: Resend${config.resendBaseUrl ? ` (${config.resendBaseUrl})` : ''}.`
    : 'Correo: bandeja de desarrollo (sin RESEND_API_KEY); los mensajes se ven en /dev/correos.',
);
// The outbox shows every code and revert link to anyone who reaches the server, without a session.
if (mailer.tipo === 'bandeja' && (!embebida || !['127.0.0.1', '::1', 'localhost'].includes(config.host))) {
  console.warn(
    `aviso: sin RESEND_API_KEY los códigos de seguridad y los enlaces «No reconozco este cambio» y «Crear una contraseña nueva» se ven sin sesión en /dev/correos y /api/dev/correos, y el servidor ${embebida ? `escucha en ${config.host}` : 'usa una base remota'}: configure RESEND_API_KEY fuera de un equipo de desarrollo.`,
  );
}
const app = createApp({ db, mailer, reloj, config, baseLista: () => baseLista });
app.route('/', portalDemo());

const escucha = origenHttp(config.host, config.puerto);
const servidor = serve({ fetch: app.fetch, hostname: config.host, port: config.puerto }, () => {
  console.log(`Portal de demostración y BFF: ${escucha}/`);
  if (config.origenPublico !== escucha) console.log(`Origen público (ORIGEN_PUBLICO, el de los enlaces y la cookie): ${config.origenPublico}/`);
});
// The third party's page loads the element from, and points it at, the public origin.
const tercero = serve(
  { fetch: terceroApp({ bffOrigen: config.origenPublico }).fetch, hostname: config.host, port: config.puertoTercero },
  () => console.log(`Página de un tercero: http://localhost:${config.puertoTercero}/`),
);

for (const [nombre, puerto, servidorHttp] of [
  ['PORT', config.puerto, servidor],
  ['PORT_TERCERO', config.puertoTercero, tercero],
] as const) {
  servidorHttp.on('error', (error: NodeJS.ErrnoException) => {
    const motivo =
      error.code === 'EADDRINUSE'
        ? `el puerto está en uso; elija otro con ${nombre}`
        : error.code === 'EACCES'
          ? `no hay permiso para ese puerto; elija otro con ${nombre}`
          : `${error.message}; revise HOST y ${nombre}`;
    console.error(`No se puede escuchar en ${config.host}:${puerto}: ${motivo}.`);
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
