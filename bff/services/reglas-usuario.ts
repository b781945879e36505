// The rules of PUT /api/usuario that need data (DESIGN §2): the catalogs and the name-correction
// rule, on a valid update and on a body the contract refused.
import * as v from 'valibot';
import {
  errorCampo,
  esCambioTotalDeNombre,
  NombreSchema,
  unirErrores,
  UsuarioUpdateSchema,
  validarCatalogos,
  type ErrorCampo,
  type UsuarioUpdate,
} from '../../contract/index.js';
import type { UsuarioGuardado } from '../db/usuarios.js';
import { cargarCatalogos } from './catalogos.js';

/** Rules that need data: catalogs and the name-correction rule (DESIGN §2). */
export function reglasConDatos(actual: UsuarioGuardado, valor: UsuarioUpdate): ErrorCampo[] {
  return [
    ...reglaDelNombre(actual, valor),
    ...validarCatalogos(
      { pais: valor.pais, provincia: valor.provincia ?? null, ciudad: valor.ciudad ?? null },
      cargarCatalogos().reglas,
    ),
  ];
}

/**
 * The name may only be corrected, measured from the name as first registered (so a chain of small
 * corrections cannot add up to another name). A format error elsewhere must not hide a complete
 * change: when the name itself is well formed, its rule is checked too and reported with the rest.
 */
function reglaDelNombre(actual: UsuarioGuardado, cuerpo: unknown): ErrorCampo[] {
  const nombre = v.safeParse(NombreSchema, (cuerpo as Record<string, unknown> | null)?.nombre);
  return nombre.success && esCambioTotalDeNombre(actual.nombreRegistrado, nombre.output) ? [errorCampo('nombre', 'CAMBIO_TOTAL')] : [];
}

const { pais: PaisSchema, provincia: ProvinciaSchema, ciudad: CiudadSchema } = UsuarioUpdateSchema.pipe[0].entries;

/**
 * The catalog rules on the well-formed parts of a body that failed elsewhere, so the field that is
 * wrong is the one named: an unknown country on `pais`, an unknown province (`"99"`) on
 * `provincia`. `validarCatalogos` judges the city only when the province is in the catalog.
 */
function catalogosDelCuerpo(cuerpo: unknown): ErrorCampo[] {
  const datos = (cuerpo ?? {}) as Record<string, unknown>;
  const pais = v.safeParse(PaisSchema, datos.pais);
  if (!pais.success) return [];
  const provincia = v.safeParse(ProvinciaSchema, datos.provincia);
  const ciudad = v.safeParse(CiudadSchema, datos.ciudad);
  return validarCatalogos(
    { pais: pais.output, provincia: provincia.success ? provincia.output : null, ciudad: ciudad.success ? ciudad.output : null },
    cargarCatalogos().reglas,
  );
}

/**
 * The 422 of a body the contract refused: the catalog and name rules first, and no word on the
 * city when the province itself is not in the catalog (the city cannot be judged against it).
 */
export function erroresDelCuerpo(actual: UsuarioGuardado, cuerpo: unknown, errores: ErrorCampo[]): ErrorCampo[] {
  const catalogo = catalogosDelCuerpo(cuerpo);
  const provinciaDesconocida = catalogo.some((e) => e.campo === 'provincia');
  return unirErrores(
    reglaDelNombre(actual, cuerpo),
    catalogo,
    errores.filter((e) => !(provinciaDesconocida && e.campo === 'ciudad')),
  );
}
