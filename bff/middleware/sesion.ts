import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { problema } from '../problemas.js';
import { DURACION_MAXIMA_MS, resolverSesion } from '../services/sesiones.js';
import { origenDeSolicitud } from './solicitud.js';
import type { Dependencias, Entorno } from '../tipos.js';

export const COOKIE_SESION = 'mug_sesion';

/** The token of the request: `Authorization: Bearer` first, then the cookie. */
export function tokenDe(c: Context): { token: string; porCookie: boolean } | null {
  const autorizacion = c.req.header('Authorization');
  const bearer = autorizacion?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})\s*$/i)?.[1];
  if (bearer) return { token: bearer, porCookie: false };
  const cookie = getCookie(c, COOKIE_SESION);
  return cookie ? { token: cookie, porCookie: true } : null;
}

function esHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https, 8 h at most. */
export function ponerCookieSesion(c: Context, token: string): void {
  setCookie(c, COOKIE_SESION, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: esHttps(c),
    maxAge: DURACION_MAXIMA_MS / 1000,
  });
}

export function borrarCookieSesion(c: Context): void {
  deleteCookie(c, COOKIE_SESION, { path: '/', secure: esHttps(c), httpOnly: true, sameSite: 'Lax' });
}

/** 401 NO_AUTENTICADO: no live session (or its user is gone). */
export function problemaNoAutenticado(c: Context): Response {
  return problema(c, 401, 'NO_AUTENTICADO', 'Su sesión no es válida o ha expirado. Inicie sesión nuevamente.');
}

/**
 * Requires a live session (renewing it, with the request's address as its latest) and puts it in
 * `c.var.sesion`; else 401 NO_AUTENTICADO.
 */
export function requerirSesion({ db, reloj }: Dependencias): MiddlewareHandler<Entorno> {
  return async (c, next) => {
    const credencial = tokenDe(c);
    const sesion = credencial ? await resolverSesion(db, credencial.token, reloj(), origenDeSolicitud(c).ip) : null;
    if (!credencial || !sesion) {
      if (credencial?.porCookie) borrarCookieSesion(c);
      return problemaNoAutenticado(c);
    }
    c.set('sesion', {
      idUsuario: sesion.idUsuario,
      sesionId: sesion.id,
      reautenticadoEn: sesion.reautenticadoEn,
      porCookie: credencial.porCookie,
    });
    await next();
  };
}
