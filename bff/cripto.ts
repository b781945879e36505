import { createHash, randomBytes } from 'node:crypto';

/** A token as `tokenAleatorio` makes it: 43 base64url characters. */
export const FORMATO_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits in base64url: a session token, or the token of a one-time link. */
export function tokenAleatorio(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 in hex: what the database keeps of a token. The tokens have full entropy, so no key or
 * slow hash is needed.
 */
export function sha256Hex(texto: string): string {
  return createHash('sha256').update(texto).digest('hex');
}

/** A strong ETag (RFC 9110 §8.8.3) of a content: its SHA-256 in base64url, 27 characters (162 bits). */
export function etagFuerte(contenido: string | Uint8Array): string {
  return `"${createHash('sha256').update(contenido).digest('base64url').slice(0, 27)}"`;
}
