import { hash, verify, type Options } from '@node-rs/argon2';

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
