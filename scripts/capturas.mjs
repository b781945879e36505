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

/** The element's box on the page (screenshots of one part: the element, its dialog). */
const elemento = (pagina) => pagina.locator('modificar-usuario-general');

/** Issue 12, what a new user stumbles on: each fix as the user sees it, at `ancho` px. */
async function recorridoIssue12(pagina, servidor, ancho, vigilante) {
  await pagina.reload();
  await esperarFormulario(pagina);

  // 1. «No» (the seed's default), no new address, only a phone changed: one error, on the question.
  await campo(pagina, 'Teléfono2').fill('0991234567');
  await campo(pagina, 'Teléfono2').press('Tab');
  await boton(pagina, 'Modificar').click();
  await pagina.locator('[part="resumen-errores"]').waitFor();
  await capturar(pagina, 'correo-un-error', ancho);

  // 3. Phones as typed: normalised when left; what cannot be a number is refused, not dropped.
  await campo(pagina, 'Teléfono1').fill('+593 (04) 234-5678');
  await campo(pagina, 'Teléfono1').press('Tab');
  await campo(pagina, 'Teléfono2').fill('+593 (04) 234-5678 ext 12');
  await campo(pagina, 'Teléfono2').press('Tab');
  await pagina.locator('#f-telefono2-error').waitFor();
  await pagina.locator('#f-telefono1').scrollIntoViewIfNeeded();
  await capturar(pagina, 'telefonos', ancho, { fullPage: false });
  await campo(pagina, 'Teléfono2').fill('');

  // 5 and 8. Enter in Contraseña anterior checks it; the checklist starts neutral; «Mostrar».
  await campo(pagina, 'Contraseña anterior').fill('Clave-Demo-2026');
  await campo(pagina, 'Contraseña anterior').press('Enter');
  await pagina.locator('.checklist').waitFor();
  await boton(pagina, 'Mostrar Contraseña anterior').click();
  await pagina.locator('#f-cambioClave-contrasenaAnterior').scrollIntoViewIfNeeded();
  await capturar(pagina, 'clave-enter-y-mostrar', ancho, { fullPage: false });

  // 7. The focus ring on a read-only field and on a button, reached with Tab.
  await pagina.reload();
  await esperarFormulario(pagina);
  await pagina.locator('#f-idUsuario').focus();
  await pagina.keyboard.press('Shift+Tab');
  await pagina.keyboard.press('Tab');
  await capturar(pagina, 'foco-solo-lectura', ancho, { fullPage: false });

  // 2. Idle for 28 minutes while down at Teléfono2: a modal dialog in view, with the focus.
  await pagina.clock.install();
  await pagina.reload();
  await esperarFormulario(pagina);
  await pagina.locator('#f-telefono2').focus();
  await pagina.clock.fastForward('28:00');
  await pagina.getByRole('dialog', { name: 'Su sesión está por cerrarse' }).waitFor();
  await capturar(pagina, 'inactividad', ancho, { fullPage: false });
  await boton(pagina, 'Seguir conectado').click();

  // 8. 412: another window saved first; the dialog shows what changed and keeps the user's edits.
  await pagina.reload();
  await esperarFormulario(pagina);
  await mantenerCorreo(pagina, true);
  await campo(pagina, 'Fax').fill('042999888');
  vigilante.esperar({ metodo: 'PUT', ruta: '/api/usuario', estado: 412 });
  await otraVentanaCambiaLaDireccion(servidor, 'tmacay', `Av. Francisco de Orellana 234, piso ${ancho}`);
  await boton(pagina, 'Modificar').click();
  await boton(pagina.getByRole('dialog', { name: 'Confirmación' }), 'Sí').click();
  await pagina.getByRole('dialog', { name: 'Datos desactualizados' }).waitFor();
  await capturar(pagina, 'datos-desactualizados', ancho, { fullPage: false });
  await boton(pagina, 'Descartar mis cambios').click();

  // 8. A second code within the minute (after a reload, which forgets the countdown): said as a wait.
  vigilante.esperar({ metodo: 'POST', ruta: '/api/correo/codigo', estado: 429 });
  const espera = pagina.getByRole('dialog', { name: 'Espere para pedir otro código' });
  const enviado = pagina.getByRole('dialog', { name: 'Código de seguridad enviado' });
  for (let i = 0; i < 2 && !(await espera.isVisible()); i++) {
    await pagina.reload();
    await esperarFormulario(pagina);
    await campo(pagina, 'Correo Electrónico').fill(`tito.nuevo.${ancho}@example.com`);
    await campo(pagina, 'Confirmación de correo electrónico').fill(`tito.nuevo.${ancho}@example.com`);
    await boton(pagina, 'Comprobar disponibilidad').click();
    await boton(pagina, 'Solicitar código de seguridad').click();
    await espera.or(enviado).waitFor();
    if (await enviado.isVisible()) await boton(enviado, 'Aceptar').click();
  }
  await pagina.getByRole('dialog', { name: 'Espere para pedir otro código' }).waitFor();
  await capturar(pagina, 'espera-codigo', ancho, { fullPage: false });
  await boton(pagina, 'Aceptar').click();

  // 6. English: the countries from the browser's CLDR data (the list opened as a box to show it).
  await pagina.evaluate(() => document.querySelector('modificar-usuario-general').setAttribute('lang', 'en'));
  await pagina.getByText('Modify registration information for General User').waitFor();
  await pagina.evaluate(() => {
    const pais = document.querySelector('modificar-usuario-general').shadowRoot.querySelector('#f-pais');
    pais.size = 8;
    pais.scrollIntoView({ block: 'center' });
  });
  await capturar(pagina, 'ingles-paises', ancho, { fullPage: false });
  await pagina.clock.runFor(1000);
  await pagina.reload();
  await esperarFormulario(pagina);

  // 8. A name correction: stored in capitals, the header follows it.
  await iniciarSesionPortal(pagina, servidor, 'mzambrano');
  await pagina.goto(`${servidor.url}/portal/3.2.3/usuario-general`);
  await esperarFormulario(pagina);
  await campo(pagina, 'Nombre Usuario').fill(ancho > 500 ? 'María Zambrano' : 'Maria Zambrano');
  await mantenerCorreo(pagina, true);
  await boton(pagina, 'Modificar').click();
  await boton(pagina.getByRole('dialog', { name: 'Confirmación' }), 'Sí').click();
  await boton(pagina.getByRole('dialog', { name: 'Información actualizada' }), 'Aceptar').click();
  await capturar(pagina, 'nombre-en-cabecera', ancho, { fullPage: false });
  await iniciarSesionPortal(pagina, servidor, 'tmacay');
}

/** Another session saves a new address for `idUsuario` (the 412 the form then gets). */
async function otraVentanaCambiaLaDireccion(servidor, idUsuario, direccion) {
  const token = await iniciarSesionApi(servidor, idUsuario);
  const cabeceras = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const r = await fetch(`${servidor.url}/api/usuario`, { headers: cabeceras });
  const u = await r.json();
  const cuerpo = {
    nombre: u.nombre, pais: u.pais, provincia: u.provincia, ciudad: u.ciudad, direccion, telefono1: u.telefono1,
    telefono2: u.telefono2, celular: u.celular, fax: u.fax, mantenerCorreo: true,
  };
  const put = await fetch(`${servidor.url}/api/usuario`, { method: 'PUT', headers: { ...cabeceras, 'If-Match': r.headers.get('ETag') }, body: JSON.stringify(cuerpo) });
  if (put.status !== 200) console.warn(`aviso: el PUT de la otra ventana respondió ${put.status}`);
}

/** 8. After a baja the portal's header no longer shows the user (one demo user per width). */
async function bajaConCabecera(navegador, servidor, ancho) {
  const { contexto, pagina } = await abrirPagina(navegador, { ancho, alto: ancho > 500 ? 800 : 740 });
  await iniciarSesionPortal(pagina, servidor, ancho > 500 ? 'ocupado' : 'jsmith');
  await pagina.goto(`${servidor.url}/portal/3.2.3/usuario-general`);
  await esperarFormulario(pagina);
  await boton(pagina, 'Solicitud de baja').click();
  const baja = pagina.getByRole('dialog', { name: 'Solicitud de baja' });
  await baja.getByRole('textbox', { name: 'Motivo' }).fill('Cierro mi agencia y ya no operaré en Ecuapass.');
  await boton(baja, 'Solicitud de baja').click();
  await boton(pagina.getByRole('dialog', { name: 'Solicitud de baja registrada' }), 'Aceptar').click();
  await pagina.getByText('Su usuario fue dado de baja.').waitFor();
  await capturar(pagina, 'portal-baja', ancho, { fullPage: false });
  await contexto.close();
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
    await pagina.locator('[part="resumen-errores"]').waitFor();
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

    await recorridoIssue12(pagina, servidor, ancho, vigilante);

    vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });
    await pagina.goto(`${servidor.urlTercero}/`);
    await formularioIngresoTercero(pagina).waitFor();
    await capturar(pagina, 'tercero-login', ancho);
    // Ingresar with both fields empty: both marked, the message linked to them.
    await boton(formularioIngresoTercero(pagina), 'Ingresar').click();
    await pagina.getByText('Escriba su ID.usuario y su contraseña.').waitFor();
    await capturar(pagina, 'tercero-login-vacio', ancho);

    await ingresarConElElemento(pagina, 'jsmith');
    await esperarFormulario(pagina);
    await capturar(pagina, 'tercero-formulario', ancho);

    // The same page with a host's theme: examples/tema/tema.css (custom properties and ::part()).
    await ponerTema(pagina);
    await capturar(pagina, 'tema', ancho);

    await pagina.goto(`${servidor.url}/dev/correos`);
    await pagina.getByText('ACTIVACIÓN DE CORREO ELECTRÓNICO').first().waitFor();
    await capturar(pagina, 'correos', ancho);

    await bajaConCabecera(navegador, servidor, ancho);

    if (vigilante.problemas.length) console.warn(`aviso (${ancho} px):\n- ${vigilante.problemas.join('\n- ')}`);
    await contexto.close();
  }
} finally {
  await navegador.close();
  await servidor.cerrar();
}
