import type { Context, MiddlewareHandler } from 'hono';
import { buscarUsuario } from '../db/usuarios.js';
import { problema } from '../problemas.js';
import { problemaNoAutenticado } from './sesion.js';
import type { Dependencias, Entorno } from '../tipos.js';

/** What a BLOQUEADO account must do (DESIGN §4): the element says the same in its own words. */
export const DETALLE_CUENTA_BLOQUEADA =
  'Su usuario está bloqueado por seguridad: se usó el enlace «No reconozco este cambio». Para desbloquearlo abra el enlace «Crear una contraseña nueva» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.';

/** 403 CUENTA_BLOQUEADA: after "No reconozco este cambio", until the reset link is used. */
export function problemaCuentaBloqueada(c: Context) {
  return problema(c, 403, 'CUENTA_BLOQUEADA', DETALLE_CUENTA_BLOQUEADA);
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
