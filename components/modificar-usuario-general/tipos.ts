import type { Actividad as ActividadContrato, Usuario as UsuarioContrato } from '../../contract/api.js';

/** The user of `GET /api/usuario` (DESIGN.md §4). */
export type Usuario = UsuarioContrato;

/** One row of `GET /api/usuario/actividad`; `conteo` > 1 for repeated failed logins or limit hits. */
export type Actividad = ActividadContrato;

/** The answer of `POST /api/usuario/baja`, and the `detail` of `baja-solicitada`. */
export interface BajaRegistrada {
  id: string;
  estado: string;
  creadaEn: string;
}

export interface Opcion {
  codigo: string;
  nombre: string;
}

/** One entry of `errores` as the server sends it; `codigo` may be one the element does not know. */
export interface ErrorCampo {
  campo: string;
  codigo: string;
  mensaje?: string;
}

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
