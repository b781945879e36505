import * as v from 'valibot';
import { CODIGOS_CAMPO, CODIGOS_PROBLEMA } from './codigos.js';
import { EVENTOS } from './eventos.js';
import { ContrasenaSchema, CorreoSchema, OPERADORAS, TextoRequeridoSchema, TIPOS_DOCUMENTO } from './usuario.js';

// Requests and responses of the other endpoints of DESIGN §4, for the BFF and its OpenAPI
// document. Kept apart from usuario.ts so the element's bundle carries only the schemas it uses.

/** The user as `GET /api/usuario` returns it (DESIGN §4). */
export const UsuarioSchema = v.object({
  idUsuario: v.string(),
  documento: v.object({ tipo: v.picklist(TIPOS_DOCUMENTO), numero: v.string() }),
  nombre: v.string(),
  /**
   * The name as first registered (never changed by the form): corrections of `nombre` are measured
   * against it (DESIGN §2), so the element pre-validates with it too.
   */
  nombreRegistrado: v.string(),
  pais: v.string(),
  provincia: v.nullable(v.string()),
  ciudad: v.nullable(v.string()),
  direccion: v.string(),
  telefono1: v.string(),
  telefono2: v.nullable(v.string()),
  celular: v.object({ operadora: v.picklist(OPERADORAS), numero: v.string() }),
  fax: v.nullable(v.string()),
  correo: v.string(),
  correoSenae: v.string(),
  version: v.number(),
});
export type Usuario = v.InferOutput<typeof UsuarioSchema>;

export const SesionInputSchema = v.strictObject({
  idUsuario: v.pipe(TextoRequeridoSchema, v.toLowerCase(), v.maxLength(64, 'LONGITUD')),
  contrasena: ContrasenaSchema,
});
export const SesionSchema = v.object({ token: v.string(), expiraEn: v.string() });
export type Sesion = v.InferOutput<typeof SesionSchema>;

export const VerificacionContrasenaSchema = v.strictObject({ contrasenaAnterior: ContrasenaSchema });
export const ReautenticacionSchema = v.strictObject({ contrasena: ContrasenaSchema });
export const CorreoInputSchema = v.strictObject({ correo: CorreoSchema });
export const DisponibilidadSchema = v.object({ disponible: v.boolean() });
export type Disponibilidad = v.InferOutput<typeof DisponibilidadSchema>;
export const CodigoEnviadoSchema = v.object({ expiraEn: v.string(), reenviarDesde: v.string() });
export type CodigoEnviado = v.InferOutput<typeof CodigoEnviadoSchema>;
/** The answer of `POST /api/usuario/baja`, and the `detail` of the element's `baja-solicitada`. */
export const BajaSchema = v.object({ id: v.string(), estado: v.literal('REGISTRADA'), creadaEn: v.string() });
export type BajaRegistrada = v.InferOutput<typeof BajaSchema>;
/**
 * `GET /api/usuario/actividad`. `conteo`: how many times the event happened in its row (repeated
 * failed logins and limit hits share one row per window; 1 for every other event).
 */
export const ActividadSchema = v.array(
  v.object({
    evento: v.picklist(EVENTOS),
    campos: v.array(v.string()),
    creadoEn: v.string(),
    ip: v.nullable(v.string()),
    conteo: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
);
export type Actividad = v.InferOutput<typeof ActividadSchema>[number];
/** One live session of the user (`GET /api/sesiones`): never its token or the token's hash. */
export const SesionAbiertaSchema = v.object({
  /** Opaque and not secret: it names the session, it does not open it. */
  id: v.string(),
  /** A short summary of the User-Agent ("Chrome 126 · Windows 10"); null when none was sent. */
  dispositivo: v.nullable(v.string()),
  /** The address of its latest request (or of its login). */
  ip: v.nullable(v.string()),
  iniciadaEn: v.string(),
  ultimoUsoEn: v.string(),
  /** The session of the request that asked. */
  actual: v.boolean(),
});
export type SesionAbierta = v.InferOutput<typeof SesionAbiertaSchema>;
export const SesionesAbiertasSchema = v.array(SesionAbiertaSchema);
export const SesionesCerradasSchema = v.object({ cerradas: v.number() });
export type SesionesCerradas = v.InferOutput<typeof SesionesCerradasSchema>;
export const CatalogoSchema = v.array(v.object({ codigo: v.string(), nombre: v.string() }));
/** One option of a catalog (`GET /api/catalogos/…`). */
export type Opcion = v.InferOutput<typeof CatalogoSchema>[number];

/** One entry of the `errores` array of a 422 problem. */
export const ErrorCampoSchema = v.object({
  /** The field's path in the body (`celular.numero`, `cambioClave.contrasena`). */
  campo: v.string(),
  codigo: v.picklist(CODIGOS_CAMPO),
  /** In Spanish: the field's label, then what is wrong. */
  mensaje: v.string(),
  /** Only on `codigoSeguridad` / `INCORRECTO`: how many tries the code has left. */
  intentosRestantes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type ErrorCampo = v.InferOutput<typeof ErrorCampoSchema>;

/** An RFC 9457 `application/problem+json` body (DESIGN §4). */
export const ProblemaSchema = v.object({
  type: v.optional(v.string()),
  status: v.pipe(v.number(), v.integer()),
  title: v.string(),
  /** In Spanish. */
  detail: v.string(),
  codigo: v.picklist(CODIGOS_PROBLEMA),
  errores: v.optional(v.array(ErrorCampoSchema)),
});
export type Problema = v.InferOutput<typeof ProblemaSchema>;
