// The BFF's entry point, and the only module that reads the environment (STYLE).
import { setTimeout as esperar } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { portalDemo } from '../demo/portal.js';
import { terceroApp } from '../demo/tercero.js';
import { createApp } from './app.js';
import { ErrorConfiguracion, leerConfig, type Config } from './config.js';
import { abrirBaseDeDatos, type BaseDeDatos } from './db/cliente.js';
import { causaRaiz, DESCRIPCION_FALLA, motivoDeFalla } from './db/disponibilidad.js';
import { migrar } from './db/migrar.js';
import { sembrarDemo } from './db/semilla.js';
import { crearMailer } from './mail/index.js';
import { crearDespachador } from './services/despachador.js';

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
/** Pause between two attempts to prepare a database that is down or locked at start. */
const REINTENTO_PREPARACION_MS = 1000;
const nombreBase = `DATABASE_URL = ${JSON.stringify(config.databaseUrl)}`;
let db: BaseDeDatos;
try {
  db = await abrirBaseDeDatos(config.databaseUrl, {
    authToken: config.databaseAuthToken ?? undefined,
    tiempoLimiteMs: config.tiempoLimiteBaseMs,
  });
} catch (error) {
  console.error(`No se puede abrir la base de datos ${nombreBase}: ${causaRaiz(error)}.`);
  process.exit(1);
}

/**
 * Migrations, the demo seed and a write probe; true once done. A fault that may pass by itself (a
 * lock, a remote that does not answer) → false; any other (a file that takes no writes, a failing
 * migration) stops the start with one line.
 */
async function prepararBase(avisar: boolean): Promise<boolean> {
  try {
    const aplicadas = await migrar(db);
    if (aplicadas.length > 0) console.log(`Migraciones aplicadas: ${aplicadas.join(', ')}`);
    if (config.seedDemo) {
      const sembrados = await sembrarDemo(db, new Date());
      if (sembrados.length > 0) console.log(`Usuarios de demostración creados: ${sembrados.join(', ')}`);
    }
    const falla = await db.comprobarEscritura();
    if (falla) throw falla;
    return true;
  } catch (error) {
    const motivo = motivoDeFalla(error);
    if (motivo !== 'no-responde' && motivo !== 'ocupada') {
      const que = motivo ? `${DESCRIPCION_FALLA[motivo]} (${causaRaiz(error)})` : causaRaiz(error);
      console.error(`No se puede preparar ${nombreBase}: ${que}.`);
      process.exit(1);
    }
    if (avisar) {
      console.error(
        `Aviso: ${DESCRIPCION_FALLA[motivo]} (${nombreBase}: ${causaRaiz(error)}); el servidor atiende igual (GET /api/salud responde 503) y reintenta cada ${REINTENTO_PREPARACION_MS / 1000} s.`,
      );
    }
    return false;
  }
}

/** Retries `prepararBase` until it succeeds; the first failure is said in one line. */
async function prepararHastaLograrlo(yaFallo: boolean): Promise<void> {
  let fallos = yaFallo ? 1 : 0;
  for (;;) {
    if (fallos > 0) await esperar(REINTENTO_PREPARACION_MS);
    if (await prepararBase(fallos === 0)) break;
    fallos++;
  }
  baseLista = true;
  if (fallos > 0) console.log('La base de datos ya responde: servicio disponible.');
}

// An embedded file is prepared before listening: one that takes no writes stops the start. A
// remote database is prepared in the background, after listening, so a server that is down or
// never answers does not keep the BFF from starting (docs/decisiones.md): until it is reached and
// migrated, /api answers 503 SERVICIO_NO_DISPONIBLE with Retry-After.
let baseLista = embebida && (await prepararBase(true));
if (!baseLista) void prepararHastaLograrlo(embebida);

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
// The notices' outbox is delivered by every process, after restarts too (bff/services/despachador.ts).
const despachador = crearDespachador({ db, mailer, reloj, secreto: config.secretoCodigos, lista: () => baseLista });
despachador.iniciar();
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
  const limite = setTimeout(() => {
    console.error(`Cierre: pasaron LIMITE_CIERRE_MS = ${config.limiteCierreMs} ms con solicitudes en curso; se cortan.`);
    process.exit(1);
  }, config.limiteCierreMs);
  limite.unref();
  let pendientes = 2;
  // Requests in flight finish (and may queue notices); then the sender stops and releases what it held.
  const alCerrar = () => {
    if (--pendientes > 0) return;
    void despachador.detener().then(() => {
      console.log('Envío de avisos detenido.');
      db.close();
      process.exit(0);
    });
  };
  servidor.close(alCerrar);
  tercero.close(alCerrar);
  // Idle keep-alive connections would hold close() until the client drops them: each is closed as
  // soon as it goes idle (a request in flight finishes first).
  const cerrarInactivas = () => {
    (servidor as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    (tercero as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  cerrarInactivas();
  setInterval(cerrarInactivas, 50).unref();
}
process.on('SIGINT', () => cerrar('SIGINT'));
process.on('SIGTERM', () => cerrar('SIGTERM'));
