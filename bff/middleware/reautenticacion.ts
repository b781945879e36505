import type { Context, MiddlewareHandler } from 'hono';
import { problema } from '../problemas.js';
import type { Dependencias, Entorno, SesionDeSolicitud } from '../tipos.js';

/** A password proof (login, "Cambio de clave" check, re-authentication) lasts 15 minutes (DESIGN §2). */
export const VIGENCIA_REAUTENTICACION_MS = 15 * 60_000;

/** True while the session's last password proof is at most 15 minutes old (15:00 is still fine). */
export function reautenticacionVigente(sesion: SesionDeSolicitud, ahora: Date): boolean {
  return ahora.getTime() - sesion.reautenticadoEn.getTime() <= VIGENCIA_REAUTENTICACION_MS;
}

/** 403 REAUTENTICACION_REQUERIDA: the element asks for the password and retries. */
export function problemaReautenticacion(c: Context) {
  return problema(
    c,
    403,
    'REAUTENTICACION_REQUERIDA',
    'Por seguridad, confirme su contraseña para continuar (la última confirmación tiene más de 15 minutos).',
  );
}

/** For sensitive actions (code request, baja): a password proof from the last 15 minutes. */
export function requerirReautenticacion({ reloj }: Dependencias): MiddlewareHandler<Entorno> {
  return async (c, next) => {
    if (!reautenticacionVigente(c.get('sesion'), reloj())) return problemaReautenticacion(c);
    await next();
  };
}
