import { Hono, type Context } from 'hono';
import { servirEstatico } from '../compresion.js';
import { problema } from '../problemas.js';
import { cargarCatalogos, type ListaServida } from '../services/catalogos.js';
import type { Entorno } from '../tipos.js';

/**
 * Answers a catalog with a strong ETag, a day of caching and 304 on a matching If-None-Match;
 * compressed (brotli or gzip, done once at start) when it is large.
 */
function servirLista(c: Context<Entorno>, lista: ListaServida): Response {
  c.header('Cache-Control', 'public, max-age=86400');
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
