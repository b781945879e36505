import type { Opcion } from '../../../contract/api.js';

/** A catalog option as the element shows it: `lang` when its name is not in the element's language (a Spanish name in English). */
export type OpcionVista = Opcion & { lang?: string };

/** Form fields, named by the same paths the server uses in `errores[].campo`. */
export const CAMPOS = [
  'nombre',
  'cambioClave.contrasenaAnterior',
  'cambioClave.contrasena',
  'cambioClave.confirmacion',
  'pais',
  'provincia',
  'ciudad',
  'direccion',
  'telefono1',
  'telefono2',
  'celular.operadora',
  'celular.numero',
  'fax',
  'mantenerCorreo',
  'correo',
  'confirmacionCorreo',
  'codigoSeguridad',
] as const;
export type Campo = (typeof CAMPOS)[number];

export type Valores = Record<Campo, string>;
