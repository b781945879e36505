// Screenshots of the built widget (dist/widget/) at 360 and 1280 px, in Debian's Chromium, with
// the BFF faked through request interception. Usage: npm run build && node tests/components/capturas.mjs
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tipos = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };
const pagina = `<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0;padding:16px;background:#fff}</style>
<script type="module" src="/widget/modificar-usuario-general.js"></script></head>
<body><modificar-usuario-general></modificar-usuario-general></body></html>`;

const servidor = createServer(async (req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(pagina);
  if (req.url.startsWith('/widget/')) {
    try {
      const cuerpo = await readFile(join(raiz, 'dist', req.url.split('?')[0]));
      return res.writeHead(200, { 'Content-Type': tipos[extname(req.url)] ?? 'application/octet-stream' }).end(cuerpo);
    } catch {
      /* 404 below */
    }
  }
  res.writeHead(404).end();
});
await new Promise((r) => servidor.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${servidor.address().port}`;

const leer = async (f) => JSON.parse(await readFile(join(raiz, 'catalogs', f), 'utf8'));
const paises = (await leer('paises.json')).paises;
const dpa = (await leer('ecuador-dpa.json')).provincias;
const operadoras = (await leer('operadoras.json')).operadoras;
const usuario = {
  idUsuario: 'tmacay', documento: { tipo: 'RUC', numero: '0912345675001' }, nombre: 'TITO MACAY', pais: 'EC',
  provincia: '09', ciudad: '0901', direccion: 'Av. 9 de Octubre 100 y Malecón', telefono1: '042345678', telefono2: null,
  celular: { operadora: 'MOVISTAR', numero: '0991234567' }, fax: null, correo: 'tito.macay@example.com',
  correoSenae: 'tmacay@correo.aduana.gob.ec', version: 1,
};

const navegador = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const ancho of [360, 1280]) {
    const pagina = await navegador.newPage({ viewport: { width: ancho, height: 900 } });
    await pagina.route('**/api/**', (ruta) => {
      const u = new URL(ruta.request().url());
      const json = (cuerpo, cabeceras = {}) => ruta.fulfill({ status: 200, contentType: 'application/json', headers: cabeceras, body: JSON.stringify(cuerpo) });
      if (u.pathname === '/api/usuario') return json(usuario, { ETag: '"1"' });
      if (u.pathname === '/api/catalogos/paises') return json(paises);
      if (u.pathname === '/api/catalogos/provincias') return json(dpa.map(({ codigo, nombre }) => ({ codigo, nombre })));
      if (u.pathname === '/api/catalogos/operadoras') return json(operadoras);
      const m = /provincias\/(\d\d)\/ciudades/.exec(u.pathname);
      if (m) return json(dpa.find((p) => p.codigo === m[1]).cantones);
      if (u.pathname === '/api/correo/disponibilidad') return json({ disponible: true });
      if (u.pathname === '/api/correo/codigo')
        return ruta.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify({ expiraEn: new Date(Date.now() + 900_000).toISOString(), reenviarDesde: new Date(Date.now() + 60_000).toISOString() }) });
      return ruta.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404,"codigo":"NO_ENCONTRADO"}' });
    });
    await pagina.goto(base);
    await pagina.locator('modificar-usuario-general form[part="formulario"]').waitFor();
    // Show the interesting states: a new address checked, a code sent, one error shown.
    await pagina.locator('#f-correo').fill('tito.nuevo@example.com');
    await pagina.locator('#f-confirmacionCorreo').fill('tito.nuevo@example.com');
    await pagina.getByRole('button', { name: 'Comprobar disponibilidad' }).click();
    await pagina.getByRole('button', { name: 'Solicitar código de seguridad' }).click();
    await pagina.getByRole('button', { name: 'Aceptar' }).click();
    // The element moves the focus to the code field once the dialog has closed.
    await pagina.waitForFunction(() => document.querySelector('modificar-usuario-general').shadowRoot.activeElement?.id === 'f-codigoSeguridad');
    await pagina.locator('#f-direccion').fill('Av');
    await pagina.locator('#f-direccion').blur();
    await pagina.keyboard.press('Tab');
    await pagina.screenshot({ path: join(raiz, `docs/elemento-${ancho}.png`), fullPage: true });
    console.log(`docs/elemento-${ancho}.png`);
    await pagina.close();
  }
} finally {
  await navegador.close();
  servidor.close();
}
