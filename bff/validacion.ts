import type { Context, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as v from 'valibot';
import { errorCampo, unirErrores, validar, type ErrorCampo } from '../contract/index.js';
import { problemaDeCuerpoJson } from './middleware/cuerpo.js';
import { problema, problemaValidacion, type RespuestaProblema } from './problemas.js';
import type { Entorno } from './tipos.js';

function esObjeto(valor: unknown): valor is Record<string, unknown> {
  return typeof valor === 'object' && valor !== null && !Array.isArray(valor);
}

type ObjetoEstricto = v.StrictObjectSchema<v.ObjectEntries, v.ErrorMessage<v.StrictObjectIssue> | undefined>;

/** A request body of the contract: a strict object, or a pipe that starts with one (cross-field rules). */
export type EsquemaDeCuerpo =
  | ObjetoEstricto
  | v.SchemaWithPipe<readonly [ObjetoEstricto, ...v.PipeItem<any, unknown, v.BaseIssue<unknown>>[]]>;

/** The keys a body may carry: those of its strict object (DESIGN §4); any other is NO_MODIFICABLE. */
function clavesDe(schema: EsquemaDeCuerpo): readonly string[] {
  return Object.keys('pipe' in schema ? schema.pipe[0].entries : schema.entries);
}

/**
 * The errors of a JSON body for a contract schema, or null when it is valid: every key the schema
 * does not know is NO_MODIFICABLE (valibot reports only the first), then the schema's own.
 */
function validarObjeto(
  cuerpo: Record<string, unknown>,
  schema: EsquemaDeCuerpo,
  conocidas: readonly string[],
): { ok: true; valor: unknown } | { ok: false; errores: ErrorCampo[] } {
  const ajenas = Object.keys(cuerpo)
    .filter((clave) => !conocidas.includes(clave))
    .map((clave) => errorCampo(clave, 'NO_MODIFICABLE'));
  const resultado = validar(schema, cuerpo);
  if (resultado.ok && ajenas.length === 0) return resultado;
  return { ok: false, errores: unirErrores(ajenas, resultado.ok ? [] : resultado.errores) };
}

/** The errors a route answers for a refused body, given the contract's (it may add rules that need data). */
export type CompletarErrores = (c: Context<Entorno>, cuerpo: Record<string, unknown>, errores: ErrorCampo[]) => ErrorCampo[];

/**
 * Validation at the edge (hono/validator): the body must be JSON (415, 400) and an object (else 422
 * without field errors) that the contract schema accepts with no unknown key (else 422 VALIDACION
 * with every error, as `completar` leaves them). The handler reads the typed value with `c.req.valid('json')`.
 */
export function cuerpoValido<S extends EsquemaDeCuerpo>(
  schema: S,
  completar?: CompletarErrores,
): MiddlewareHandler<Entorno, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }, RespuestaProblema<400 | 415 | 422>> {
  const conocidas = clavesDe(schema);
  const validarJson = validator('json', (cuerpo: unknown, c: Context<Entorno>) => {
    if (!esObjeto(cuerpo)) {
      return problema(c, 422, 'VALIDACION', 'El contenido debe ser un objeto JSON con los datos del formulario.', []);
    }
    const resultado = validarObjeto(cuerpo, schema, conocidas);
    if (resultado.ok) return resultado.valor as v.InferOutput<S>;
    return problemaValidacion(c, completar ? completar(c, cuerpo, resultado.errores) : resultado.errores);
  });
  return async (c, next) => (await problemaDeCuerpoJson(c)) ?? (validarJson(c, next) as Promise<RespuestaProblema<422> | void>);
}
