/** Trims and collapses inner runs of white space to one space. */
export function colapsarEspacios(texto: string): string {
  return texto.trim().replace(/\s+/g, ' ');
}

/** Uppercases and strips accents and diacritics (Á→A, Ñ→N, Ü→U). */
export function sinAcentosMayusculas(texto: string): string {
  return texto.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
}

/** Alphabet of security codes: digits and letters without look-alikes (no 0, 1, I, O). */
export const ALFABETO_CODIGO = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const LONGITUD_CODIGO = 8;

/** A typed security code as stored: spaces and dashes removed, uppercased. */
export function normalizarCodigo(codigo: string): string {
  return codigo.replace(/[\s-]+/g, '').toUpperCase();
}

/** An email address as stored: trimmed and lower-cased. */
export function normalizarCorreo(correo: string): string {
  return correo.trim().toLowerCase();
}
