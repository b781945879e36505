// Small server-rendered pages of the BFF (the revert and reset links, the dev outbox): Spanish, lang="es",
// no inline script or style (the CSP is `default-src 'self'`), every dynamic value escaped.
import { escaparHtml } from '../mail/index.js';

/** Where the pages' stylesheet is served. */
const RUTA_ESTILOS = '/correo/estilos.css';

export function paginaHtml(titulo: string, cuerpo: string): string {
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escaparHtml(titulo)}</title>
<link rel="stylesheet" href="${RUTA_ESTILOS}">
</head>
<body>
<main>
${cuerpo}
</main>
</body>
</html>
`;
}

export const ESTILOS = `:root { color-scheme: light; font: 16px/1.5 system-ui, Arial, Helvetica, sans-serif; color: #1f2933; background: #f4f6f8; }
body { margin: 0; padding: 1.5rem 1rem; }
main { max-width: 46rem; margin: 0 auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
p { margin: 0 0 1rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border: 0; border-radius: 6px; background: #b42318; color: #fff; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
label { display: block; font-weight: bold; margin: 0 0 0.25rem; }
input[type="password"] { font: inherit; width: 100%; max-width: 26rem; box-sizing: border-box; padding: 0.5rem 0.6rem; border: 1px solid #7b8794; border-radius: 6px; }
input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 1px; }
input[aria-invalid="true"] { border-color: #b42318; }
.campo { margin: 0 0 1rem; }
.error-campo { color: #b42318; margin: 0.25rem 0 0; }
.aviso { padding: 0.75rem 1rem; border-radius: 6px; background: #fef3c7; }
.exito { padding: 0.75rem 1rem; border-radius: 6px; background: #dcfce7; }
.error { padding: 0.75rem 1rem; border-radius: 6px; background: #fee2e2; }
ol.correos { list-style: none; padding: 0; margin: 0; }
ol.correos > li { border: 1px solid #cbd2d9; border-radius: 6px; padding: 1rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
.texto { white-space: pre-wrap; overflow-wrap: break-word; font-family: inherit; background: #f8fafc; padding: 0.75rem; border-radius: 6px; margin: 0; }
@media (max-width: 30rem) {
  body { padding: 0; }
  main { border-radius: 0; box-shadow: none; padding: 1rem; }
  ol.correos > li { padding: 0.75rem 0; border-width: 1px 0 0; border-radius: 0; }
  .texto { padding: 0.5rem; }
}
.codigo { display: inline-block; font-size: 1.5rem; font-weight: bold; letter-spacing: 0.2em; background: #fde68a; color: #111827; padding: 0.1rem 0.5rem; border-radius: 4px; }
`;
