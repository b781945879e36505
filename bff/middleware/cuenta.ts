import type { Context, MiddlewareHandler } from 'hono';
import { problema } from '../problemas.js';
import type { Entorno } from '../tipos.js';

/** What a BLOQUEADO account must do (DESIGN §4): the element says the same in its own words. */
export const DETALLE_CUENTA_BLOQUEADA =
  'Su usuario está bloqueado por seguridad: se usó el enlace «No reconozco este cambio». Para desbloquearlo abra el enlace «Crear una contraseña nueva» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.';

/** 403 CUENTA_BLOQUEADA: after "No reconozco este cambio", until the reset link is used. */
export function problemaCuentaBloqueada(c: Context) {
  return problema(c, 403, 'CUENTA_BLOQUEADA', DETALLE_CUENTA_BLOQUEADA);
}

/**
 * For the writes a blocked account may not do (after `requerirSesion`, which read the user): a
 * BLOQUEADO account gets 403 CUENTA_BLOQUEADA.
 */
export const requerirCuentaActiva: MiddlewareHandler<Entorno> = async (c, next) => {
  if (c.get('usuario').estado === 'BLOQUEADO') return problemaCuentaBloqueada(c);
  await next();
};
