import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import * as v from 'valibot';
import { PLAZO_ENVIO_MS } from './mail/resend.js';

/**
 * How the BFF runs: `produccion` (`npm run serve`, `node dist/server.js`: the BFF alone, strict
 * about its secrets and origin) or `demo` (`npm start`: the BFF with the portal and the third
 * party's page, with defaults that need no setup).
 */
export type Modo = 'produccion' | 'demo';

/** pino's levels, as NIVEL_REGISTRO takes them. */
export const NIVELES_REGISTRO = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type NivelRegistro = (typeof NIVELES_REGISTRO)[number];

/** The BFF's configuration (DESIGN §5), read once from the environment by the entry (bff/server.ts, demo/server.ts). */
export interface Config {
  modo: Modo;
  puerto: number;
  /** PORT_TERCERO, the demo's third-party page; null in production. */
  puertoTercero: number | null;
  /** PORT_METRICAS: the Prometheus metrics on their own port; null (off) by default. */
  puertoMetricas: number | null;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | null;
  /** Deadline of each database statement, in milliseconds (DB_TIEMPO_LIMITE_MS). */
  tiempoLimiteBaseMs: number;
  /**
   * LIMITE_CIERRE_MS: on SIGTERM/SIGINT, how long requests in flight may take to finish before the
   * process exits anyway. Longer than a request's own deadlines (a statement, a code's email).
   */
  limiteCierreMs: number;
  /** Set → emails go through Resend (unless `bandejaDev`). */
  resendApiKey: string | null;
  /**
   * BANDEJA_DEV: emails go to the dev outbox in libSQL, shown at /dev/correos. Default: in the demo
   * when there is no RESEND_API_KEY; in production only when asked for.
   */
  bandejaDev: boolean;
  resendBaseUrl: string | null;
  correoRemitente: string;
  /** Origins allowed by CORS and for cookie-authenticated writes (besides the BFF's own). */
  origenesPermitidos: string[];
  seedDemo: boolean;
  /** Key of the keyed hash of security codes. */
  secretoCodigos: string;
  /**
   * ORIGEN_PUBLICO: the origin users reach the BFF at. Every absolute URL the BFF writes (links in
   * emails), its own origin in the CSRF check and the session cookie (`__Host-` and `Secure` when
   * https) come from it, never from the request's `Host`.
   */
  origenPublico: string;
  /**
   * PROXY_CONFIABLE: addresses or CIDR ranges of the reverse proxies whose `X-Forwarded-For` and
   * `X-Request-Id` are believed. Empty: none (the client is the connection's peer).
   */
  proxyConfiable: string[];
  /** NIVEL_REGISTRO: the least severe level written to the log (info). */
  nivelRegistro: NivelRegistro;
  /** RETENCION_AUDITORIA_DIAS: audit rows (and failed notices) older than this are purged (365). */
  retencionAuditoriaDias: number;
}

/** A configuration error: one line naming the variable and what it allows. */
export class ErrorConfiguracion extends Error {
  override name = 'ErrorConfiguracion';
}

type Entorno = Readonly<Record<string, string | undefined>>;

const puerto = v.pipe(
  v.string(),
  v.regex(/^\d{1,5}$/),
  v.transform(Number),
  v.minValue(1),
  v.maxValue(65535),
);
const milisegundos = v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.minValue(100), v.maxValue(60_000));
const booleano = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.picklist(['1', '0', 'true', 'false', 'si', 'sí', 'no', 'on', 'off']),
  v.transform((valor) => ['1', 'true', 'si', 'sí', 'on'].includes(valor)),
);
const url = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i));
/** A host name (letters, digits, dots, dashes), an IPv4 address or an IPv6 address. */
const nombreDeHost = v.pipe(
  v.string(),
  v.regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/),
);
const urlBaseDeDatos = v.pipe(v.string(), v.regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)\S+$/));
/** An origin as browsers send it: scheme, host and port; a trailing "/", upper case or the default port are normalised. */
const origen = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[^/\s?#@]+\/?$/i),
  v.check((texto) => URL.canParse(texto)),
  v.transform((texto) => new URL(texto).origin),
);
const origenes = v.pipe(
  v.string(),
  v.transform((texto) => texto.split(',').map((parte) => parte.trim()).filter(Boolean)),
  v.minLength(1),
  v.array(origen),
);
/** An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`), as `net.BlockList` takes it. */
function esIpOCidr(texto: string): boolean {
  const [ip = '', prefijo, ...resto] = texto.split('/');
  const familia = isIP(ip);
  if (familia === 0 || resto.length > 0) return false;
  return prefijo === undefined || (/^\d{1,3}$/.test(prefijo) && Number(prefijo) <= (familia === 4 ? 32 : 128));
}
const proxies = v.pipe(
  v.string(),
  v.transform((texto) => texto.split(',').map((parte) => parte.trim()).filter(Boolean)),
  v.minLength(1),
  v.array(v.pipe(v.string(), v.check(esIpOCidr))),
);
const remitente = v.pipe(v.string(), v.regex(/^([^<>]+<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/));
const secreto = v.pipe(v.string(), v.minLength(32));
const nivel = v.pipe(v.string(), v.toLowerCase(), v.picklist(NIVELES_REGISTRO));
const dias = v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(30), v.maxValue(3650));
/** A token or key: printable characters without spaces. */
const sinEspacios = v.pipe(v.string(), v.regex(/^[\x21-\x7E]+$/));

/** Validates one variable; a bad value throws with the variable's name and what it allows. */
function leer<S extends v.GenericSchema<string, unknown>>(
  entorno: Entorno,
  nombre: string,
  schema: S,
  permitido: string,
): v.InferOutput<S> | undefined {
  const texto = entorno[nombre];
  if (texto === undefined || texto.trim() === '') return undefined;
  const resultado = v.safeParse(schema, texto.trim());
  if (resultado.success) return resultado.output;
  const mostrado = /SECRETO|TOKEN|KEY/.test(nombre) ? '(oculto)' : JSON.stringify(texto);
  throw new ErrorConfiguracion(`Configuración inválida: ${nombre} = ${mostrado}; se admite ${permitido}.`);
}

/** A required variable of production (or a value it does not allow): one line naming it. */
function faltaEnProduccion(nombre: string, que: string): ErrorConfiguracion {
  return new ErrorConfiguracion(`Configuración inválida: ${nombre} es obligatorio en producción (npm run serve); ${que}.`);
}

/**
 * Reads and validates every variable of DESIGN §5 for `modo` (the demo by default). `avisos` lists
 * what the operator should know (e.g. a per-start random SECRETO_CODIGOS). Throws
 * `ErrorConfiguracion` on the first bad or missing value.
 */
export function leerConfig(entorno: Entorno, modo: Modo = 'demo'): { config: Config; avisos: string[] } {
  const avisos: string[] = [];
  const demo = modo === 'demo';
  const PUERTO = 'un número de puerto entre 1 y 65535';
  const port = leer(entorno, 'PORT', puerto, PUERTO) ?? 8787;
  const puertoTercero = demo ? (leer(entorno, 'PORT_TERCERO', puerto, PUERTO) ?? 8788) : null;
  const puertoMetricas = leer(entorno, 'PORT_METRICAS', puerto, PUERTO) ?? null;
  // Name the variable the operator set (PORT=8788 alone collides with PORT_TERCERO's default).
  for (const [nombre, valor, otro, valorOtro, porque] of [
    ['PORT_TERCERO', puertoTercero, 'PORT', port, 'la página del tercero debe estar en otro origen'],
    ['PORT_METRICAS', puertoMetricas, 'PORT', port, 'las métricas van en su propio puerto'],
    ['PORT_METRICAS', puertoMetricas, 'PORT_TERCERO', puertoTercero, 'las métricas van en su propio puerto'],
  ] as const) {
    if (valor === null || valor !== valorOtro) continue;
    const [dicho, elOtro, suValor] = entorno[nombre]?.trim() ? [nombre, otro, valorOtro] : [otro, nombre, valor];
    throw new ErrorConfiguracion(`Configuración inválida: ${dicho} = "${valor}"; se admite un puerto distinto de ${elOtro} (${suValor}): ${porque}.`);
  }
  const host =
    leer(entorno, 'HOST', nombreDeHost, 'un nombre de host (p. ej. localhost) o una dirección IP (127.0.0.1, 0.0.0.0, ::)') ??
    '127.0.0.1';
  const databaseUrl =
    leer(entorno, 'DATABASE_URL', urlBaseDeDatos, 'una URL file:, libsql://, https:// o wss://') ??
    'file:./data/ecuapass.db';
  const embebida = databaseUrl.startsWith('file:');
  const QUE_ORIGEN = 'el origen con el que los usuarios llegan al BFF, como https://ecuapass.aduana.gob.ec (esquema, host y puerto; sin ruta)';
  const origenLeido = leer(entorno, 'ORIGEN_PUBLICO', origen, QUE_ORIGEN);
  if (!demo && origenLeido === undefined) throw faltaEnProduccion('ORIGEN_PUBLICO', `se admite ${QUE_ORIGEN}`);
  if (!demo && !origenLeido!.startsWith('https:')) {
    throw new ErrorConfiguracion(
      `Configuración inválida: ORIGEN_PUBLICO = ${JSON.stringify(entorno.ORIGEN_PUBLICO?.trim())}; en producción se admite solo un origen https (el del proxy TLS), como https://ecuapass.aduana.gob.ec.`,
    );
  }
  const origenPublico = origenLeido ?? `http://127.0.0.1:${port}`;
  const porDefecto = puertoTercero === null ? [origenPublico] : [`http://localhost:${puertoTercero}`, `http://127.0.0.1:${puertoTercero}`, origenPublico];
  const QUE_SECRETO = 'se admite un secreto de al menos 32 caracteres';
  let secretoCodigos = leer(entorno, 'SECRETO_CODIGOS', secreto, 'un secreto de al menos 32 caracteres');
  if (secretoCodigos === undefined) {
    if (!demo) throw faltaEnProduccion('SECRETO_CODIGOS', `todos los procesos deben compartirlo y conservarlo entre arranques; ${QUE_SECRETO}`);
    if (!embebida) {
      throw new ErrorConfiguracion(
        `Configuración inválida: SECRETO_CODIGOS es obligatorio con una base de datos remota (varios procesos deben compartirlo); ${QUE_SECRETO}.`,
      );
    }
    secretoCodigos = randomBytes(32).toString('base64url');
    avisos.push(
      'SECRETO_CODIGOS no está definido: se usa un secreto aleatorio de este arranque; los códigos de seguridad enviados dejan de valer al reiniciar.',
    );
  }
  const resendApiKey = leer(entorno, 'RESEND_API_KEY', sinEspacios, 'una clave de API de Resend (re_…, sin espacios)') ?? null;
  const bandejaPedida = leer(entorno, 'BANDEJA_DEV', booleano, '1, 0, true, false, si o no');
  const bandejaDev = bandejaPedida ?? (demo && resendApiKey === null);
  if (bandejaDev && resendApiKey !== null) {
    throw new ErrorConfiguracion(
      'Configuración inválida: BANDEJA_DEV está activo y RESEND_API_KEY también; se admite uno de los dos (la bandeja de desarrollo no envía correos).',
    );
  }
  if (!bandejaDev && resendApiKey === null) {
    throw demo
      ? new ErrorConfiguracion('Configuración inválida: BANDEJA_DEV = "0" y no hay RESEND_API_KEY; se admite uno de los dos para enviar los correos.')
      : faltaEnProduccion('RESEND_API_KEY', 'se admite una clave de API de Resend (re_…), o BANDEJA_DEV=1 para guardar los correos en la bandeja de desarrollo sin enviarlos');
  }
  if ((entorno.ORIGENES_PERMITIDOS ?? '').split(',').some((parte) => parte.trim() === '*')) {
    throw new ErrorConfiguracion(
      'Configuración inválida: ORIGENES_PERMITIDOS no admite «*» (cualquier sitio podría leer los datos con la sesión del usuario); se admite una lista de orígenes como https://portal.aduana.gob.ec.',
    );
  }
  const tiempoLimiteBaseMs =
    leer(entorno, 'DB_TIEMPO_LIMITE_MS', milisegundos, 'un número entero de milisegundos entre 100 y 60000') ?? 5000;
  // A request waits at most for a statement and a security code's email at a time: the drain must
  // outlast both (by default twice over), so a request in flight at shutdown is not cut.
  const cierreMinimo = tiempoLimiteBaseMs + PLAZO_ENVIO_MS;
  const limiteCierreMs =
    leer(
      entorno,
      'LIMITE_CIERRE_MS',
      v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.minValue(cierreMinimo + 1), v.maxValue(600_000)),
      `un número entero de milisegundos mayor que DB_TIEMPO_LIMITE_MS + ${PLAZO_ENVIO_MS} (el plazo de un correo) = ${cierreMinimo}, y de hasta 600000`,
    ) ?? Math.max(20_000, 2 * cierreMinimo);
  const config: Config = {
    modo,
    puerto: port,
    puertoTercero,
    puertoMetricas,
    host,
    databaseUrl,
    databaseAuthToken: leer(entorno, 'DATABASE_AUTH_TOKEN', sinEspacios, 'un token sin espacios') ?? null,
    tiempoLimiteBaseMs,
    limiteCierreMs,
    resendApiKey,
    bandejaDev,
    resendBaseUrl: leer(entorno, 'RESEND_BASE_URL', url, 'una URL absoluta (http:// o https://)') ?? null,
    correoRemitente:
      leer(entorno, 'CORREO_REMITENTE', remitente, 'una dirección de correo o "Nombre <correo@dominio>"') ??
      'Ecuapass <onboarding@resend.dev>',
    origenesPermitidos:
      leer(
        entorno,
        'ORIGENES_PERMITIDOS',
        origenes,
        'una lista separada por comas de orígenes como http://localhost:8788 (esquema, host y puerto; sin ruta; nunca «*»)',
      ) ?? porDefecto,
    seedDemo: leer(entorno, 'SEED_DEMO', booleano, '1, 0, true, false, si o no') ?? (demo && embebida),
    secretoCodigos,
    origenPublico,
    proxyConfiable:
      leer(
        entorno,
        'PROXY_CONFIABLE',
        proxies,
        'una lista separada por comas de direcciones IP o rangos CIDR de los proxies inversos (p. ej. 10.0.0.5,10.1.0.0/16,::1)',
      ) ?? [],
    nivelRegistro: leer(entorno, 'NIVEL_REGISTRO', nivel, NIVELES_REGISTRO.join(', ')) ?? 'info',
    retencionAuditoriaDias:
      leer(entorno, 'RETENCION_AUDITORIA_DIAS', dias, 'un número entero de días entre 30 y 3650') ?? 365,
  };
  if (!demo && config.seedDemo) {
    avisos.push('SEED_DEMO está activo en producción: existen los usuarios de demostración con la contraseña publicada en el README.');
  }
  if (config.bandejaDev && (!demo || !embebida || !['127.0.0.1', '::1', 'localhost'].includes(host))) {
    // The outbox shows every code and link to anyone who reaches the server, without a session.
    avisos.push(
      `BANDEJA_DEV: los códigos de seguridad y los enlaces «No reconozco este cambio» y «Crear una contraseña nueva» se ven sin sesión en /dev/correos y /api/dev/correos, y ${demo ? (embebida ? `el servidor escucha en ${host}` : 'el servidor usa una base remota') : 'el servidor corre en producción'}: configure RESEND_API_KEY fuera de un equipo de desarrollo.`,
    );
  }
  return { config, avisos };
}
