// `npm run capturas`: starts the real server (like the e2e harness: free ports, temp libSQL file,
// demo users), walks the demo in Debian's Chromium and writes docs/capturas/<pantalla>-<ancho>.png
// at 1280 and 360 px, then stops the server. Run through tsx (it imports the TypeScript helpers).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  abrirMenu323,
  abrirNavegador,
  abrirPagina,
  arrancarServidor,
  boton,
  campo,
  CLAVE_DEMO,
  esperarFormulario,
  iniciarSesionPortal,
  mantenerCorreo,
  RAIZ,
} from '../tests/helpers/e2e.ts';

const CARPETA = join(RAIZ, 'docs/capturas');
const ANCHOS = [1280, 360];

/** Sends a security code to a new address so that the outbox has something to show. */
async function llenarBandeja(servidor) {
  const json = { 'Content-Type': 'application/json' };
  const sesion = await fetch(`${servidor.url}/api/sesiones`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ idUsuario: 'mzambrano', contrasena: CLAVE_DEMO }),
  });
  const { token } = await sesion.json();
  const cabeceras = { ...json, Authorization: `Bearer ${token}` };
  const correo = JSON.stringify({ correo: 'maria.zambrano.nuevo@example.com' });
  await fetch(`${servidor.url}/api/correo/disponibilidad`, { method: 'POST', headers: cabeceras, body: correo });
  const codigo = await fetch(`${servidor.url}/api/correo/codigo`, { method: 'POST', headers: cabeceras, body: correo });
  if (codigo.status !== 202) console.warn(`aviso: POST /api/correo/codigo respondió ${codigo.status}; la bandeja quedará vacía`);
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
    const login = pagina.getByRole('form', { name: 'Ingrese para modificar su información' });
    await login.waitFor();
    await capturar(pagina, 'tercero-login', ancho);

    await campo(login, 'ID.usuario').fill('jsmith');
    await campo(login, 'Contraseña').fill(CLAVE_DEMO);
    await boton(login, 'Ingresar').click();
    await esperarFormulario(pagina);
    await capturar(pagina, 'tercero-formulario', ancho);

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
