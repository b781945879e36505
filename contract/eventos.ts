/** The audit events the BFF writes and `GET /api/usuario/actividad` returns (`evento`). */
export const EVENTOS = [
  'INICIO_SESION',
  'INICIO_SESION_FALLIDO',
  'CIERRE_SESION',
  'SESIONES_CERRADAS',
  'DATOS_MODIFICADOS',
  'CORREO_MODIFICADO',
  'CORREO_REVERTIDO',
  'CLAVE_RESTABLECIDA',
  'CODIGO_SOLICITADO',
  'CLAVE_MODIFICADA',
  'CONTRASENA_INCORRECTA',
  'BAJA_SOLICITADA',
  'LIMITE_EXCEDIDO',
  'AVISO_NO_ENVIADO',
] as const;
export type Evento = (typeof EVENTOS)[number];
