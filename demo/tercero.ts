import { Hono } from 'hono';
import { escaparHtml } from '../bff/mail/index.js';
import { leerArchivo, rellenar, servirArchivo, type Archivo } from './estaticos.js';

const BASE = import.meta.url;

export interface OpcionesTercero {
  /** The BFF's origin, e.g. `http://127.0.0.1:8787`: where the element's script and API live. */
  bffOrigen: string;
}

/** The origin of `texto` (scheme, host, port; no path), or an error naming the option. */
function origenValido(texto: string): string {
  let url: URL;
  try {
    url = new URL(texto);
  } catch {
    throw new Error(`terceroApp: bffOrigen no es una URL válida: ${texto}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`terceroApp: bffOrigen debe ser http o https: ${texto}`);
  }
  return url.origin;
}

/**
 * A third-party host (an imaginary customs broker on another origin) that embeds
 * `<modificar-usuario-general>` from the BFF with no token: the element shows its own login and
 * keeps a Bearer token in memory. The page's CSP allows scripts and requests only to itself and
 * the BFF.
 */
export function terceroApp(opciones: OpcionesTercero): Hono {
  const origen = origenValido(opciones.bffOrigen);
  const plantilla = leerArchivo(BASE, './tercero/pagina.html');
  const pagina: Archivo = {
    cuerpo: rellenar(plantilla.cuerpo, { origen: escaparHtml(origen) }),
    tipo: plantilla.tipo,
  };
  const politica = [
    "default-src 'self'",
    `script-src 'self' ${origen}`,
    `connect-src 'self' ${origen}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  const recursos: Record<string, Archivo> = {
    '/': pagina,
    '/estilos.css': leerArchivo(BASE, './tercero/estilos.css'),
    '/tercero.js': leerArchivo(BASE, './tercero/tercero.js'),
    '/icono.svg': leerArchivo(BASE, './tercero/icono.svg'),
  };

  const app = new Hono();
  for (const [ruta, archivo] of Object.entries(recursos)) {
    const servir = servirArchivo(archivo);
    app.get(ruta, (c) => {
      c.header('Content-Security-Policy', politica);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Referrer-Policy', 'no-referrer');
      return servir(c);
    });
  }
  return app;
}
