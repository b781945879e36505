import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { etagFuerte } from '../cripto.js';
import { problema } from '../problemas.js';
import type { Entorno } from '../tipos.js';

/** Where `npm run build` (scripts/build-widget.mjs) leaves the element's bundle. */
const CARPETA_WIDGET = fileURLToPath(new URL('../../dist/widget/', import.meta.url));

const TIPOS: Record<string, string> = {
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * GET /widget/*: the built element, loadable from any page (a module script is a CORS request,
 * so `Access-Control-Allow-Origin: *`; no credentials). File names are not content-hashed, so
 * browsers revalidate after 5 minutes with the ETag.
 */
export function rutasWidget(carpeta = CARPETA_WIDGET) {
  const raiz = resolve(carpeta);
  return new Hono<Entorno>().get('/*', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    let ruta: string;
    try {
      ruta = resolve(raiz, decodeURIComponent(c.req.path.replace(/^.*?\/widget\//, '')));
    } catch {
      return noEncontrado(c); // malformed %-escape
    }
    const tipo = TIPOS[extname(ruta)];
    if (!ruta.startsWith(raiz + sep) || !tipo) return noEncontrado(c);
    let contenido: Buffer;
    try {
      contenido = await readFile(ruta);
    } catch {
      return noEncontrado(c);
    }
    const etag = etagFuerte(contenido);
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=300');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(new Uint8Array(contenido), 200, { 'Content-Type': tipo });
  });
}

function noEncontrado(c: Parameters<typeof problema>[0]) {
  return problema(c, 404, 'NO_ENCONTRADO', 'El recurso solicitado no existe. ¿Se ejecutó «npm run build»?');
}
