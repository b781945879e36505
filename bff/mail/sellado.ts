// The content of a notice waiting in the outbox (`avisos_pendientes`) holds one-time links, which
// are secrets: the database keeps it sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
// SECRETO_CODIGOS, so a copy of the database does not reveal a plain token.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ContenidoCorreo } from './mensajes.js';

const LARGO_IV = 12;
const LARGO_ETIQUETA = 16;

function clave(secreto: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secreto, '', 'mug/avisos-pendientes', 32));
}

/** base64url(iv ‖ tag ‖ ciphertext) of the JSON of `contenido`. */
export function sellarContenido(secreto: string, contenido: ContenidoCorreo): string {
  const iv = randomBytes(LARGO_IV);
  const cifrador = createCipheriv('aes-256-gcm', clave(secreto), iv);
  const cifrado = Buffer.concat([cifrador.update(JSON.stringify(contenido), 'utf8'), cifrador.final()]);
  return Buffer.concat([iv, cifrador.getAuthTag(), cifrado]).toString('base64url');
}

/** The content sealed by `sellarContenido`; throws if the secret is not the one that sealed it. */
export function abrirContenido(secreto: string, sellado: string): ContenidoCorreo {
  const datos = Buffer.from(sellado, 'base64url');
  const descifrador = createDecipheriv('aes-256-gcm', clave(secreto), datos.subarray(0, LARGO_IV));
  descifrador.setAuthTag(datos.subarray(LARGO_IV, LARGO_IV + LARGO_ETIQUETA));
  const texto = Buffer.concat([descifrador.update(datos.subarray(LARGO_IV + LARGO_ETIQUETA)), descifrador.final()]).toString('utf8');
  return JSON.parse(texto) as ContenidoCorreo;
}
