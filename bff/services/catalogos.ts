import { readFileSync } from 'node:fs';
import type { Catalogos, Opcion } from '../../contract/index.js';
import { etagFuerte } from '../cripto.js';

/** A catalog list ready to serve: its JSON text and a strong ETag of it. */
export interface ListaServida {
  opciones: Opcion[];
  json: string;
  etag: string;
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

function leerJson<T>(nombre: string): T {
  return JSON.parse(readFileSync(new URL(`../../catalogs/${nombre}`, import.meta.url), 'utf8')) as T;
}

function servir(opciones: Opcion[]): ListaServida {
  const limpias = opciones.map(({ codigo, nombre }) => ({ codigo, nombre }));
  const json = JSON.stringify(limpias);
  return { opciones: limpias, json, etag: etagFuerte(json) };
}

let cargados: DatosCatalogos | undefined;

/** Reads catalogs/*.json once per process (static reference data). */
export function cargarCatalogos(): DatosCatalogos {
  if (cargados) return cargados;
  const { paises } = leerJson<{ paises: Opcion[] }>('paises.json');
  const { provincias } = leerJson<ArchivoDpa>('ecuador-dpa.json');
  const { operadoras } = leerJson<{ operadoras: Opcion[] }>('operadoras.json');
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
