import type { InStatement } from '@libsql/client';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import { DURACION_MAXIMA_MS, resolverSesion } from '../db/sesiones.js';
import { problema } from '../problemas.js';
import type { Dependencias, Entorno } from '../tipos.js';
import { origenDeSolicitud } from './solicitud.js';

/** The session cookie's name; with an https ORIGEN_PUBLICO it carries the `__Host-` prefix. */
export const COOKIE_SESION = 'mug_sesion';

type OrigenDeCookie = Pick<Config, 'origenPublico'>;

/**
 * Over https (ORIGEN_PUBLICO, not the request's scheme: behind a TLS-terminating proxy Node sees
 * http) the cookie is `__Host-mug_sesion`, `Secure`, host-only, `Path=/`: a page on plain http or on
 * a sibling domain can neither read nor plant it. Over the http demo origin it is `mug_sesion`.
 */
function prefijo(config: OrigenDeCookie): { prefix?: 'host'; secure: boolean } {
  return config.origenPublico.startsWith('https:') ? { prefix: 'host', secure: true } : { secure: false };
}

/** The token of the request: `Authorization: Bearer` first, then the cookie (by its configured name only). */
export function tokenDe(c: Context, config: OrigenDeCookie): { token: string; porCookie: boolean } | null {
  const autorizacion = c.req.header('Authorization');
  const bearer = autorizacion?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})\s*$/i)?.[1];
  if (bearer) return { token: bearer, porCookie: false };
  const cookie = getCookie(c, COOKIE_SESION, prefijo(config).prefix);
  return cookie ? { token: cookie, porCookie: true } : null;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, 8 h at most; `__Host-` and Secure over https. */
export function ponerCookieSesion(c: Context, config: OrigenDeCookie, token: string): void {
  setCookie(c, COOKIE_SESION, token, {
    ...prefijo(config),
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: DURACION_MAXIMA_MS / 1000,
  });
}

export function borrarCookieSesion(c: Context, config: OrigenDeCookie): void {
  deleteCookie(c, COOKIE_SESION, { ...prefijo(config), path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** 401 NO_AUTENTICADO: no live session (or its user is gone). */
export function problemaNoAutenticado(c: Context) {
  return problema(c, 401, 'NO_AUTENTICADO', 'Su sesión no es válida o ha expirado. Inicie sesión nuevamente.');
}

/**
 * Requires a live session and puts it in `c.var.sesion` and its user in `c.var.usuario` (one read);
 * else 401 NO_AUTENTICADO. An extension the session is due (at most once a minute) runs after the
 * handler, unless the handler put it in its own write batch (`tomarRenovacion`).
 */
export function requerirSesion({ db, reloj, config }: Dependencias): MiddlewareHandler<Entorno> {
  return async (c, next) => {
    const credencial = tokenDe(c, config);
    const sesion = credencial ? await resolverSesion(db, credencial.token, reloj(), origenDeSolicitud(c).ip) : null;
    if (!credencial || !sesion) {
      if (credencial?.porCookie) borrarCookieSesion(c, config);
      return problemaNoAutenticado(c);
    }
    c.set('sesion', {
      idUsuario: sesion.usuario.idUsuario,
      sesionId: sesion.id,
      reautenticadoEn: sesion.reautenticadoEn,
      porCookie: credencial.porCookie,
      renovacion: sesion.renovacion,
    });
    c.set('usuario', sesion.usuario);
    await next();
    const [pendiente] = tomarRenovacion(c);
    if (pendiente && !c.error) await db.execute(pendiente);
  };
}

/** The session's due extension, for the handler's write batch (empty when none is due or it was taken). */
export function tomarRenovacion(c: Context<Entorno>): InStatement[] {
  const sesion = c.get('sesion');
  const renovacion = sesion.renovacion;
  sesion.renovacion = null;
  return renovacion ? [renovacion] : [];
}
