import { registrarEvento } from '../db/auditoria.js';
import { LIMITES, reiniciar, reservar, sentenciaDevolver } from '../db/limites.js';
import type { Quien, Servicios } from '../tipos.js';
import { ServidorOcupadoError, verificarContrasena } from './contrasenas.js';

export type ResultadoPrueba = { tipo: 'CORRECTA' } | { tipo: 'INCORRECTA' } | { tipo: 'LIMITE'; reintentarEnS: number };

/**
 * Checks the signed-in user's password ("Cambio de clave" check, re-authentication, the
 * `contrasenaAnterior` of a password change), counting wrong ones: 5 per user per 15 minutes, then
 * 429 until the window closes (the 6th try is refused unverified, as for the login). Each try is
 * counted before the check (`reservar`), so concurrent tries cannot pass the limit; a right one
 * clears the count. Limit hits are audited (one row per window). The check runs under the app's
 * argon2 cap; when the server is busy the try is given back and `ServidorOcupadoError` (503) thrown.
 */
export async function probarContrasena(
  { db, reloj, argon2, metricas }: Servicios,
  quien: Quien,
  idUsuario: string,
  contrasena: string,
  /** The stored hash (read with the session). */
  contrasenaHash: string,
): Promise<ResultadoPrueba> {
  const ahora = reloj();
  const clave = `contrasena:${idUsuario}`;
  const limite = await reservar(db, { clave, ...LIMITES.pruebaContrasena, ahora });
  if (!limite.permitido) {
    const agruparMs = LIMITES.pruebaContrasena.ventanaMs;
    await registrarEvento(db, { idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['contrasena'], creadoEn: ahora, agruparMs, ...quien });
    metricas.limiteRechazado('prueba-contrasena');
    return { tipo: 'LIMITE', reintentarEnS: limite.reintentarEnS };
  }
  let correcta: boolean;
  try {
    correcta = await argon2(() => verificarContrasena(contrasenaHash, contrasena));
  } catch (error) {
    if (error instanceof ServidorOcupadoError) await db.execute(sentenciaDevolver(clave));
    throw error;
  }
  if (correcta) {
    await reiniciar(db, clave);
    return { tipo: 'CORRECTA' };
  }
  await registrarEvento(db, { idUsuario, evento: 'CONTRASENA_INCORRECTA', creadoEn: ahora, ...quien });
  return { tipo: 'INCORRECTA' };
}
