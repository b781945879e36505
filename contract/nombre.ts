import { colapsarEspacios, sinAcentosMayusculas } from './texto.js';

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).
 * https://en.wikipedia.org/wiki/Damerau%E2%80%93Levenshtein_distance#Optimal_string_alignment_distance
 */
export function distanciaDamerauLevenshtein(a: string, b: string): number {
  const filas = a.length + 1;
  const columnas = b.length + 1;
  const d: number[][] = Array.from({ length: filas }, (_, i) =>
    Array.from({ length: columnas }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < filas; i++) {
    for (let j = 1; j < columnas; j++) {
      const costo = a[i - 1] === b[j - 1] ? 0 : 1;
      let valor = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + costo);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        valor = Math.min(valor, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = valor;
    }
  }
  return d[a.length]![b.length]!;
}

/** Above this many words only the given and the alphabetical orders are tried (5! = 120 orders). */
const MAX_PALABRAS_PERMUTADAS = 5;

/** The comparable form of a name: uppercased, without accents, spaces collapsed. */
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
 * Distance between two names compared uppercased, without accents and with word order ignored:
 * the smallest distance over the orders of the new name's words. Sorting both names is not
 * enough: correcting a surname's first letter ("TITO MACAY" → "TITO VACAY") can move it past
 * another word and look like a new name.
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
 * True when `nuevo` is not a correction of `registrado` but another name (DESIGN §2): the distance
 * above is greater than max(3, ⌈25 % of the registered name's length⌉). `registrado` is the name as
 * first registered, never the current one: measured from the current name, ten one-letter
 * corrections in a row would turn one person's name into another's.
 */
export function esCambioTotalDeNombre(registrado: string, nuevo: string): boolean {
  const limite = Math.max(3, Math.ceil(comparable(registrado).length * 0.25));
  return distanciaDeNombres(registrado, nuevo) > limite;
}
