// `modificar-usuario-general/testing`: helpers for the browser side of a host's tests — a fake BFF
// (bff-falso.ts) and the calls to the real one that the `./wtr` plugin starts (bff-real.ts).
export { BffFalso, CODIGO, CONTRASENA, json, problema, sesionesDemo, usuarioDemo } from './bff-falso.js';
export type { Llamada, Manejador, OpcionesBffFalso } from './bff-falso.js';
export { bandeja, codigoEn, codigoEnviadoA, iniciarBffReal, iniciarSesion, leerUsuario, pedir, RUTA_BFF_REAL, USUARIOS_DEMO } from './bff-real.js';
export type { RespuestaReal } from './bff-real.js';
export type { CorreoBandeja } from '../contract/correo.js';
