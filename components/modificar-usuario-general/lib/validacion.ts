import * as v from 'valibot';
// Each contract module by its own path, not the index: valibot schemas are top-level calls that
// esbuild cannot drop, so the index would bring every schema of the BFF into the bundle.
import { UsuarioUpdateSchema, CorreoSchema, CodigoSeguridadSchema } from '../../../contract/usuario.js';
import { esCambioTotalDeNombre } from '../../../contract/nombre.js';
import { normalizarCorreo } from '../../../contract/texto.js';
import { codigoDeIssue } from '../../../contract/errores.js';
import type { Usuario } from '../../../contract/api.js';
import type { CodigoCampo } from '../../../contract/codigos.js';
import { cuerpoDe, quiereCambiarContrasena } from './cuerpo.js';
import { CAMPOS, type Campo, type Valores } from './tipos.js';
import type { CodigoFormulario } from './codigos.js';
import { textoError } from './textos-error.js';
import { etiqueta } from './mensajes.js';

// The form's validation with the contract's valibot schemas: the element fetches this module the
// first time the user acts on the form (it is not needed to show the form). The errors' wording
// comes with it.
/** An error's one wording (GOV.UK): the same next to the field and in the summary, naming the field. */
export function mensajeError(campo: string, codigo: CodigoFormulario): string {
  return `${etiqueta(campo)}: ${textoError(campo, codigo)}`;
}

/** What the form knows beyond the values: checks done on the server. */
export interface Verificaciones {
  contrasenaVerificada: boolean;
  correoVerificado: boolean;
  codigoSolicitado: boolean;
}

/** A field error found in the browser: a contract code, or a step still to take (`NO_VERIFICADO`…). */
interface ErrorDelFormulario {
  campo: string;
  codigo: CodigoFormulario;
}

/**
 * Valibot issues → {campo, codigo} with the contract's own mapping, without the Spanish texts of
 * its `aErrores` (the element has its own, localized, in textos-error.ts).
 */
export function codigosDe(issues: readonly v.BaseIssue<unknown>[]): { campo: string; codigo: CodigoCampo }[] {
  return issues.map((issue) => ({ campo: v.getDotPath(issue) ?? '', codigo: codigoDeIssue(issue) }));
}

/**
 * Every error the browser can tell, one per field, in screen order: the shared valibot schema,
 * the name-correction rule, and the email/code rules (checked apart so that they show together
 * with the others: the schema's email step only runs once the rest is valid).
 */
export function validarFormulario(x: Valores, anterior: Usuario, ver: Verificaciones): Map<Campo, CodigoFormulario> {
  const errores = new Map<string, CodigoFormulario>();
  // «No» (the seed's default) with no new address typed: one error on the question, saying what
  // to do, instead of three on the fields below it.
  const sinCorreoNuevo = x.mantenerCorreo !== 'si' && !x.correo.trim() && !x.confirmacionCorreo.trim() && !x.codigoSeguridad.trim();
  const poner = (e: ErrorDelFormulario) => {
    if (!errores.has(e.campo)) errores.set(e.campo, e.codigo);
  };
  // The email fields are judged below, step by step (the schema's email step only runs once the
  // rest is valid, and cannot tell «not requested yet» from «empty»).
  const DEL_CORREO = ['correo', 'confirmacionCorreo', 'codigoSeguridad'];
  const resultado = v.safeParse(UsuarioUpdateSchema, cuerpoDe(x));
  if (!resultado.success) codigosDe(resultado.issues).filter((e) => !DEL_CORREO.includes(e.campo)).forEach(poner);
  // Measured from the name as first registered, as the server does (corrections do not add up).
  if (!errores.has('nombre') && esCambioTotalDeNombre(anterior.nombreRegistrado, x.nombre)) poner({ campo: 'nombre', codigo: 'CAMBIO_TOTAL' });
  if (quiereCambiarContrasena(x) && !ver.contrasenaVerificada) {
    poner({ campo: 'cambioClave.contrasenaAnterior', codigo: x['cambioClave.contrasenaAnterior'] ? 'NO_VERIFICADA' : 'REQUERIDO' });
  }
  if (sinCorreoNuevo) poner({ campo: 'mantenerCorreo', codigo: 'SIN_CORREO_NUEVO' });
  else if (x.mantenerCorreo !== 'si') {
    const correo = v.safeParse(CorreoSchema, x.correo);
    if (!correo.success) poner({ campo: 'correo', codigo: codigoDeIssue(correo.issues[0]) });
    else if (correo.output === normalizarCorreo(anterior.correo)) poner({ campo: 'correo', codigo: 'NO_PERMITIDO' });
    else if (!ver.correoVerificado) poner({ campo: 'correo', codigo: 'NO_VERIFICADO' });
    const confirmacion = normalizarCorreo(x.confirmacionCorreo);
    if (!confirmacion) poner({ campo: 'confirmacionCorreo', codigo: 'REQUERIDO' });
    else if (correo.success && confirmacion !== correo.output) poner({ campo: 'confirmacionCorreo', codigo: 'NO_COINCIDE' });
    const codigo = v.safeParse(CodigoSeguridadSchema, x.codigoSeguridad);
    if (!codigo.success) {
      poner({ campo: 'codigoSeguridad', codigo: ver.codigoSolicitado || x.codigoSeguridad ? codigoDeIssue(codigo.issues[0]) : 'NO_SOLICITADO' });
    }
  }
  const ordenados = new Map<Campo, CodigoFormulario>();
  for (const campo of CAMPOS) {
    const codigo = errores.get(campo);
    if (codigo) ordenados.set(campo, codigo);
  }
  return ordenados;
}
