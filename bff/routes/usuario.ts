import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  errorCampo,
  esCambioTotalDeNombre,
  NombreSchema,
  UsuarioUpdateSchema,
  validarCatalogos,
  type ErrorCampo,
  type UsuarioUpdate,
} from '../contract/index.js';
import {
  buscarUsuario,
  camposCambiados,
  sentenciaActualizacion,
  sentenciaLectura,
  usuarioDeFila,
  usuarioPublico,
  type DatosEditables,
  type UsuarioGuardado,
} from '../db/usuarios.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { requerirSesion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaValidacion } from '../problemas.js';
import { sentenciaEvento } from '../services/auditoria.js';
import { cargarCatalogos } from '../services/catalogos.js';
import type { Dependencias, Entorno } from '../tipos.js';
import { problemaDeValidacion, validarCuerpo } from '../validacion.js';

function etagDe(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match: "<n>"` names; undefined when absent, null when it names none. */
function versionDeIfMatch(c: Context): number | null | undefined {
  const cabecera = c.req.header('If-Match');
  if (cabecera === undefined || cabecera.trim() === '') return undefined;
  const coincidencia = cabecera.trim().match(/^"(\d{1,15})"$/);
  return coincidencia ? Number(coincidencia[1]) : null;
}

function versionDesactualizada(c: Context): Response {
  return problema(
    c,
    412,
    'VERSION_DESACTUALIZADA',
    'Sus datos fueron modificados desde que los abrió (quizá en otra ventana). Vuelva a cargarlos y repita los cambios.',
  );
}

/**
 * Changes that issue 3 (email change with a security code, password change) will handle. Until it
 * is wired they are refused here, in this one place, with a clear message.
 */
function cambiosAunNoDisponibles(valor: UsuarioUpdate): ErrorCampo[] {
  const errores: ErrorCampo[] = [];
  if (!valor.mantenerCorreo) {
    errores.push({
      ...errorCampo('mantenerCorreo', 'NO_PERMITIDO'),
      mensaje:
        'Desea mantener el mismo correo electrónico: el cambio de correo electrónico aún no está disponible; elija «Sí» para guardar los demás datos.',
    });
  }
  if (valor.cambioClave) {
    errores.push({
      ...errorCampo('cambioClave', 'NO_PERMITIDO'),
      mensaje: 'Cambio de clave: el cambio de contraseña aún no está disponible; deje los campos de contraseña vacíos.',
    });
  }
  return errores;
}

/** Rules that need data: catalogs and the name-correction rule (DESIGN §2). */
function reglasConDatos(actual: UsuarioGuardado, valor: UsuarioUpdate): ErrorCampo[] {
  return [
    ...reglaDelNombre(actual, valor),
    ...validarCatalogos(
      { pais: valor.pais, provincia: valor.provincia ?? null, ciudad: valor.ciudad ?? null },
      cargarCatalogos().reglas,
    ),
  ];
}

/** The keys an update may carry (DESIGN §4); any other is NO_MODIFICABLE. */
const CLAVES_ACTUALIZACION = Object.keys(UsuarioUpdateSchema.pipe[0].entries);

/**
 * A format error elsewhere must not hide a complete name change: when the name itself is well
 * formed, its rule is checked too and reported with the other errors.
 */
function reglaDelNombre(actual: UsuarioGuardado, cuerpo: unknown): ErrorCampo[] {
  const nombre = v.safeParse(NombreSchema, (cuerpo as Record<string, unknown> | null)?.nombre);
  return nombre.success && esCambioTotalDeNombre(actual.nombre, nombre.output) ? [errorCampo('nombre', 'CAMBIO_TOTAL')] : [];
}

/** GET and PUT /api/usuario: the signed-in user's registration data. */
export function rutasUsuario(deps: Dependencias) {
  const { db, reloj } = deps;
  return new Hono<Entorno>()
    .use(requerirSesion(deps))
    .get('/', async (c) => {
      const usuario = await buscarUsuario(db, c.get('sesion').idUsuario);
      if (!usuario) return problema(c, 401, 'NO_AUTENTICADO', 'Su sesión no es válida. Inicie sesión nuevamente.');
      c.header('ETag', etagDe(usuario.version));
      return c.json(usuarioPublico(usuario));
    })
    .put('/', leerCuerpoJson, async (c) => {
      const { idUsuario } = c.get('sesion');
      const version = versionDeIfMatch(c);
      if (version === undefined) {
        return problema(
          c,
          428,
          'PRECONDICION_REQUERIDA',
          'Falta la cabecera If-Match con la versión (ETag) de los datos que está modificando.',
        );
      }
      const actual = await buscarUsuario(db, idUsuario);
      if (!actual) return problema(c, 401, 'NO_AUTENTICADO', 'Su sesión no es válida. Inicie sesión nuevamente.');
      if (version !== actual.version) return versionDesactualizada(c);

      const cuerpo = c.get('cuerpo');
      const entrada = validarCuerpo(cuerpo, UsuarioUpdateSchema, CLAVES_ACTUALIZACION);
      if (!entrada.ok) return problemaDeValidacion(c, entrada, reglaDelNombre(actual, cuerpo));
      const valor = entrada.valor;
      const errores = [...reglasConDatos(actual, valor), ...cambiosAunNoDisponibles(valor)];
      if (errores.length > 0) return problemaValidacion(c, errores);

      const datos: DatosEditables = {
        nombre: valor.nombre,
        pais: valor.pais,
        provincia: valor.provincia ?? null,
        ciudad: valor.ciudad ?? null,
        direccion: valor.direccion,
        telefono1: valor.telefono1,
        telefono2: valor.telefono2 ?? null,
        celular: valor.celular,
        fax: valor.fax ?? null,
        correo: actual.correo,
      };
      const campos = camposCambiados(actual, datos);
      if (campos.length === 0) {
        c.header('ETag', etagDe(actual.version));
        return c.json(usuarioPublico(actual));
      }

      // One batch, run by the driver without yielding: an interactive transaction awaited across
      // requests would make concurrent writers in this process wait on each other's lock.
      const ahora = reloj();
      const [cambio, , lectura] = await db.batch(
        [
          sentenciaActualizacion(idUsuario, version, datos, ahora),
          sentenciaEvento({ idUsuario, evento: 'DATOS_MODIFICADOS', campos, creadoEn: ahora, ...origenDeSolicitud(c) }, true),
          sentenciaLectura(idUsuario),
        ],
        'write',
      );
      const guardado = usuarioDeFila(lectura?.rows[0]);
      if (cambio?.rowsAffected !== 1 || !guardado) return versionDesactualizada(c);
      c.header('ETag', etagDe(guardado.version));
      return c.json(usuarioPublico(guardado));
    });
}
