import * as v from 'valibot';
import { FORMATO_TOKEN } from './cripto.js';

// Request bodies only the BFF's own clients send (the element never does): they stay out of
// contract/ and its bundle, and are validated at the edge like the contract's (bff/validacion.ts).

/** POST /api/correo/revertir: the token of a "No reconozco este cambio" link (missing → REQUERIDO, else FORMATO). */
export const ReversionSchema = v.strictObject({
  token: v.pipe(
    v.string((issue) => (issue.input == null ? 'REQUERIDO' : 'FORMATO')),
    v.regex(FORMATO_TOKEN, 'FORMATO'),
  ),
});
