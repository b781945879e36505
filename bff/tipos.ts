import type { PinoLogger } from 'hono-pino';
import type { InStatement } from '@libsql/client';
import type { RequestIdVariables } from 'hono/request-id';
import type { Config } from './config.js';
import type { BaseDeDatos } from './db/cliente.js';
import type { UsuarioGuardado } from './db/usuarios.js';
import type { Mailer, MailerElegido } from './mail/index.js';
import type { Metricas } from './metricas.js';
import type { Registro } from './registro.js';
import type { LimitadorArgon2 } from './services/contrasenas.js';

/** What the app is built from (STYLE: the factory takes its dependencies). */
export interface Dependencias {
  /** The libSQL client wrapped with deadlines and fault handling (bff/db/cliente.ts). */
  db: BaseDeDatos;
  /** The mailer (bff/mail). Null or absent → `createApp` builds the one the configuration names. */
  mailer?: Mailer | null;
  /** The clock; tests pass a fixed or adjustable one. */
  reloj: () => Date;
  config: Config;
  /**
   * False while the database has not been reached and migrated at start (a remote sqld/Turso that
   * is down): /api answers 503 instead of failing. Absent → always ready.
   */
  baseLista?: () => boolean;
  /** The cap on concurrent password hashing. Absent → `limitadorArgon2()` (4 at once, 32 waiting). */
  argon2?: LimitadorArgon2;
  /** The process's log (bff/registro.ts). Absent → nothing is logged. */
  registro?: Registro;
  /** The Prometheus metrics (bff/metricas.ts). Absent → the app counts into its own registry. */
  metricas?: Metricas;
}

/** The dependencies once `createApp` has settled the mailer and the argon2 cap: what the routes receive. */
export interface Servicios extends Omit<Dependencias, 'mailer' | 'argon2' | 'registro' | 'metricas'> {
  mailer: MailerElegido;
  argon2: LimitadorArgon2;
  registro: Registro;
  metricas: Metricas;
}

/** Who made a request, for the audit rows, rate limits and logs (set once by `conexion`). */
export interface Quien {
  ip: string | null;
  agente: string | null;
  idSolicitud: string | null;
}

/** The authenticated session a request carries (set by `requerirSesion`). */
export interface SesionDeSolicitud {
  idUsuario: string;
  sesionId: string;
  /** Last password proof (login, check, re-authentication). */
  reautenticadoEn: Date;
  /** True when the token came in the cookie (CSRF rules apply), false for Bearer. */
  porCookie: boolean;
  /** The extension the session is due, until run or taken into a write batch (`tomarRenovacion`). */
  renovacion: InStatement | null;
}

export type Entorno = {
  Variables: RequestIdVariables & {
    /** The client's address (the peer, or X-Forwarded-For behind PROXY_CONFIABLE); set by `conexion`. */
    ipCliente: string | null;
    sesion: SesionDeSolicitud;
    /** The signed-in user, read with the session by `requerirSesion`. */
    usuario: UsuarioGuardado;
    /** The request's logger (hono-pino): its lines carry the request id and method. */
    logger: PinoLogger;
  };
};
