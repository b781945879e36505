import type { ErrorCampo } from './api.js';
import { errorCampo } from './codigos.js';
import { ECUADOR } from './usuario.js';

/** What the catalog rules need: country codes and Ecuador's provinces with their cantons. */
export interface Catalogos {
  paises: ReadonlySet<string>;
  cantonesPorProvincia: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Catalog rules of DESIGN §2 on an already well-formed update: country, province, city. */
export function validarCatalogos(
  datos: { pais: string; provincia: string | null; ciudad: string | null },
  catalogos: Catalogos,
): ErrorCampo[] {
  if (!catalogos.paises.has(datos.pais)) return [errorCampo('pais', 'NO_PERMITIDO')];
  if (datos.pais !== ECUADOR || datos.provincia === null) return [];
  const cantones = catalogos.cantonesPorProvincia.get(datos.provincia);
  if (!cantones) return [errorCampo('provincia', 'NO_PERMITIDO')];
  if (datos.ciudad !== null && !cantones.has(datos.ciudad)) return [errorCampo('ciudad', 'NO_PERMITIDO')];
  return [];
}
