import { Hono, type Context } from 'hono';
import { usuarioDeEnlaceVigente } from '../db/enlaces.js';
import { escaparHtml } from '../mail/index.js';
import { limitarCuerpo } from '../middleware/cuerpo.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { ESTILOS, paginaHtml } from '../paginas/html.js';
import { MENSAJES_REVERSION, revertirCambioCorreo } from '../services/reversion.js';
import type { Entorno, Servicios } from '../tipos.js';

// The token is in the URL: the pages say `<meta name="referrer" content="no-referrer">` (bff/paginas/html.ts).
const TITULO = 'No reconozco este cambio';

function responder(c: Context, estado: 200 | 409 | 410, clase: string, mensaje: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(paginaHtml(TITULO, `<h1>${TITULO}</h1>\n<p class="${clase}" role="status">${escaparHtml(mensaje)}</p>`), estado);
}

/**
 * /correo: the page the "No reconozco este cambio" link opens. The GET only shows a confirmation
 * button (mail scanners follow links, so a GET never changes anything); the button POSTs a plain
 * form to /correo/revertir, which does the revert (same service as POST /api/correo/revertir).
 */
export function rutasPaginaReversion(deps: Servicios) {
  const { db, reloj } = deps;
  return new Hono<Entorno>()
    .get('/estilos.css', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(ESTILOS, 200, { 'Content-Type': 'text/css; charset=UTF-8' });
    })
    .get('/revertir/:token', async (c) => {
      const token = c.req.param('token');
      if (!(await usuarioDeEnlaceVigente(db, token, reloj()))) return responder(c, 410, 'error', MENSAJES_REVERSION.NO_VALIDO);
      c.header('Cache-Control', 'no-store');
      return c.html(
        paginaHtml(
          TITULO,
          `<h1>${TITULO}</h1>
<p>Recibimos un aviso de que el correo electrónico de su usuario de Ecuapass se cambió. Si usted no hizo ese cambio, confírmelo con el botón:</p>
<ul>
<li>se restaurará su correo electrónico anterior;</li>
<li>se cerrarán todas las sesiones abiertas;</li>
<li>se anularán los demás enlaces «No reconozco este cambio» de su usuario;</li>
<li>su usuario quedará bloqueado hasta que cree una contraseña nueva con el enlace que le enviaremos a su correo anterior (la contraseña actual ya no bastará para entrar).</li>
</ul>
<p class="aviso">Si usted sí hizo el cambio, cierre esta página: no se modificará nada.</p>
<form method="post" action="/correo/revertir">
<input type="hidden" name="token" value="${escaparHtml(token)}">
<button type="submit">Confirmar: no reconozco este cambio</button>
</form>`,
        ),
      );
    })
    // No Origin check here: the secret token from the mail authorises the revert, not a cookie, so
    // a forged cross-site post cannot do anything (and `no-referrer` makes Chromium send Origin: null).
    .post('/revertir', limitarCuerpo, async (c) => {
      const formulario = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = typeof formulario.token === 'string' ? formulario.token : '';
      const resultado = await revertirCambioCorreo(deps, token, origenDeSolicitud(c));
      if (resultado === 'REVERTIDO') return responder(c, 200, 'exito', MENSAJES_REVERSION.REVERTIDO);
      if (resultado === 'CONFLICTO') return responder(c, 409, 'error', MENSAJES_REVERSION.CONFLICTO);
      return responder(c, 410, 'error', MENSAJES_REVERSION.NO_VALIDO);
    });
}
