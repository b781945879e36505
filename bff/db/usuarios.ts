import type { InStatement, Row } from '@libsql/client';
import type { Operadora, Usuario } from '../../contract/index.js';
import type { Condicion, Ejecutor } from './ejecutor.js';

export type EstadoUsuario = 'ACTIVO' | 'BAJA' | 'BLOQUEADO';

/** A stored user: what `GET /api/usuario` shows plus what only the BFF sees. */
export interface UsuarioGuardado extends Usuario {
  estado: EstadoUsuario;
  contrasenaHash: string;
}

/** The SENAE mailbox every user has, derived from the ID (never editable). */
export function correoSenae(idUsuario: string): string {
  return `${idUsuario}@correo.aduana.gob.ec`;
}

function textoONulo(valor: unknown): string | null {
  return valor === null || valor === undefined ? null : String(valor);
}

/** The columns `aUsuario` reads. */
const COLUMNAS_USUARIO = [
  'id_usuario',
  'documento_tipo',
  'documento_numero',
  'nombre',
  'nombre_registrado',
  'pais',
  'provincia',
  'ciudad',
  'direccion',
  'telefono1',
  'telefono2',
  'celular_operadora',
  'celular_numero',
  'fax',
  'correo',
  'version',
  'estado',
  'clave_hash',
] as const;

/**
 * A user's row as ONE result column, `usuario`: the JSON text of its fields (`json_object`), from
 * the table named or aliased `tabla`. The libSQL client pays for every column of a result (its
 * metadata and its value cross from SQLite one at a time: a point SELECT of the 21 columns costs
 * several times one of a single column, docs/decisiones.md), so the reads every request makes take it so.
 */
export function columnaUsuario(tabla = 'usuarios'): string {
  return `json_object(${COLUMNAS_USUARIO.map((c) => `'${c}', ${tabla}.${c}`).join(', ')}) AS usuario`;
}

function aUsuario(fila: Record<(typeof COLUMNAS_USUARIO)[number], unknown>): UsuarioGuardado {
  const idUsuario = String(fila.id_usuario);
  return {
    idUsuario,
    documento: { tipo: String(fila.documento_tipo) as Usuario['documento']['tipo'], numero: String(fila.documento_numero) },
    nombre: String(fila.nombre),
    nombreRegistrado: String(fila.nombre_registrado),
    pais: String(fila.pais),
    provincia: textoONulo(fila.provincia),
    ciudad: textoONulo(fila.ciudad),
    direccion: String(fila.direccion),
    telefono1: String(fila.telefono1),
    telefono2: textoONulo(fila.telefono2),
    celular: { operadora: String(fila.celular_operadora) as Operadora, numero: String(fila.celular_numero) },
    fax: textoONulo(fila.fax),
    correo: String(fila.correo),
    correoSenae: correoSenae(idUsuario),
    version: Number(fila.version),
    estado: String(fila.estado) as EstadoUsuario,
    contrasenaHash: String(fila.clave_hash),
  };
}

/** Only the public fields of DESIGN §4 (no state, no hash). */
export function usuarioPublico(usuario: UsuarioGuardado): Usuario {
  const { estado: _estado, contrasenaHash: _contrasenaHash, ...publico } = usuario;
  return publico;
}

export async function buscarUsuario(db: Ejecutor, idUsuario: string): Promise<UsuarioGuardado | null> {
  return usuarioDeFila((await db.execute(sentenciaLectura(idUsuario))).rows[0]);
}

/** The editable data of an update, as stored (the email is decided by the caller). */
export interface DatosEditables {
  nombre: string;
  pais: string;
  provincia: string | null;
  ciudad: string | null;
  direccion: string;
  telefono1: string;
  telefono2: string | null;
  celular: { operadora: Operadora; numero: string };
  fax: string | null;
  correo: string;
}

/** Field names (as the API names them) whose value differs between `antes` and `despues`. */
export function camposCambiados(antes: Usuario, despues: DatosEditables): string[] {
  const pares: [string, unknown, unknown][] = [
    ['nombre', antes.nombre, despues.nombre],
    ['pais', antes.pais, despues.pais],
    ['provincia', antes.provincia, despues.provincia],
    ['ciudad', antes.ciudad, despues.ciudad],
    ['direccion', antes.direccion, despues.direccion],
    ['telefono1', antes.telefono1, despues.telefono1],
    ['telefono2', antes.telefono2, despues.telefono2],
    ['celular.operadora', antes.celular.operadora, despues.celular.operadora],
    ['celular.numero', antes.celular.numero, despues.celular.numero],
    ['fax', antes.fax, despues.fax],
    ['correo', antes.correo, despues.correo],
  ];
  return pares.filter(([, a, b]) => a !== b).map(([campo]) => campo);
}

/**
 * The UPDATE of the editable data, applied only while the stored version is still `version`
 * (optimistic concurrency) and the account is ACTIVO, bumping it. With `contrasenaHash` the password
 * changes too (a BLOQUEADO account is not unblocked here: only by its reset link). Meant for a
 * `db.batch(…, 'write')`; an address another active user holds fails there on the unique index
 * `usuarios_correo_activo`.
 */
export function sentenciaActualizacion(
  idUsuario: string,
  version: number,
  datos: DatosEditables,
  ahora: Date,
  contrasenaHash: string | null = null,
): InStatement {
  const momento = ahora.toISOString();
  const contrasena =
    contrasenaHash === null
      ? ''
      : 'clave_hash = ?, clave_cambiada_en = ?,';
  return {
    sql: `UPDATE usuarios SET nombre = ?, pais = ?, provincia = ?, ciudad = ?, direccion = ?,
            telefono1 = ?, telefono2 = ?, celular_operadora = ?, celular_numero = ?, fax = ?, correo = ?,
            ${contrasena} version = version + 1, actualizado_en = ?
          WHERE id_usuario = ? AND version = ? AND estado = 'ACTIVO'`,
    args: [
      datos.nombre,
      datos.pais,
      datos.provincia,
      datos.ciudad,
      datos.direccion,
      datos.telefono1,
      datos.telefono2,
      datos.celular.operadora,
      datos.celular.numero,
      datos.fax,
      datos.correo,
      ...(contrasenaHash === null ? [] : [contrasenaHash, momento]),
      momento,
      idUsuario,
      version,
    ],
  };
}

/** True when another ACTIVO or BLOQUEADO user holds `correo` (case-insensitive); BAJA users free it. */
export async function correoOcupado(db: Ejecutor, correo: string, idUsuario: string): Promise<boolean> {
  const r = await db.execute({
    sql: `SELECT 1 FROM usuarios WHERE lower(correo) = lower(?) AND estado <> 'BAJA' AND id_usuario <> ? LIMIT 1`,
    args: [correo, idUsuario],
  });
  return r.rows.length > 0;
}

/** True for SQLite's UNIQUE constraint failure (e.g. two users taking one address at once). */
export function esViolacionUnica(error: unknown): boolean {
  const texto = `${(error as { code?: unknown })?.code ?? ''} ${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed/i.test(texto);
}

/** The SELECT of one user, for a `db.batch`; read its result with `usuarioDeFila`. */
export function sentenciaLectura(idUsuario: string): InStatement {
  return { sql: `SELECT ${columnaUsuario()} FROM usuarios WHERE id_usuario = ?`, args: [idUsuario] };
}

/** The user of a result row that has the `usuario` column of `columnaUsuario`. */
export function usuarioDeFila(fila: Row | undefined): UsuarioGuardado | null {
  return fila ? aUsuario(JSON.parse(String(fila.usuario))) : null;
}

/** Holds while the account is ACTIVO (a revert may have blocked it since it was read). */
export function condicionCuentaActiva(idUsuario: string): Condicion {
  return { sql: "EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ? AND estado = 'ACTIVO')", args: [idUsuario] };
}

/** Holds once the batch stored `contrasenaHash` (argon2's random salt makes each hash unique). */
export function condicionContrasenaGuardada(idUsuario: string, contrasenaHash: string): Condicion {
  return { sql: 'EXISTS (SELECT 1 FROM usuarios WHERE id_usuario = ? AND clave_hash = ?)', args: [idUsuario, contrasenaHash] };
}

/**
 * A BLOQUEADO account gets a new password and is ACTIVO again, only if the statement before it in
 * the batch changed a row (its reset link was used).
 */
export function sentenciaDesbloquear(idUsuario: string, contrasenaHash: string, ahora: Date): InStatement {
  const momento = ahora.toISOString();
  return {
    sql: `UPDATE usuarios SET clave_hash = ?, clave_cambiada_en = ?, estado = 'ACTIVO', version = version + 1, actualizado_en = ?
          WHERE id_usuario = ? AND estado = 'BLOQUEADO' AND changes() = 1`,
    args: [contrasenaHash, momento, momento, idUsuario],
  };
}
