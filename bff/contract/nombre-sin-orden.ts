import { distanciaDamerauLevenshtein } from './nombre.js';
import { colapsarEspacios, sinAcentosMayusculas } from './texto.js';

/** Above this many words only the given and the alphabetical orders are tried (5! = 120 orders, a few milliseconds for 100 characters). */
const MAX_PALABRAS_PERMUTADAS = 5;

function comparable(nombre: string): string {
  return sinAcentosMayusculas(colapsarEspacios(nombre));
}

function ordenada(texto: string): string {
  return texto.split(' ').sort().join(' ');
}

/** Every order of `palabras` (each once, even with repeated words). */
function* permutaciones(palabras: string[]): Generator<string[]> {
  if (palabras.length <= 1) {
    yield palabras;
    return;
  }
  const vistas = new Set<string>();
  for (let i = 0; i < palabras.length; i++) {
    if (vistas.has(palabras[i]!)) continue;
    vistas.add(palabras[i]!);
    const resto = [...palabras.slice(0, i), ...palabras.slice(i + 1)];
    for (const cola of permutaciones(resto)) yield [palabras[i]!, ...cola];
  }
}

/**
 * Damerau-Levenshtein distance between two names compared uppercased, without accents and with
 * word order ignored (DESIGN §2): the smallest distance over the orders of the new name's words.
 * Sorting both names alphabetically is not enough: correcting a surname's first letter
 * ("TITO MACAY" → "TITO VACAY") can move it past another word and look like a new name.
 */
export function distanciaDeNombres(anterior: string, nuevo: string): number {
  const viejo = comparable(anterior);
  const actual = comparable(nuevo);
  let mejor = Math.min(distanciaDamerauLevenshtein(viejo, actual), distanciaDamerauLevenshtein(ordenada(viejo), ordenada(actual)));
  const palabras = actual.split(' ');
  if (mejor === 0 || palabras.length > MAX_PALABRAS_PERMUTADAS) return mejor;
  for (const orden of permutaciones(palabras)) {
    mejor = Math.min(mejor, distanciaDamerauLevenshtein(viejo, orden.join(' ')));
    if (mejor === 0) break;
  }
  return mejor;
}

/**
 * True when `nuevo` is not a correction of `anterior` but another name (DESIGN §2): the distance
 * above, word order ignored, is greater than max(3, ⌈25 % of the old length⌉).
 */
export function esCambioTotalDeNombreSinOrden(anterior: string, nuevo: string): boolean {
  const limite = Math.max(3, Math.ceil(comparable(anterior).length * 0.25));
  return distanciaDeNombres(anterior, nuevo) > limite;
}
