import * as v from 'valibot';
import type { ErrorCampo } from './api.js';
import { CODIGOS_CAMPO, errorCampo, type CodigoCampo } from './codigos.js';

function esCodigo(texto: string): texto is CodigoCampo {
  return (CODIGOS_CAMPO as readonly string[]).includes(texto);
}

/**
 * Valibot issues → the `errores` array of DESIGN §4, one entry per field (the first issue wins).
 * A key the object does not know is `NO_MODIFICABLE`; a missing key is `REQUERIDO`.
 */
export function aErrores(issues: readonly v.BaseIssue<unknown>[]): ErrorCampo[] {
  const porCampo = new Map<string, ErrorCampo>();
  for (const issue of issues) {
    const campo = v.getDotPath(issue) ?? '';
    if (porCampo.has(campo)) continue;
    porCampo.set(campo, errorCampo(campo, codigoDeIssue(issue)));
  }
  return [...porCampo.values()];
}

/** The field code of one issue: a key the object does not know is NO_MODIFICABLE, a missing one REQUERIDO. */
export function codigoDeIssue(issue: v.BaseIssue<unknown>): CodigoCampo {
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return 'NO_MODIFICABLE';
    if (issue.input == null) return 'REQUERIDO';
    return 'FORMATO';
  }
  return esCodigo(issue.message) ? issue.message : 'FORMATO';
}

/** Validates `entrada` with `schema`: the typed output, or the `errores` array. */
export function validar<S extends v.GenericSchema>(
  schema: S,
  entrada: unknown,
): { ok: true; valor: v.InferOutput<S> } | { ok: false; errores: ErrorCampo[] } {
  const resultado = v.safeParse(schema, entrada);
  return resultado.success ? { ok: true, valor: resultado.output } : { ok: false, errores: aErrores(resultado.issues) };
}

/** Joins error lists keeping the first error of each field. */
export function unirErrores(...listas: ErrorCampo[][]): ErrorCampo[] {
  const porCampo = new Map<string, ErrorCampo>();
  for (const error of listas.flat()) if (!porCampo.has(error.campo)) porCampo.set(error.campo, error);
  return [...porCampo.values()];
}
