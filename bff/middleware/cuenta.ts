import type { Context, MiddlewareHandler } from 'hono';
import { buscarUsuario } from '../db/usuarios.js';
import { problema } from '../problemas.js';
import { problemaNoAutenticado } from './sesion.js';
import type { Dependencias, Entorno } from '../tipos.js';

/** 403 CUENTA_BLOQUEADA: after "No reconozco este cambio" only reading and a password change are allowed. */
export function problemaCuentaBloqueada(c: Context): Response {
  return problema(
    c,
    403,
    'CUENTA_BLOQUEADA',
    'Su usuario está bloqueado por seguridad porque se revirtió un cambio de correo electrónico. Solo puede consultar sus datos y cambiar su contraseña; al cambiarla se desbloquea.',
  );
}

/**
 * Loads the signed-in user into `c.var.usuario` (after `requerirSesion`); a BLOQUEADO account gets
 * 403 CUENTA_BLOQUEADA. For the writes a blocked account may not do.
 */
export function requerirCuentaActiva({ db }: Dependencias): MiddlewareHandler<Entorno> {
  return async (c, next) => {
    const usuario = await buscarUsuario(db, c.get('sesion').idUsuario);
    if (!usuario) return problemaNoAutenticado(c);
    if (usuario.estado === 'BLOQUEADO') return problemaCuentaBloqueada(c);
    c.set('usuario', usuario);
    await next();
  };
}
