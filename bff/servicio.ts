// Runs the BFF as a service: configuration, log, database, mail, metrics, the scheduled purge, the
// notices' sender, the HTTP servers and an orderly shutdown. Called by the entries, the only modules
// that read the environment (STYLE): bff/server.ts (production, `npm run serve`) and demo/server.ts
// (`npm start`), which composes the BFF with the portal and the third party's page.
import { randomUUID } from 'node:crypto';
import { setTimeout as esperar } from 'node:timers/promises';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { DestinationStream } from 'pino';
import { createApp } from './app.js';
import { ErrorConfiguracion, leerConfig, type Config, type Modo } from './config.js';
import { abrirBaseDeDatos, type BaseDeDatos } from './db/cliente.js';
import { causaRaiz, DESCRIPCION_FALLA, motivoDeFalla } from './db/disponibilidad.js';
import { migrar } from './db/migrar.js';
import { INTERVALO_PURGA_MS, purgarSiToca } from './db/retencion.js';
import { sembrarDemo } from './db/semilla.js';
import { crearMailer } from './mail/index.js';
import { appMetricas, crearMetricas } from './metricas.js';
import { crearRegistro, type Registro } from './registro.js';
import { crearDespachador } from './services/despachador.js';

type Entorno = Readonly<Record<string, string | undefined>>;

/** Another HTTP server started beside the BFF (the demo's third-party page). */
export interface ServidorAdicional {
  /** The variable that sets its port, named when it cannot listen. */
  variable: string;
  puerto: number;
  fetch: (pedido: Request) => Response | Promise<Response>;
  /** Its start line, e.g. `Página de un tercero: http://localhost:8788/`. */
  anuncio: string;
}

export interface Composicion {
  modo: Modo;
  /** What the main server is, in its start line: `BFF` or `Portal de demostración y BFF`. */
  nombre: string;
  /** Where the log goes: JSON lines on stdout when absent; the demo gives pino-pretty. */
  salidaRegistro?: DestinationStream;
  /** Routes mounted at the root of the BFF's app (the demo's portal). */
  rutas?: Hono;
  /** Other servers to start with the BFF, once the configuration is known. */
  adicionales?: (config: Config) => ServidorAdicional[];
}

/** Pause between two attempts to prepare a database that is down or locked at start. */
const REINTENTO_PREPARACION_MS = 1000;
/** While stopping, how often connections that went idle (their request answered) are closed. */
const CADA_CIERRE_INACTIVAS_MS = 50;

/** The address a browser uses to reach `host` (a wildcard bind is reached via loopback). */
function origenHttp(host: string, puerto: number): string {
  const visible = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${visible.includes(':') ? `[${visible}]` : visible}:${puerto}`;
}

/** The configuration, or one line on stderr and exit 1 (the log does not exist yet: it depends on it). */
function leerConfigOSalir(entorno: Entorno, modo: Modo): { config: Config; avisos: string[] } {
  try {
    return leerConfig(entorno, modo);
  } catch (error) {
    if (!(error instanceof ErrorConfiguracion)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Starts the BFF as `composicion` says, from the variables of `entorno`; stops on SIGINT and SIGTERM. */
export async function arrancarBff(entorno: Entorno, composicion: Composicion): Promise<void> {
  const { config, avisos } = leerConfigOSalir(entorno, composicion.modo);
  const registro = crearRegistro(config.nivelRegistro, composicion.salidaRegistro);
  const salir = (mensaje: string): never => {
    registro.fatal(mensaje);
    process.exit(1);
  };
  for (const aviso of avisos) registro.warn(aviso);
  const metricas = crearMetricas({ proceso: config.puertoMetricas !== null });

  const embebida = config.databaseUrl.startsWith('file:');
  const nombreBase = `DATABASE_URL = ${JSON.stringify(config.databaseUrl)}`;
  let db: BaseDeDatos;
  try {
    db = await abrirBaseDeDatos(config.databaseUrl, {
      authToken: config.databaseAuthToken ?? undefined,
      tiempoLimiteMs: config.tiempoLimiteBaseMs,
      registro,
      alFallar: metricas.falloBase,
    });
  } catch (error) {
    return salir(`No se puede abrir la base de datos ${nombreBase}: ${causaRaiz(error)}.`);
  }

  /**
   * Migrations, the demo seed and a write probe; true once done. A fault that may pass by itself (a
   * lock, a remote that does not answer) → false; any other (a file that takes no writes, a failing
   * migration) stops the start with one line.
   */
  async function prepararBase(avisar: boolean): Promise<boolean> {
    try {
      const aplicadas = await migrar(db);
      if (aplicadas.length > 0) registro.info(`Migraciones aplicadas: ${aplicadas.join(', ')}`);
      if (config.seedDemo) {
        const sembrados = await sembrarDemo(db, new Date());
        if (sembrados.length > 0) registro.info(`Usuarios de demostración creados: ${sembrados.join(', ')}`);
      }
      const falla = await db.comprobarEscritura();
      if (falla) throw falla;
      return true;
    } catch (error) {
      const motivo = motivoDeFalla(error);
      if (motivo !== 'no-responde' && motivo !== 'ocupada') {
        const que = motivo ? `${DESCRIPCION_FALLA[motivo]} (${causaRaiz(error)})` : causaRaiz(error);
        return salir(`No se puede preparar ${nombreBase}: ${que}.`);
      }
      if (avisar) {
        registro.error(
          `Aviso: ${DESCRIPCION_FALLA[motivo]} (${nombreBase}: ${causaRaiz(error)}); el servidor atiende igual (GET /api/salud responde 503) y reintenta cada ${REINTENTO_PREPARACION_MS / 1000} s.`,
        );
      }
      return false;
    }
  }

  // An embedded file is prepared before listening: one that takes no writes stops the start. A
  // remote database is prepared in the background, after listening, so a server that is down or
  // never answers does not keep the BFF from starting (docs/decisiones.md): until it is reached and
  // migrated, /api answers 503 SERVICIO_NO_DISPONIBLE with Retry-After.
  /** Retries `prepararBase` until it succeeds; the first failure is said in one line. */
  async function prepararHastaLograrlo(yaFallo: boolean): Promise<void> {
    let fallos = yaFallo ? 1 : 0;
    for (;;) {
      if (fallos > 0) await esperar(REINTENTO_PREPARACION_MS);
      if (await prepararBase(fallos === 0)) break;
      fallos++;
    }
    baseLista = true;
    if (fallos > 0) registro.info('La base de datos ya responde: servicio disponible.');
  }
  let baseLista = embebida && (await prepararBase(true));
  const preparada = baseLista ? Promise.resolve() : prepararHastaLograrlo(embebida);

  const reloj = () => new Date();
  // One mailer for the routes (security codes) and the notices' sender: they share its refusal state.
  const mailer = crearMailer(config, db, reloj, registro);
  registro.info(
    mailer.tipo === 'resend'
      ? `Correo: Resend${config.resendBaseUrl ? ` (${config.resendBaseUrl})` : ''}.`
      : 'Correo: bandeja de desarrollo; los mensajes no se envían: se guardan en la base y se ven en /dev/correos.',
  );
  const app = createApp({ db, mailer, reloj, config, baseLista: () => baseLista, registro, metricas });
  if (composicion.rutas) app.route('/', composicion.rutas);

  const escucha = origenHttp(config.host, config.puerto);
  const servidores: ServerType[] = [];
  const escuchar = (variable: string, puerto: number, fetch: ServidorAdicional['fetch'], anuncio: string) => {
    const servidor = serve({ fetch, hostname: config.host, port: puerto }, () => registro.info(anuncio));
    servidor.on('error', (error: NodeJS.ErrnoException) => {
      const motivo =
        error.code === 'EADDRINUSE'
          ? `el puerto está en uso; elija otro con ${variable}`
          : error.code === 'EACCES'
            ? `no hay permiso para ese puerto; elija otro con ${variable}`
            : `${error.message}; revise HOST y ${variable}`;
      salir(`No se puede escuchar en ${config.host}:${puerto}: ${motivo}.`);
    });
    servidores.push(servidor);
  };
  escuchar('PORT', config.puerto, app.fetch, `${composicion.nombre}: ${escucha}/`);
  if (config.origenPublico !== escucha) registro.info(`Origen público (ORIGEN_PUBLICO, el de los enlaces y la cookie): ${config.origenPublico}/`);
  if (config.puertoMetricas !== null) {
    const metricasApp = appMetricas(metricas.registro);
    escuchar('PORT_METRICAS', config.puertoMetricas, metricasApp.fetch, `Métricas de Prometheus: ${origenHttp(config.host, config.puertoMetricas)}/metrics`);
  }
  for (const otro of composicion.adicionales?.(config) ?? []) escuchar(otro.variable, otro.puerto, otro.fetch, otro.anuncio);

  // Background tasks, each stopped on shutdown: the purge (once the database is ready) and the
  // notices outbox's sender (bff/services/despachador.ts), which delivers after restarts too.
  const detenerPurga = programarPurga(db, registro, config, preparada);
  const despachador = crearDespachador({ db, mailer, reloj, secreto: config.secretoCodigos, lista: () => baseLista, registro, metricas });
  despachador.iniciar();

  let cerrando = false;
  const cerrar = (senal: string): void => {
    if (cerrando) return;
    cerrando = true;
    registro.info(`${senal}: cerrando…`);
    detenerPurga();
    setTimeout(
      () => salir(`Cierre: pasaron LIMITE_CIERRE_MS = ${config.limiteCierreMs} ms con solicitudes en curso; se cortan.`),
      config.limiteCierreMs,
    ).unref();
    // Requests in flight finish (and may queue notices); then the sender stops and releases what it held.
    let pendientes = servidores.length;
    const alCerrar = () => {
      if (--pendientes > 0) return;
      void despachador.detener().then(() => {
        registro.info('Envío de avisos detenido.');
        db.close();
        registro.info('Servidor detenido.');
        process.exit(0);
      });
    };
    for (const servidor of servidores) servidor.close(alCerrar);
    // Idle keep-alive connections would hold close() until the client drops them: each is closed as
    // soon as it goes idle (a request in flight finishes first).
    const cerrarInactivas = () => {
      for (const servidor of servidores) (servidor as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    };
    cerrarInactivas();
    setInterval(cerrarInactivas, CADA_CIERRE_INACTIVAS_MS).unref();
  };
  process.on('SIGINT', () => cerrar('SIGINT'));
  process.on('SIGTERM', () => cerrar('SIGTERM'));
}

/**
 * The purge of expired data (bff/db/retencion.ts): once the database is ready, then every hour; the
 * hour's lease in the database lets one process of those sharing it do the work. Returns its stop.
 */
function programarPurga(db: BaseDeDatos, registro: Registro, config: Config, preparada: Promise<void>): () => void {
  const titular = randomUUID();
  let temporizador: NodeJS.Timeout | undefined;
  const ejecutar = async () => {
    try {
      const borradas = await purgarSiToca(db, { titular, ahora: new Date(), retencionAuditoriaDias: config.retencionAuditoriaDias });
      if (!borradas) return;
      const total = Object.values(borradas).reduce((suma, n) => suma + n, 0);
      registro.info({ borradas }, `Purga de datos vencidos: ${total} filas borradas.`);
    } catch (error) {
      registro.error({ err: error }, 'La purga de datos vencidos falló; se reintenta en la próxima hora.');
    }
  };
  void preparada.then(() => {
    void ejecutar();
    temporizador = setInterval(() => void ejecutar(), INTERVALO_PURGA_MS).unref();
  });
  return () => clearInterval(temporizador);
}
