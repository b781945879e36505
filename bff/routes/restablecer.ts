import { Hono, type Context } from 'hono';
import { mensajeCampo, type ErrorCampo } from '../../contract/index.js';
import { cuentaDeRestablecimiento } from '../db/enlaces.js';
import { escaparHtml } from '../mail/index.js';
import { limitarCuerpo } from '../middleware/cuerpo.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { paginaHtml } from '../paginas/html.js';
import { restablecerContrasena, RUTA_RESTABLECIMIENTO } from '../services/restablecimiento.js';
import type { Entorno, Servicios } from '../tipos.js';

// The token is in the URL: the pages say `<meta name="referrer" content="no-referrer">` (bff/paginas/html.ts).
const TITULO = 'Crear una contraseña nueva';

const NO_VALIDO =
  'El enlace para crear una contraseña nueva no es válido: ya se usó, venció (dura 1 hora), se reemplazó por uno más reciente o está incompleto. Si su usuario sigue bloqueado, ingrese en Ecuapass con su ID.usuario y su contraseña anterior y le enviaremos otro enlace a su correo electrónico registrado.';
const RESTABLECIDO =
  'Su contraseña se cambió y su usuario quedó desbloqueado. Ya puede ingresar en Ecuapass con su ID.usuario y la contraseña nueva. Se cerraron todas las sesiones anteriores.';

function responder(c: Context, estado: 200 | 410, clase: string, mensaje: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(paginaHtml(TITULO, `<h1>${TITULO}</h1>\n<p class="${clase}" role="status">${escaparHtml(mensaje)}</p>`), estado);
}

/** One field of the form, with its error (the screen's texts for the new password) when there is one. */
function campo(nombre: 'contrasena' | 'confirmacion', etiqueta: string, error: ErrorCampo | undefined): string {
  const idError = `${nombre}-error`;
  const aria = error ? ` aria-invalid="true" aria-describedby="${idError}"` : '';
  return `<div class="campo">
<label for="${nombre}">${etiqueta}</label>
<input id="${nombre}" name="${nombre}" type="password" autocomplete="new-password" required${aria}>
${error ? `<p id="${idError}" class="error-campo">${escaparHtml(mensajeCampo(`cambioClave.${nombre}`, error.codigo))}</p>` : ''}
</div>`;
}

function formulario(c: Context, token: string, idUsuario: string, errores: ErrorCampo[] = []): Response {
  const de = (nombre: string) => errores.find((e) => e.campo === nombre);
  const resumen = errores.length > 0 ? '<p class="error" role="alert">Revise los campos marcados: la contraseña no se cambió.</p>\n' : '';
  c.header('Cache-Control', 'no-store');
  return c.html(
    paginaHtml(
      TITULO,
      `<h1>${TITULO}</h1>
<p>Usuario <strong>${escaparHtml(idUsuario)}</strong>: está bloqueado por seguridad porque se usó el enlace «No reconozco este cambio». Elija una contraseña nueva para desbloquearlo; la anterior deja de servir.</p>
<p>La contraseña debe tener entre 12 y 128 caracteres, no puede ser la anterior ni contener su ID.usuario, su nombre o su correo, y no debe ser fácil de adivinar (una frase de varias palabras es una buena opción).</p>
${resumen}<form method="post" action="${RUTA_RESTABLECIMIENTO}" novalidate>
<input type="hidden" name="token" value="${escaparHtml(token)}">
${campo('contrasena', 'Contraseña', de('contrasena'))}
${campo('confirmacion', 'Confirmación de Contraseña', de('confirmacion'))}
<button type="submit">Guardar la contraseña y desbloquear</button>
</form>`,
    ),
    errores.length > 0 ? 422 : 200,
  );
}

/**
 * /clave/restablecer: the page the reset link opens (DESIGN §4), the only way to unblock an account
 * after "No reconozco este cambio". The GET shows the form and changes nothing; the form POSTs to
 * /clave/restablecer without JavaScript. No Origin check: the secret token authorises, not a cookie.
 */
export function rutasRestablecimiento(deps: Servicios) {
  return new Hono<Entorno>()
    .get('/restablecer/:token', async (c) => {
      const token = c.req.param('token');
      const cuenta = await cuentaDeRestablecimiento(deps.db, token, deps.reloj());
      return cuenta ? formulario(c, token, cuenta.idUsuario) : responder(c, 410, 'error', NO_VALIDO);
    })
    .post('/restablecer', limitarCuerpo, async (c) => {
      const datos = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = typeof datos.token === 'string' ? datos.token : '';
      const resultado = await restablecerContrasena(deps, token, { contrasena: datos.contrasena, confirmacion: datos.confirmacion }, origenDeSolicitud(c));
      if (resultado.tipo === 'RESTABLECIDO') return responder(c, 200, 'exito', RESTABLECIDO);
      if (resultado.tipo === 'NO_VALIDO') return responder(c, 410, 'error', NO_VALIDO);
      return formulario(c, token, resultado.idUsuario, resultado.errores);
    });
}
