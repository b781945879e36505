// Password policy (DESIGN §2), browser-safe: the element runs it live for the checklist and the
// strength meter, and the BFF runs it again as the authority (bff/services/clave.ts).
// NIST SP 800-63B / OWASP ASVS style: 12–128 characters, no composition rules, NFKC-normalised,
// no personal data, and not guessable (zxcvbn-ts score ≥ 3 with its common and Spanish dictionaries).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { contieneDatosPersonales, palabrasNombre, partePersonal, type ContextoClave } from './datos-personales.js';
import { longitudClaveValida } from './usuario.js';

export { contieneDatosPersonales, datosPersonales, type ContextoClave } from './datos-personales.js';

export { LONGITUD_MAXIMA_CLAVE, LONGITUD_MINIMA_CLAVE, longitudClaveValida } from './usuario.js';
export const PUNTAJE_MINIMO_CLAVE = 3;
/** Characters scored by zxcvbn-ts (see `cargarZxcvbn`). */
export const LONGITUD_EVALUADA_CLAVE = 64;

export interface EvaluacionClave {
  /** zxcvbn-ts score: 0 (trivial) … 4 (very hard to guess). */
  puntaje: 0 | 1 | 2 | 3 | 4;
  /** 12 to 128 characters after NFKC. */
  longitudOk: boolean;
  /** Does not contain the ID.usuario, a word of the name or the email's local part. */
  sinDatosPersonales: boolean;
  /** All of the above and `puntaje ≥ 3`. */
  aceptable: boolean;
}

/** Words of this site that an attacker would try first (zxcvbn-ts's advice for user inputs). */
const PALABRAS_DEL_SITIO = ['ecuapass', 'senae', 'aduana', 'aduanas', 'ecuador', 'contraseña', 'contrasena', 'clave', 'usuario'];

/** The words zxcvbn-ts treats as guessable for this user. */
function entradasUsuario(contexto: ContextoClave): string[] {
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
      maxLength: LONGITUD_EVALUADA_CLAVE,
      l33tMaxSubstitutions: 10,
    });
  })().catch((error: unknown) => {
    fabrica = undefined; // a failed load (offline) is retried on the next call
    throw error;
  });
  return fabrica;
}

/** Evaluates a candidate password against the policy of DESIGN §2. */
export async function evaluarClave(clave: string, contexto: ContextoClave): Promise<EvaluacionClave> {
  const normalizada = clave.normalize('NFKC');
  const longitudOk = longitudClaveValida(normalizada);
  const sinDatosPersonales = !contieneDatosPersonales(normalizada, contexto);
  const zxcvbn = await cargarZxcvbn();
  const puntaje = normalizada ? zxcvbn.check(normalizada, entradasUsuario(contexto)).score : 0;
  return {
    puntaje,
    longitudOk,
    sinDatosPersonales,
    aceptable: longitudOk && sinDatosPersonales && puntaje >= PUNTAJE_MINIMO_CLAVE,
  };
}
