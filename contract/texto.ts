/**
 * Trims and collapses inner runs of ordinary white space (space, tab, line breaks) to one space.
 * Any other space or separator (U+00A0, U+2028…) is left in place for the rules to refuse.
 */
export function colapsarEspacios(texto: string): string {
  return texto.trim().replace(/[ \t\r\n]+/g, ' ');
}

/** Length in characters as a person counts them: Unicode code points, not UTF-16 units (🦙 is 1). */
export function contarCaracteres(texto: string): number {
  return [...texto].length;
}

export const LONGITUD_MINIMA_CONTRASENA = 12;
export const LONGITUD_MAXIMA_CONTRASENA = 128;

/**
 * 12–128 characters counted as Unicode code points (NIST SP 800-63B), not UTF-16 units. Here, not
 * in usuario.ts, so the element's checklist uses it without bringing valibot into the first load.
 */
export function longitudContrasenaValida(contrasena: string): boolean {
  const caracteres = contarCaracteres(contrasena);
  return caracteres >= LONGITUD_MINIMA_CONTRASENA && caracteres <= LONGITUD_MAXIMA_CONTRASENA;
}

/**
 * Free text (Dirección, Motivo) holds visible characters, the space U+0020, tabs and line breaks:
 * no other control character, no format character (Cf: zero-width spaces and joiners, bidi
 * overrides such as U+202E, the soft hyphen), no lone surrogate or private-use character, no line
 * or paragraph separator (U+2028, U+2029) and no space other than U+0020 (U+00A0, U+3000…).
 * Unassigned code points are not refused: which ones are unassigned depends on the Unicode
 * version of the browser or of Node, and the two must agree.
 */
export const TEXTO_VISIBLE = /^(?:[ \t\r\n]|[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Z}])*$/u;

/**
 * A name (DESIGN §2): the letters of Spanish names (A–Z, Ñ, the vowels with an acute accent, Ü, in
 * either case), space, apostrophe, hyphen and period. Nothing from other blocks: no look-alikes
 * (ʝ, ǅ, Cyrillic о), no fullwidth letters, nothing invisible.
 */
export const LETRAS_DE_NOMBRE = /^[A-Za-zÑñÁÉÍÓÚáéíóúÜü' .-]+$/;

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

/**
 * What people type between the digits of a phone number: white space, dashes (ASCII and
 * Unicode: U+2010–U+2015) and parentheses. Dots, letters, «ext» and any other character are not.
 */
const SEPARADORES_TELEFONO = /[\s()\-\u2010-\u2015]+/g;

/**
 * A phone number as typed → as stored (DESIGN §2): separators removed, and the Ecuador prefix
 * +593 turned into the national 0 (`+593 4 234 5678` and `+593 (04) 234-5678` → `042345678`,
 * `+593 99 123 4567` → `0991234567`). Anything else is left in place, for the rule to refuse:
 * never dropped silently.
 */
export function normalizarTelefono(texto: string): string {
  return texto.replace(SEPARADORES_TELEFONO, '').replace(/^\+5930?(?=\d)/, '0');
}

/** An email address as stored: trimmed and lower-cased. */
export function normalizarCorreo(correo: string): string {
  return correo.trim().toLowerCase();
}
