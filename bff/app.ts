import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { corsPermitido } from './middleware/cors.js';
import { limitarCuerpo } from './middleware/cuerpo.js';
import { verificarOrigen } from './middleware/origen.js';
import { registrarSolicitudes } from './middleware/registro.js';
import { conexion } from './middleware/solicitud.js';
import { crearMetricas } from './metricas.js';
import { registroSilencioso } from './registro.js';
import { causaRaiz, DESCRIPCION_FALLA, motivoDeFalla } from './db/disponibilidad.js';
import { problema, problemaBaseNoDisponible, problemaServidorOcupado } from './problemas.js';
import { limitadorArgon2, ServidorOcupadoError } from './services/contrasenas.js';
import { comprimirJson } from './compresion.js';
import { elegirMailer } from './mail/index.js';
import { revalidarCatalogos, rutasCatalogos } from './routes/catalogos.js';
import { rutasCorreo } from './routes/correo.js';
import { rutasBandejaDev } from './routes/dev-correos.js';
import { rutasPaginaReversion } from './routes/revertir.js';
import { rutasRestablecimiento } from './routes/restablecer.js';
import { rutasOpenApi } from './routes/openapi.js';
import { rutasSalud } from './routes/salud.js';
import { rutasSesiones } from './routes/sesiones.js';
import { rutasUsuario } from './routes/usuario.js';
import { rutasWidget } from './routes/widget.js';
import type { Dependencias, Entorno, Servicios } from './tipos.js';

/** CSP and friends on every response; the widget bundle must stay loadable from other origins. */
function cabecerasDeSeguridad(recursoCompartido: boolean) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
      objectSrc: ["'none'"],
    },
    crossOriginResourcePolicy: recursoCompartido ? 'cross-origin' : 'same-origin',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'SAMEORIGIN',
    removePoweredBy: true,
  });
}

/** Where the catalogs are served. */
const CATALOGOS = '/api/catalogos';

/** `secureHeaders` sets its headers after `next()`: given this one, on the answer already made. */
const sinMas = async () => {};

/** Routes that answer without the database: the health check (which reports it), catalogs, OpenAPI. */
const SIN_BASE = /^\/api\/(salud|catalogos|openapi\.json)(\/|$)/;

/**
 * Where `npm run build` leaves the element's bundle. Resolved from a module one folder below the
 * project's root, as bff/app.ts is and dist/server.js (the production bundle) is: the same folder
 * either way.
 */
const CARPETA_WIDGET = fileURLToPath(new URL('../dist/widget/', import.meta.url));

/** The BFF (DESIGN §4) built from its dependencies; only bff/server.ts reads the environment. */
export function createApp(dependencias: Dependencias) {
  const metricas = dependencias.metricas ?? crearMetricas();
  const registro = dependencias.registro ?? registroSilencioso();
  const deps: Servicios = {
    ...dependencias,
    mailer: elegirMailer(dependencias.mailer, dependencias.config, dependencias.db, dependencias.reloj, registro),
    argon2: dependencias.argon2 ?? limitadorArgon2(),
    registro,
    metricas,
  };
  const bandeja = rutasBandejaDev(deps);
  const app = new Hono<Entorno>();
  const seguridadGeneral = cabecerasDeSeguridad(false);
  const seguridadWidget = cabecerasDeSeguridad(true);

  app.use(conexion(deps.config.proxyConfiable), registrarSolicitudes(deps.registro), metricas.http);
  app.use(`${CATALOGOS}/*`, revalidarCatalogos(CATALOGOS));
  // A 304 carries only what updates the stored answer (RFC 9110 §15.4.5: ETag, Cache-Control, Vary…),
  // which keeps the security headers of its 200; they were a good part of a revalidation's work.
  app.use(async (c, next) => {
    await next();
    if (c.res.status === 304) return;
    await (c.req.path.startsWith('/widget/') ? seguridadWidget : seguridadGeneral)(c, sinMas);
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, metodos) => {
        c.header('Allow', metodos.join(', '));
        return problema(c, 405, 'METODO_NO_PERMITIDO', `El método ${c.req.method} no está permitido en esta ruta.`);
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    // In place: after `next()`, `c.header` would copy the whole answer.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', comprimirJson);
  app.use('/api/*', corsPermitido(deps.config.origenesPermitidos));
  // Until the database is reached and migrated, only what needs no database answers.
  app.use('/api/*', async (c, next) => {
    if (deps.baseLista?.() === false && !SIN_BASE.test(c.req.path)) return problemaBaseNoDisponible(c);
    await next();
  });
  app.use('/api/*', verificarOrigen(deps.config), limitarCuerpo);

  const rutas = app
    .route('/api/salud', rutasSalud(deps))
    .route(CATALOGOS, rutasCatalogos())
    .route('/api/sesiones', rutasSesiones(deps))
    .route('/api/usuario', rutasUsuario(deps))
    .route('/api/correo', rutasCorreo(deps))
    .route('/api/dev/correos', bandeja.api)
    .route('/dev/correos', bandeja.pagina)
    .route('/correo', rutasPaginaReversion(deps))
    .route('/clave', rutasRestablecimiento(deps))
    .route('/api/openapi.json', rutasOpenApi())
    .route('/widget', rutasWidget(CARPETA_WIDGET));

  app.notFound((c) => problema(c, 404, 'NO_ENCONTRADO', 'La ruta solicitada no existe.'));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return problema(c, error.status, 'JSON_INVALIDO', 'La solicitud no es válida.');
    }
    if (error instanceof ServidorOcupadoError) return problemaServidorOcupado(c, error.reintentarEnS);
    // A lock, a remote that does not answer, a disk that takes no writes: 503, never 500.
    const motivo = motivoDeFalla(error);
    if (motivo) {
      c.var.logger.error(`${DESCRIPCION_FALLA[motivo]} (${causaRaiz(error)})`);
      return problemaBaseNoDisponible(c, motivo);
    }
    c.var.logger.error({ err: error }, 'error interno');
    return problema(
      c,
      500,
      'ERROR_INTERNO',
      `Ocurrió un error inesperado. Intente nuevamente; si persiste, comuníquese con soporte indicando el código ${c.get('requestId')}.`,
    );
  });
  return rutas;
}

export type AppType = ReturnType<typeof createApp>;
