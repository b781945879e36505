import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { precomprimir, servirEstatico } from '../bff/compresion.js';
import { etagFuerte } from '../bff/cripto.js';

const TIPOS: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** A file of a demo host, read once at startup. */
export interface Archivo {
  cuerpo: string;
  tipo: string;
}

/** Reads `ruta` (relative to `base`, a module URL) and picks its Content-Type from the extension. */
export function leerArchivo(base: string, ruta: string): Archivo {
  const extension = ruta.slice(ruta.lastIndexOf('.') + 1);
  const tipo = TIPOS[extension];
  if (!tipo) throw new Error(`tipo de archivo desconocido: ${ruta}`);
  return { cuerpo: readFileSync(new URL(ruta, base), 'utf8'), tipo };
}

/** Replaces every `{{clave}}` of `plantilla` with its value (values are inserted as they are). */
export function rellenar(plantilla: string, valores: Record<string, string>): string {
  return plantilla.replace(/\{\{(\w+)\}\}/g, (todo, clave: string) => {
    const valor = valores[clave];
    if (valor === undefined) throw new Error(`falta el valor de {{${clave}}}`);
    return valor;
  });
}

/**
 * The handler of a demo page or asset: the right type, revalidated on every visit (ETag, 304),
 * brotli or gzip (compressed once, here) when it is large.
 */
export function servirArchivo(archivo: Archivo): (c: Context) => Response {
  const bytes = new TextEncoder().encode(archivo.cuerpo);
  const cuerpo = precomprimir(bytes, etagFuerte(bytes));
  return (c) => {
    c.header('Cache-Control', 'no-cache');
    return servirEstatico(c, cuerpo, archivo.tipo);
  };
}
