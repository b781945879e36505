import * as v from 'valibot';
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

export const VerificacionClaveSchema = v.strictObject({ contrasenaAnterior: ContrasenaSchema });
export const ReautenticacionSchema = v.strictObject({ contrasena: ContrasenaSchema });
export const CorreoInputSchema = v.strictObject({ correo: CorreoSchema });
export const DisponibilidadSchema = v.object({ disponible: v.boolean() });
export const CodigoEnviadoSchema = v.object({ expiraEn: v.string(), reenviarDesde: v.string() });
export const BajaSchema = v.object({ id: v.string(), estado: v.literal('REGISTRADA'), creadaEn: v.string() });
/**
 * `GET /api/usuario/actividad`. `conteo`: how many times the event happened in its row (repeated
 * failed logins and limit hits share one row per window; 1 for every other event).
 */
export const ActividadSchema = v.array(
  v.object({
    evento: v.string(),
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
export const CatalogoSchema = v.array(v.object({ codigo: v.string(), nombre: v.string() }));
