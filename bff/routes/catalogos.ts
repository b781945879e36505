import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { etagRevalidada, servirEstatico } from '../compresion.js';
import { problema } from '../problemas.js';
import { cargarCatalogos, type ListaServida } from '../services/catalogos.js';
import type { Entorno } from '../tipos.js';

const CACHE_CATALOGO = 'public, max-age=86400';

/**
 * Answers a catalog with a strong ETag, a day of caching and 304 on a matching If-None-Match;
 * compressed (brotli or gzip, done once at start) when it is large.
 */
function servirLista(c: Context<Entorno>, lista: ListaServida): Response {
  c.header('Cache-Control', CACHE_CATALOGO);
  return servirEstatico(c, lista.cuerpo, 'application/json; charset=UTF-8');
}

/** GET /api/catalogos/…: countries, provinces, a province's cantons and mobile operators. */
export function rutasCatalogos() {
  const catalogos = cargarCatalogos();
  return new Hono<Entorno>()
    .get('/paises', (c) => servirLista(c, catalogos.paises))
    .get('/provincias', (c) => servirLista(c, catalogos.provincias))
    .get('/provincias/:codigo/ciudades', (c) => {
      const codigo = c.req.param('codigo');
      const ciudades = catalogos.ciudades.get(codigo);
      if (!ciudades) {
        return problema(c, 404, 'NO_ENCONTRADO', `No existe la provincia con código "${codigo.slice(0, 10)}".`);
      }
      return servirLista(c, ciudades);
    })
    .get('/operadoras', (c) => servirLista(c, catalogos.operadoras));
}

/**
 * A catalog's revalidation answered ahead of the app's middleware, for `app.use` before them with
 * `base` = where `rutasCatalogos` is mounted. A 304 carries only what updates the stored answer
 * (RFC 9110 §15.4.5: ETag, Cache-Control, Vary), so there the request id, the security headers,
 * compression and CORS add nothing, and they were most of its cost (docs/decisiones.md). A request
 * with `Origin` (another site's page) goes the usual way, CORS headers included.
 */
export function revalidarCatalogos(base: string): MiddlewareHandler<Entorno> {
  const catalogos = cargarCatalogos();
  const listas = new Map<string, ListaServida>([
    [`${base}/paises`, catalogos.paises],
    [`${base}/provincias`, catalogos.provincias],
    [`${base}/operadoras`, catalogos.operadoras],
    ...[...catalogos.ciudades].map(([codigo, lista]) => [`${base}/provincias/${codigo}/ciudades`, lista] as const),
  ]);
  return async (c, next) => {
    const lista = c.req.method === 'GET' && c.req.header('Origin') === undefined ? listas.get(c.req.path) : undefined;
    const etag = lista && etagRevalidada(c, lista.cuerpo);
    if (!etag) return next();
    // The Vary of the full answer: compression and CORS add these to every JSON answer of /api.
    return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CATALOGO, Vary: 'Accept-Encoding, Origin' });
  };
}
