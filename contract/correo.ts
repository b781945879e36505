import { ALFABETO_CODIGO, LONGITUD_CODIGO } from './texto.js';

/**
 * The line of a code mail that carries the code: four spaces, then the code. bff/mail/mensajes.ts
 * writes it; the dev outbox and the test kit's codigoEn read it. Its own module, so the element's
 * first load (which imports texto.ts) does not carry it.
 */
export const LINEA_CODIGO = new RegExp(`^( {4})([${ALFABETO_CODIGO}]{${LONGITUD_CODIGO}})$`, 'm');

/** A message of the dev outbox, as `GET /api/dev/correos` shows it. */
export interface CorreoBandeja {
  id: string;
  para: string;
  asunto: string;
  texto: string;
  html: string;
  creadoEn: string;
}
