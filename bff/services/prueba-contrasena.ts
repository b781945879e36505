import type { Context } from 'hono';
import { buscarUsuario } from '../db/usuarios.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import type { Dependencias } from '../tipos.js';
import { registrarEvento } from './auditoria.js';
import { verificarContrasena } from './contrasenas.js';
import { LIMITES, reiniciar, reservar } from './limites.js';

export type ResultadoPrueba = { tipo: 'CORRECTA' } | { tipo: 'INCORRECTA' } | { tipo: 'LIMITE'; reintentarEnS: number };

/**
 * Checks the signed-in user's password ("Cambio de clave" check, re-authentication, the
 * `contrasenaAnterior` of a password change), counting wrong ones: 5 per user per 15 minutes, then
 * 429 until the window closes (the 6th try is refused unverified, as for the login). Each try is
 * counted before the check (`reservar`), so concurrent tries cannot pass the limit; a right one
 * clears the count. Limit hits are audited.
 */
export async function probarContrasena(
  { db, reloj }: Dependencias,
  c: Context,
  idUsuario: string,
  contrasena: string,
  /** The stored hash when the caller already loaded the user (PUT /api/usuario); else it is read. */
  claveHash?: string,
): Promise<ResultadoPrueba> {
  const ahora = reloj();
  const clave = `contrasena:${idUsuario}`;
  const limite = await reservar(db, { clave, ...LIMITES.pruebaContrasena, ahora });
  if (!limite.permitido) {
    await registrarEvento(db, { idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['contrasena'], creadoEn: ahora, ...origenDeSolicitud(c) });
    return { tipo: 'LIMITE', reintentarEnS: limite.reintentarEnS };
  }
  const hash = claveHash ?? (await buscarUsuario(db, idUsuario))?.claveHash ?? null;
  if (await verificarContrasena(hash, contrasena)) {
    await reiniciar(db, clave);
    return { tipo: 'CORRECTA' };
  }
  await registrarEvento(db, { idUsuario, evento: 'CONTRASENA_INCORRECTA', creadoEn: ahora, ...origenDeSolicitud(c) });
  return { tipo: 'INCORRECTA' };
}
