// Password policy (DESIGN §2), browser-safe: the element runs it live for the checklist and the
// strength meter, and the BFF runs it again as the authority (bff/services/contrasenas.ts).
// NIST SP 800-63B / OWASP ASVS style: 12–128 characters, no composition rules, NFKC-normalised,
// no personal data, and not guessable (zxcvbn-ts score ≥ 3 with its common and Spanish dictionaries,
// also once the site's own words are taken out).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { contieneDatosPersonales, palabrasNombre, partePersonal, type ContextoContrasena } from './datos-personales.js';
import { longitudContrasenaValida } from './texto.js';

export const PUNTAJE_MINIMO_CONTRASENA = 3;
/** Characters scored by zxcvbn-ts (see `cargarZxcvbn`). */
export const LONGITUD_EVALUADA_CONTRASENA = 64;

export interface EvaluacionContrasena {
  /** zxcvbn-ts score: 0 (trivial) … 4 (very hard to guess). */
  puntaje: 0 | 1 | 2 | 3 | 4;
  /** 12 to 128 characters after NFKC. */
  longitudOk: boolean;
  /** Does not contain the ID.usuario, a word of the name or the email's local part. */
  sinDatosPersonales: boolean;
  /** All of the above and `puntaje ≥ 3`. */
  aceptable: boolean;
}

/** Words of this site that an attacker tries first (ASVS 6.2.11). */
export const PALABRAS_DEL_SITIO = [
  'ecuapass',
  'senae',
  'aduana',
  'aduanero',
  'ecuador',
  'ecuatoriano',
  'correo',
  'clave',
  'contraseña',
  'usuario',
  'registro',
  'portal',
];

/**
 * What a letter of a site word may be typed as: case is ignored, and so are accents and the usual
 * l33t forms (none of these characters needs escaping in a character class).
 */
const VARIANTES: Record<string, string> = {
  a: 'aáàâä4@',
  e: 'eéèêë3€',
  i: 'iíìîï1!|',
  o: 'oóòôö0',
  u: 'uúùûü',
  s: 's5$',
  t: 't7+',
  l: 'l1|',
  c: 'c(',
  n: 'nñ',
  ñ: 'nñ',
  g: 'g9',
};
/** Each site word, forwards and backwards, in any of the forms above. */
const PALABRA_DEL_SITIO = new RegExp(
  PALABRAS_DEL_SITIO.flatMap((palabra) => [palabra, [...palabra].reverse().join('')])
    .map((palabra) => [...palabra].map((letra) => `[${VARIANTES[letra] ?? letra}]`).join(''))
    .join('|'),
  'giu',
);

/** The words zxcvbn-ts treats as guessable for this user. */
function entradasUsuario(contexto: ContextoContrasena): string[] {
  const correo = contexto.correo.trim().toLowerCase();
  const partesCorreo = correo.split(/[@._+-]+/).filter((parte) => parte.length >= 3);
  return [
    contexto.idUsuario,
    ...palabrasNombre(contexto.nombre),
    partePersonal(correo),
    correo,
    ...partesCorreo,
    ...PALABRAS_DEL_SITIO,
  ];
}

/**
 * The zxcvbn-ts score of a password, judged also without the site's words: `ecuapass2026!!`
 * scores 3 on its own (zxcvbn-ts takes `2026!!` for random characters), but all its strength is
 * in `2026!!`, which scores 1. A passphrase with one of the words among others keeps its score.
 */
function puntajeDe(zxcvbn: ZxcvbnFactory, contrasena: string, entradas: string[]): EvaluacionContrasena['puntaje'] {
  if (!contrasena) return 0;
  const puntaje = zxcvbn.check(contrasena, entradas).score;
  const resto = contrasena.replace(PALABRA_DEL_SITIO, '');
  if (resto === contrasena) return puntaje;
  return resto ? (Math.min(puntaje, zxcvbn.check(resto, entradas).score) as EvaluacionContrasena['puntaje']) : 0;
}

let fabrica: Promise<ZxcvbnFactory> | undefined;

// The dictionaries weigh about 1 MB: they are loaded on first use only, and the options set once.
// zxcvbn runs synchronously, so on the server a slow check blocks every request: Levenshtein
// matching is left off (same scores on our tables, 10–30× slower), only the first 64 characters
// are scored (conservative: a prefix is not harder to guess than the whole password) and l33t
// variants are capped at 10 substitutions. Worst case measured: about 40 ms instead of 1.2 s.
function cargarZxcvbn(): Promise<ZxcvbnFactory> {
  fabrica ??= (async () => {
    const [{ ZxcvbnFactory }, comun, espanol] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-es-es'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...comun.dictionary, ...espanol.dictionary },
      graphs: comun.adjacencyGraphs,
      translations: espanol.translations,
      maxLength: LONGITUD_EVALUADA_CONTRASENA,
      l33tMaxSubstitutions: 10,
    });
  })().catch((error: unknown) => {
    fabrica = undefined; // a failed load (offline) is retried on the next call
    throw error;
  });
  return fabrica;
}

/** Evaluates a candidate password against the policy of DESIGN §2. */
export async function evaluarContrasena(contrasena: string, contexto: ContextoContrasena): Promise<EvaluacionContrasena> {
  const normalizada = contrasena.normalize('NFKC');
  const longitudOk = longitudContrasenaValida(normalizada);
  const sinDatosPersonales = !contieneDatosPersonales(normalizada, contexto);
  const zxcvbn = await cargarZxcvbn();
  const puntaje = puntajeDe(zxcvbn, normalizada, entradasUsuario(contexto));
  return {
    puntaje,
    longitudOk,
    sinDatosPersonales,
    aceptable: longitudOk && sinDatosPersonales && puntaje >= PUNTAJE_MINIMO_CONTRASENA,
  };
}
