/**
 * The server side of the password policy (DESIGN §2): the authority behind the element's live
 * checklist. Hashing is argon2id m=19 MiB, t=2, p=1 from ./contrasenas.ts (the core's helper),
 * re-exported here under the names the issue-3 routes use.
 */
import {
  contieneDatosPersonales,
  evaluarClave,
  longitudClaveValida,
  PUNTAJE_MINIMO_CLAVE,
  type ContextoClave,
} from '../../contract/clave.js';
import { hashContrasena, verificarContrasena } from './contrasenas.js';

/** Field error codes for `cambioClave.contrasena`. */
export type ErrorPoliticaClave = 'LONGITUD' | 'NO_PERMITIDO' | 'DEBIL';

/** argon2id PHC string of the NFKC-normalised password. */
export function hashClave(clave: string): Promise<string> {
  return hashContrasena(clave);
}

/** True when `clave` (NFKC-normalised) matches the PHC string; false for a malformed hash. */
export function verificarClave(hash: string, clave: string): Promise<boolean> {
  return verificarContrasena(hash, clave);
}

/**
 * Why `nueva` is refused, or null when it is acceptable. In order: `LONGITUD` (12–128 after NFKC),
 * `NO_PERMITIDO` (contains the ID.usuario, a name word or the email's local part, or equals the
 * current password; the argon2 check runs only when the cheaper checks pass), `DEBIL` (zxcvbn < 3).
 */
export async function errorPoliticaClave(
  nueva: string,
  contexto: ContextoClave,
  hashActual: string | null,
): Promise<ErrorPoliticaClave | null> {
  const normalizada = nueva.normalize('NFKC');
  if (!longitudClaveValida(normalizada)) return 'LONGITUD';
  if (contieneDatosPersonales(normalizada, contexto)) return 'NO_PERMITIDO';
  if (hashActual !== null && (await verificarContrasena(hashActual, normalizada))) return 'NO_PERMITIDO';
  const { puntaje } = await evaluarClave(normalizada, contexto);
  return puntaje >= PUNTAJE_MINIMO_CLAVE ? null : 'DEBIL';
}
