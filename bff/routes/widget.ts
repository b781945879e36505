import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { servirEstatico } from '../compresion.js';
import { etagFuerte } from '../cripto.js';
import { problema } from '../problemas.js';
import type { Entorno } from '../tipos.js';

const TIPOS: Record<string, string> = {
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A lazy part's name carries the hash of its content (`dialogo-baja.Cc_glUBY.js`): it never changes. */
const CON_HASH = /\.[\w-]{8}\.js$/;

/** The precompressed form `npm run build` left beside a file, if any. */
async function leerSiExiste(ruta: string): Promise<Buffer | undefined> {
  try {
    return await readFile(ruta);
  } catch {
    return undefined;
  }
}

/**
 * GET /widget/*: the built element, loadable from any page (a module script is a CORS request,
 * so `Access-Control-Allow-Origin: *`; no credentials), in the brotli or gzip form the build
 * precompressed. Hashed lazy parts are `immutable` for a year; the entry, whose name stays, is
 * revalidated after 5 minutes with its ETag. Source maps exist only after `npm run build:mapas`.
 */
export function rutasWidget(carpeta: string) {
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
    const [identidad, br, gzip] = await Promise.all([leerSiExiste(ruta), leerSiExiste(`${ruta}.br`), leerSiExiste(`${ruta}.gz`)]);
    if (!identidad) return noEncontrado(c);
    const etag = etagFuerte(identidad);
    c.header('Cache-Control', CON_HASH.test(ruta) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return servirEstatico(c, { identidad, etag, br, gzip }, tipo);
  });
}

function noEncontrado(c: Parameters<typeof problema>[0]) {
  return problema(c, 404, 'NO_ENCONTRADO', 'El recurso solicitado no existe. ¿Se ejecutó «npm run build»?');
}
