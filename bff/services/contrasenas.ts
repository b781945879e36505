import { hash, verify, type Options } from '@node-rs/argon2';
import pLimit from 'p-limit';
import type { CodigoCampo } from '../../contract/codigos.js';
import { evaluarContrasena, PUNTAJE_MINIMO_CONTRASENA } from '../../contract/contrasena.js';
import { contieneDatosPersonales, type ContextoContrasena } from '../../contract/datos-personales.js';
import { longitudContrasenaValida } from '../../contract/texto.js';

/**
 * argon2id, m=19 MiB, t=2, p=1: OWASP's first choice (Password Storage Cheat Sheet).
 * `@node-rs/argon2` runs on libuv's thread pool, so hashing never blocks the event loop.
 */
const OPCIONES: Options = {
  algorithm: 2, // Algorithm.Argon2id (an ambient const enum, not importable with isolatedModules)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * The hash of a random password nobody knows, with the same parameters: unknown users are
 * verified against it so that the answer takes as long as for a real user.
 */
const HASH_FICTICIO =
  '$argon2id$v=19$m=19456,t=2,p=1$IBPzQN2gvJbD8rgQoIm9sA$bYc4QDmDrT7IXlGcVAP0Tn6/IkUFeCKOwyRidy8pEuw';

/** The argon2id PHC string of `contrasena` (NFKC-normalised, as typed otherwise). */
export function hashContrasena(contrasena: string): Promise<string> {
  return hash(contrasena.normalize('NFKC'), OPCIONES);
}

/** Checks `contrasena` against a PHC string; `null` (unknown user) checks a dummy hash and fails. */
export async function verificarContrasena(hashGuardado: string | null, contrasena: string): Promise<boolean> {
  try {
    const correcta = await verify(hashGuardado ?? HASH_FICTICIO, contrasena.normalize('NFKC'));
    return correcta && hashGuardado !== null;
  } catch {
    return false; // a malformed stored hash never logs anyone in
  }
}

/** The server is busy with password hashing: answer 503 with `Retry-After` at once rather than queue. */
export class ServidorOcupadoError extends Error {
  override readonly name = 'ServidorOcupadoError';
  constructor(readonly reintentarEnS = 2) {
    super('Demasiadas comprobaciones de contraseña en curso.');
  }
}

/** Runs one argon2 computation under the app's cap, or throws `ServidorOcupadoError`. */
export type LimitadorArgon2 = <T>(trabajo: () => Promise<T>) => Promise<T>;

/**
 * At most `concurrentes` argon2 computations at once (libuv runs 4 threads by default) and `cola`
 * waiting; one more is refused at once, so a flood of logins gets quick 503s instead of every
 * login, the owner's included, waiting behind it. With 4 running and 32 waiting, a queued request
 * waits about 8 hash times.
 */
export function limitadorArgon2({ concurrentes = 4, cola = 32 } = {}): LimitadorArgon2 {
  const limite = pLimit(concurrentes);
  return (trabajo) => {
    if (limite.activeCount >= concurrentes && limite.pendingCount >= cola) return Promise.reject(new ServidorOcupadoError());
    return limite(trabajo);
  };
}

/**
 * The server side of the password policy (DESIGN §2), the authority behind the element's live
 * checklist: the field error codes of a new password.
 */
export type ErrorPoliticaContrasena = Extract<CodigoCampo, 'LONGITUD' | 'NO_PERMITIDO' | 'DEBIL'>;

/**
 * Why `nueva` is refused, or null when it is acceptable. In order: `LONGITUD` (12–128 after NFKC),
 * `NO_PERMITIDO` (contains the ID.usuario, a name word or the email's local part, or equals the
 * current password; the argon2 check runs only when the cheaper checks pass), `DEBIL` (zxcvbn < 3).
 */
export async function errorPoliticaContrasena(
  nueva: string,
  contexto: ContextoContrasena,
  hashActual: string | null,
): Promise<ErrorPoliticaContrasena | null> {
  const normalizada = nueva.normalize('NFKC');
  if (!longitudContrasenaValida(normalizada)) return 'LONGITUD';
  if (contieneDatosPersonales(normalizada, contexto)) return 'NO_PERMITIDO';
  if (hashActual !== null && (await verificarContrasena(hashActual, normalizada))) return 'NO_PERMITIDO';
  const { puntaje } = await evaluarContrasena(normalizada, contexto);
  return puntaje >= PUNTAJE_MINIMO_CONTRASENA ? null : 'DEBIL';
}
