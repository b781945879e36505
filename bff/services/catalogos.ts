import type { Catalogos, Opcion } from '../../contract/index.js';
import { precomprimir, type CuerpoEstatico } from '../compresion.js';
import { etagFuerte } from '../cripto.js';
// Imported, not read from disk: the production bundle (dist/server.js) carries them.
import archivoDpa from '../../catalogs/ecuador-dpa.json' with { type: 'json' };
import archivoOperadoras from '../../catalogs/operadoras.json' with { type: 'json' };
import archivoPaises from '../../catalogs/paises.json' with { type: 'json' };

/** A catalog list ready to serve: its JSON (precompressed when large) with a strong ETag of it. */
export interface ListaServida {
  opciones: Opcion[];
  cuerpo: CuerpoEstatico;
}

export interface DatosCatalogos {
  paises: ListaServida;
  provincias: ListaServida;
  /** Cantons by province code. */
  ciudades: ReadonlyMap<string, ListaServida>;
  operadoras: ListaServida;
  /** What the contract's `validarCatalogos` needs. */
  reglas: Catalogos;
}

interface ArchivoDpa {
  provincias: (Opcion & { cantones: Opcion[] })[];
}

function servir(opciones: Opcion[]): ListaServida {
  const limpias = opciones.map(({ codigo, nombre }) => ({ codigo, nombre }));
  const json = JSON.stringify(limpias);
  return { opciones: limpias, cuerpo: precomprimir(new TextEncoder().encode(json), etagFuerte(json)) };
}

let cargados: DatosCatalogos | undefined;

/** Prepares catalogs/*.json once per process (static reference data). */
export function cargarCatalogos(): DatosCatalogos {
  if (cargados) return cargados;
  const { paises } = archivoPaises as { paises: Opcion[] };
  const { provincias } = archivoDpa as ArchivoDpa;
  const { operadoras } = archivoOperadoras as { operadoras: Opcion[] };
  cargados = {
    paises: servir(paises),
    provincias: servir(provincias),
    ciudades: new Map(provincias.map((p) => [p.codigo, servir(p.cantones)])),
    operadoras: servir(operadoras),
    reglas: {
      paises: new Set(paises.map((p) => p.codigo)),
      cantonesPorProvincia: new Map(provincias.map((p) => [p.codigo, new Set(p.cantones.map((c) => c.codigo))])),
    },
  };
  return cargados;
}
