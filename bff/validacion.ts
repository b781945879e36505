import type { Context } from 'hono';
import type * as v from 'valibot';
import { errorCampo, validar, type ErrorCampo } from '../contract/index.js';
import { problema, problemaValidacion } from './problemas.js';

function esObjeto(valor: unknown): valor is Record<string, unknown> {
  return typeof valor === 'object' && valor !== null && !Array.isArray(valor);
}

/** Joins error lists keeping the first error of each field. */
export function unirErrores(...listas: ErrorCampo[][]): ErrorCampo[] {
  const porCampo = new Map<string, ErrorCampo>();
  for (const error of listas.flat()) if (!porCampo.has(error.campo)) porCampo.set(error.campo, error);
  return [...porCampo.values()];
}

export type Validacion<T> = { ok: true; valor: T } | { ok: false; errores: ErrorCampo[]; noEsObjeto: boolean };

/**
 * Validates a JSON body with a contract schema. Every key outside `conocidas` is NO_MODIFICABLE
 * (valibot reports only the first unknown key); a body that is not an object has no field errors.
 */
export function validarCuerpo<S extends v.GenericSchema>(
  cuerpo: unknown,
  schema: S,
  conocidas: readonly string[],
): Validacion<v.InferOutput<S>> {
  if (!esObjeto(cuerpo)) return { ok: false, errores: [], noEsObjeto: true };
  const ajenas = Object.keys(cuerpo)
    .filter((clave) => !conocidas.includes(clave))
    .map((clave) => errorCampo(clave, 'NO_MODIFICABLE'));
  const resultado = validar(schema, cuerpo);
  if (resultado.ok && ajenas.length === 0) return { ok: true, valor: resultado.valor };
  const errores = resultado.ok ? [] : resultado.errores;
  return { ok: false, errores: unirErrores(ajenas, errores), noEsObjeto: false };
}

/** The 422 of a failed `validarCuerpo`, with `extra` errors first. */
export function problemaDeValidacion(c: Context, fallo: { errores: ErrorCampo[]; noEsObjeto: boolean }, extra: ErrorCampo[] = []): Response {
  if (fallo.noEsObjeto) {
    return problema(c, 422, 'VALIDACION', 'El contenido debe ser un objeto JSON con los datos del formulario.', []);
  }
  return problemaValidacion(c, unirErrores(extra, fallo.errores));
}
