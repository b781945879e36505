import type { Client } from '@libsql/client';
import type { RequestIdVariables } from 'hono/request-id';
import type { Config } from './config.js';

/** What the app is built from (STYLE: the factory takes its dependencies). */
export interface Dependencias {
  db: Client;
  /** The issue-3 `Mailer` (bff/mail/mailer.ts); null until it is wired. */
  mailer: unknown;
  /** The clock; tests pass a fixed or adjustable one. */
  reloj: () => Date;
  config: Config;
}

/** The authenticated session a request carries (set by `requerirSesion`). */
export interface SesionDeSolicitud {
  idUsuario: string;
  sesionId: string;
  /** Last password proof (login, check, re-authentication). */
  reautenticadoEn: Date;
  /** True when the token came in the cookie (CSRF rules apply), false for Bearer. */
  porCookie: boolean;
}

export type Entorno = {
  Variables: RequestIdVariables & {
    sesion: SesionDeSolicitud;
    /** The parsed JSON body of POST/PUT/PATCH requests under /api. */
    cuerpo: unknown;
  };
};
