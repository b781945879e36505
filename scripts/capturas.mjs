// `npm run capturas`: starts the real server (like the e2e harness: free ports, temp libSQL file,
// demo users), walks the demo in Debian's Chromium and writes docs/capturas/<pantalla>-<ancho>.png
// at 1280 and 360 px (tema-*.png: the third party's page with examples/tema/tema.css), then stops the server. Run through tsx (it imports the TypeScript helpers,
// from e2e-pasos.ts: the tests' e2e.ts also registers vitest hooks).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  abrirMenu323,
  abrirNavegador,
  abrirPagina,
  arrancarServidor,
  boton,
  campo,
  esperarFormulario,
  formularioIngresoTercero,
  iniciarSesionApi,
  iniciarSesionPortal,
  ingresarConElElemento,
  mantenerCorreo,
  RAIZ,
} from '../tests/helpers/e2e-pasos.ts';

const CARPETA = join(RAIZ, 'docs/capturas');
const ANCHOS = [1280, 360];

/** Sends a security code to a new address so that the outbox has something to show. */
async function llenarBandeja(servidor) {
  const token = await iniciarSesionApi(servidor, 'mzambrano');
  const cabeceras = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const correo = JSON.stringify({ correo: 'maria.zambrano.nuevo@example.com' });
  await fetch(`${servidor.url}/api/correo/disponibilidad`, { method: 'POST', headers: cabeceras, body: correo });
  const codigo = await fetch(`${servidor.url}/api/correo/codigo`, { method: 'POST', headers: cabeceras, body: correo });
  if (codigo.status !== 202) console.warn(`aviso: POST /api/correo/codigo respondió ${codigo.status}; la bandeja quedará vacía`);
}

/** examples/tema/tema.css on the page, as a constructed style sheet (the page's CSP allows no inline style). */
async function ponerTema(pagina) {
  const css = await readFile(join(RAIZ, 'examples/tema/tema.css'), 'utf8');
  await pagina.evaluate((texto) => {
    const hoja = new CSSStyleSheet();
    hoja.replaceSync(texto);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hoja];
  }, css);
}

async function capturar(pagina, nombre, ancho, opciones = { fullPage: true }) {
  const archivo = join(CARPETA, `${nombre}-${ancho}.png`);
  await pagina.screenshot({ path: archivo, ...opciones });
  console.log(`docs/capturas/${nombre}-${ancho}.png`);
}

await mkdir(CARPETA, { recursive: true });
const servidor = await arrancarServidor();
const navegador = await abrirNavegador();
try {
  await llenarBandeja(servidor);
  for (const ancho of ANCHOS) {
    const { contexto, pagina, vigilante } = await abrirPagina(navegador, { ancho, alto: ancho > 500 ? 800 : 740 });

    await pagina.goto(`${servidor.url}/`);
    await capturar(pagina, 'portal-inicio', ancho);

    await iniciarSesionPortal(pagina, servidor, 'tmacay');
    await abrirMenu323(pagina);
    await capturar(pagina, 'portal-menu-3.2.3', ancho, { fullPage: false });

    await pagina.goto(`${servidor.url}/portal/3.2.3`);
    await pagina.getByRole('link', { name: 'Modificar información de registro para Usuario General' }).waitFor();
    await capturar(pagina, 'portal-opciones', ancho);

    await pagina.getByRole('link', { name: 'Modificar información de registro para Usuario General' }).click();
    await esperarFormulario(pagina);
    await capturar(pagina, 'portal-elemento', ancho);

    // Bad values, each field left with Tab, then Modificar: errors next to the fields and the summary.
    await mantenerCorreo(pagina, true);
    for (const [nombre, valor] of [['Dirección', 'Av'], ['Teléfono1', '12ab']]) {
      await campo(pagina, nombre).fill('');
      await campo(pagina, nombre).pressSequentially(valor);
      await campo(pagina, nombre).press('Tab');
    }
    await boton(pagina, 'Modificar').click();
    await pagina.getByRole('alert').filter({ hasText: 'Revise' }).waitFor();
    await capturar(pagina, 'portal-errores', ancho);

    // Corrected, Modificar asks for confirmation (seed §5.6); "No" leaves everything as it was.
    await campo(pagina, 'Dirección').fill('Av. 9 de Octubre 424 y Córdova');
    await campo(pagina, 'Teléfono1').fill('042345678');
    await campo(pagina, 'Teléfono1').press('Tab');
    await boton(pagina, 'Modificar').click();
    const confirmacion = pagina.getByRole('dialog', { name: 'Confirmación' });
    await confirmacion.waitFor();
    await capturar(pagina, 'portal-confirmacion', ancho, { fullPage: false });
    await boton(confirmacion, 'No').click();
    await confirmacion.waitFor({ state: 'hidden' });

    vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });
    await pagina.goto(`${servidor.urlTercero}/`);
    await formularioIngresoTercero(pagina).waitFor();
    await capturar(pagina, 'tercero-login', ancho);

    await ingresarConElElemento(pagina, 'jsmith');
    await esperarFormulario(pagina);
    await capturar(pagina, 'tercero-formulario', ancho);

    // The same page with a host's theme: examples/tema/tema.css (custom properties and ::part()).
    await ponerTema(pagina);
    await capturar(pagina, 'tema', ancho);

    await pagina.goto(`${servidor.url}/dev/correos`);
    await pagina.getByText('ACTIVACIÓN DE CORREO ELECTRÓNICO').first().waitFor();
    await capturar(pagina, 'correos', ancho);

    if (vigilante.problemas.length) console.warn(`aviso (${ancho} px):\n- ${vigilante.problemas.join('\n- ')}`);
    await contexto.close();
  }
} finally {
  await navegador.close();
  await servidor.cerrar();
}
