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
