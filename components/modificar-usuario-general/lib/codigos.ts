import type { CodigoCampo } from '../../../contract/codigos.js';

/**
 * The element's own field codes: a step still to take before Modificar (check the address, ask
 * for the code, verify the old password, say whether the email stays). The server never sends
 * them; they show only once Modificar was pressed (estado-formulario.ts).
 */
export const PASOS_PENDIENTES = ['NO_VERIFICADO', 'NO_VERIFICADA', 'NO_SOLICITADO', 'SIN_CORREO_NUEVO'] as const;
export type CodigoPaso = (typeof PASOS_PENDIENTES)[number];

/** A field error the element shows: a contract code (found in the browser or sent by the server) or a step. */
export type CodigoFormulario = CodigoCampo | CodigoPaso;
