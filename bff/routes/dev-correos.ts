import { Hono, type Context } from 'hono';
import { LINEA_CODIGO, type CorreoBandeja } from '../../contract/correo.js';
import { listarBandeja } from '../mail/index.js';
import { escaparHtml } from '../mail/index.js';
import { paginaHtml } from '../paginas/html.js';
import { problema } from '../problemas.js';
import type { Entorno, Servicios } from '../tipos.js';

const URL_EN_TEXTO = /https?:\/\/[^\s<>"']+/g;

/** One line of a message's text, escaped; the security code highlighted, links clickable. */
function lineaHtml(linea: string): string {
  const codigo = linea.match(LINEA_CODIGO);
  if (codigo) return `${codigo[1]}<strong class="codigo" aria-label="Código de seguridad">${codigo[2]}</strong>`;
  return escaparHtml(linea).replace(URL_EN_TEXTO, (url) => `<a href="${url}">${url}</a>`);
}

function correoHtml(correo: CorreoBandeja): string {
  const fecha = new Date(correo.creadoEn);
  const hora = fecha.toLocaleString('es-EC', { timeZone: 'America/Guayaquil', dateStyle: 'medium', timeStyle: 'medium' });
  return `<li>
<article aria-labelledby="asunto-${escaparHtml(correo.id)}">
<h2 id="asunto-${escaparHtml(correo.id)}">${escaparHtml(correo.asunto)}</h2>
<dl>
<dt>Para</dt><dd>${escaparHtml(correo.para)}</dd>
<dt>Enviado</dt><dd><time datetime="${escaparHtml(correo.creadoEn)}">${escaparHtml(hora)} (hora de Ecuador)</time></dd>
</dl>
<pre class="texto">${correo.texto.split('\n').map(lineaHtml).join('\n')}</pre>
</article>
</li>`;
}

function noHayBandeja(c: Context) {
  return problema(c, 404, 'NO_ENCONTRADO', 'La bandeja de desarrollo no existe: los correos se envían por Resend.');
}

/**
 * The dev outbox (no RESEND_API_KEY), newest first: GET /api/dev/correos (JSON) and GET
 * /dev/correos (a page showing each message's subject, recipient, time and plain text, the code
 * highlighted; the stored HTML is not rendered, so the page needs no inline styles). Both 404 with
 * Resend.
 */
export function rutasBandejaDev({ db, mailer }: Servicios) {
  const api = new Hono<Entorno>().get('/', async (c) => {
    if (mailer.tipo !== 'bandeja') return noHayBandeja(c);
    return c.json(await listarBandeja(db));
  });
  const pagina = new Hono<Entorno>().get('/', async (c) => {
    if (mailer.tipo !== 'bandeja') return noHayBandeja(c);
    const correos = await listarBandeja(db);
    c.header('Cache-Control', 'no-store');
    const lista = correos.length === 0
      ? '<p>Todavía no hay correos. Solicite un código de seguridad desde el formulario y vuelva a cargar esta página.</p>'
      : `<ol class="correos">\n${correos.map(correoHtml).join('\n')}\n</ol>`;
    return c.html(
      paginaHtml(
        'Bandeja de correos de desarrollo',
        `<p><a href="/">← Volver al portal de demostración</a></p>
<h1>Bandeja de correos de desarrollo</h1>
<p class="aviso">Sin <code>RESEND_API_KEY</code> los correos no salen: se guardan aquí, el más reciente primero. Vuelva a cargar la página para ver los nuevos.</p>
${lista}`,
      ),
    );
  });
  return { api, pagina };
}
