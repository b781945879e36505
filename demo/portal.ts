import { Hono } from 'hono';
import { leerArchivo, rellenar, servirArchivo, type Archivo } from './estaticos.js';

const BASE = import.meta.url;

/** Static assets of the portal demo, served under /demo/. */
const RECURSOS = ['estilos.css', 'aviso.js', 'inicio.js', 'marco.js', 'usuario-general.js', 'icono.svg'];

/** Builds a portal page: the shared frame (header, menus) around one content file. */
function paginaDelPortal(titulo: string, contenido: string, script: string): Archivo {
  const marco = leerArchivo(BASE, './portal/marco.html');
  const cuerpo = rellenar(marco.cuerpo, {
    titulo,
    contenido: leerArchivo(BASE, `./portal/${contenido}`).cuerpo,
    script,
  });
  return { cuerpo, tipo: marco.tipo };
}

/**
 * The Ecuapass-like portal demo (seed §5.1–5.4): login at `/`, the portal at `/portal`, the seven
 * options of 3.2.3 at `/portal/3.2.3` and the element at `/portal/3.2.3/usuario-general`.
 * Meant to be mounted at the root of the BFF app (same origin as `/api` and `/widget`).
 */
export function portalDemo(): Hono {
  const paginas: Record<string, Archivo> = {
    '/': leerArchivo(BASE, './portal/inicio.html'),
    '/portal': paginaDelPortal('Portal', 'principal.html', ''),
    '/portal/3.2.3': paginaDelPortal(
      '3.2.3 Modificar información de registro de usuario',
      'opciones-3.2.3.html',
      '',
    ),
    '/portal/3.2.3/usuario-general': paginaDelPortal(
      'Modificar información de registro para Usuario General',
      'usuario-general.html',
      '<script type="module" src="/demo/usuario-general.js"></script>\n' +
        '  <script type="module" src="/widget/modificar-usuario-general.js"></script>',
    ),
  };
  for (const nombre of RECURSOS) paginas[`/demo/${nombre}`] = leerArchivo(BASE, `./portal/${nombre}`);

  const app = new Hono();
  for (const [ruta, archivo] of Object.entries(paginas)) {
    app.get(ruta, servirArchivo(archivo));
  }
  return app;
}
