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

/** The comparable form of a name: uppercased, without accents, words sorted. */
function formaComparable(nombre: string): string {
  return sinAcentosMayusculas(colapsarEspacios(nombre)).split(' ').sort().join(' ');
}

/**
 * True when `nuevo` is not a correction of `anterior` but another name (DESIGN §2): compared
 * uppercased without accents and with word order ignored, the distance is above
 * max(3, ⌈25 % of the old length⌉).
 */
export function esCambioTotalDeNombre(anterior: string, nuevo: string): boolean {
  const viejo = formaComparable(anterior);
  const limite = Math.max(3, Math.ceil(viejo.length * 0.25));
  return distanciaDamerauLevenshtein(viejo, formaComparable(nuevo)) > limite;
}
