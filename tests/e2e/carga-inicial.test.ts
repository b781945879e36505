// Issue 10, the first load of the built element from the real server: how many bytes of JavaScript
// Chromium transfers for it, how the BFF serves them, and that each rarely used part comes only
// when first needed (and works), from the hashed files of `npm run build`.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { boton, campo, dialogo, esperarFormulario, iniciarSesionApi, usarEntornoE2e } from '../helpers/e2e.js';

const entorno = usarEntornoE2e();
const PRESUPUESTO_JS = 22_000;
const RUTA = '/portal/3.2.3/usuario-general';

interface Transferido {
  url: string;
  tipo: string;
  bytes: number;
  codificacion: string | undefined;
}

/** Every response Chromium finished loading, with the bytes it took on the wire (headers included). */
async function registrarTransferencias(pagina: Page): Promise<Transferido[]> {
  const cdp = await pagina.context().newCDPSession(pagina);
  const respuestas = new Map<string, Omit<Transferido, 'bytes'>>();
  const hechas: Transferido[] = [];
  cdp.on('Network.responseReceived', (e) =>
    respuestas.set(e.requestId, { url: e.response.url, tipo: e.type, codificacion: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const r = respuestas.get(e.requestId);
    if (r) hechas.push({ ...r, bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  return hechas;
}

async function paginaDelElemento(idUsuario = 'tmacay', vista?: { ancho: number; alto: number }) {
  const { servidor } = entorno;
  const token = await iniciarSesionApi(servidor, idUsuario);
  const abierta = await entorno.abrirPagina(vista);
  // Every layout shift from the start of the page (Layout Instability API, as Lighthouse's CLS).
  await abierta.pagina.addInitScript(() => {
    const w = window as unknown as { desplazamientos: number[] };
    w.desplazamientos = [];
    new PerformanceObserver((lista) => {
      for (const e of lista.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.desplazamientos.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await abierta.contexto.addCookies([{ name: 'mug_sesion', value: token, url: servidor.url }]);
  const transferido = await registrarTransferencias(abierta.pagina);
  await abierta.pagina.goto(`${servidor.url}${RUTA}`);
  await esperarFormulario(abierta.pagina);
  // Whatever the page would still fetch by itself (the cities, anything deferred) is in by now.
  await abierta.pagina.waitForLoadState('networkidle');
  return { ...abierta, transferido };
}

const delWidget = (t: Transferido[]) => t.filter((x) => new URL(x.url).pathname.startsWith('/widget/'));
const parte = (t: Transferido[], nombre: string) => delWidget(t).filter((x) => new URL(x.url).pathname.startsWith(`/widget/${nombre}.`));

describe('initial load of the built element', () => {
  test(`the JS Chromium transfers for the element fits in ${PRESUPUESTO_JS} bytes, brotli, in one file`, async () => {
    const { transferido, vigilante } = await paginaDelElemento();
    const js = delWidget(transferido).filter((x) => x.tipo === 'Script');
    const total = js.reduce((s, x) => s + x.bytes, 0);
    expect(js.map((x) => new URL(x.url).pathname)).toEqual(['/widget/modificar-usuario-general.js']);
    expect(js[0]!.codificacion).toBe('br');
    expect(total, `JS transferido: ${total} bytes`).toBeLessThanOrEqual(PRESUPUESTO_JS);
    vigilante.verificar();
  });

  test("the element's files arrive compressed; hashed names are immutable; no source maps", async () => {
    const { servidor } = entorno;
    const { transferido } = await paginaDelElemento();
    const entrada = await fetch(`${servidor.url}/widget/modificar-usuario-general.js`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(entrada.headers.get('Content-Encoding')).toBe('br');
    expect(entrada.headers.get('Vary')).toBe('Accept-Encoding');
    expect(entrada.headers.get('Cache-Control')).toBe('public, max-age=300');
    const texto = await entrada.text();
    expect(texto).not.toContain('sourceMappingURL');
    expect((await fetch(`${servidor.url}/widget/modificar-usuario-general.js.map`)).status).toBe(404);
    // A lazy part: its name is in the entry; gzip for a client without brotli.
    const nombre = /"\.\/(actividad-reciente\.[\w-]{8}\.js)"/.exec(texto)?.[1];
    expect(nombre, 'la entrada nombra el archivo de «Actividad reciente»').toBeDefined();
    const diferida = await fetch(`${servidor.url}/widget/${nombre}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(diferida.status).toBe(200);
    expect(diferida.headers.get('Content-Encoding')).toBe('gzip');
    expect(diferida.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // The catalogs the page loaded came compressed too (the countries are 9.5 KB as JSON).
    const paises = transferido.find((x) => x.url.endsWith('/api/catalogos/paises'))!;
    expect(paises.codificacion).toBe('br');
    expect(paises.bytes).toBeLessThan(4_000);
  });

  test('«Actividad reciente», validation, the messages and the baja arrive when used, and work', async () => {
    const { pagina, transferido, vigilante } = await paginaDelElemento();
    for (const nombre of ['actividad-reciente', 'validacion', 'avisos', 'dialogo-baja', 'dialogo-reautenticacion', 'formulario-login']) {
      expect(parte(transferido, nombre), nombre).toHaveLength(0);
    }

    await pagina.getByText('Actividad reciente', { exact: true }).click();
    await pagina.getByRole('listitem').filter({ hasText: 'Inicio de sesión' }).first().waitFor();
    expect(parte(transferido, 'actividad-reciente')).toHaveLength(1);

    const telefono = campo(pagina, 'Teléfono1');
    await telefono.fill('12');
    await telefono.press('Tab');
    await pagina.getByText('En Ecuador, un fijo con código de área', { exact: false }).waitFor();
    expect(parte(transferido, 'validacion')).toHaveLength(1);

    await boton(pagina, 'Modificar').click();
    expect(parte(transferido, 'avisos')).toHaveLength(1);

    await boton(pagina, 'Solicitud de baja').click();
    const baja = dialogo(pagina, 'Solicitud de baja');
    await baja.getByLabel('Motivo').waitFor();
    expect(parte(transferido, 'dialogo-baja')).toHaveLength(1);
    await boton(baja, 'Cancelar').click();
    await baja.waitFor({ state: 'hidden' });
    expect(parte(transferido, 'formulario-login')).toHaveLength(0);
    vigilante.verificar();
  });

  test.each([
    { ancho: 412, alto: 823 },
    { ancho: 1280, alto: 900 },
  ])('the page does not jump when the element appears ($ancho px): cumulative layout shift ≤ 0.05', async (vista) => {
    const { pagina } = await paginaDelElemento('tmacay', vista);
    // The cities arrive after the form; then nothing else is on its way.
    await pagina.locator('#f-ciudad:not([disabled])').waitFor();
    const desplazamientos = await pagina.evaluate(() => (window as unknown as { desplazamientos: number[] }).desplazamientos);
    const total = desplazamientos.reduce((s, x) => s + x, 0);
    expect(total, `desplazamientos: ${desplazamientos.join(', ')}`).toBeLessThanOrEqual(0.05);
  });

  test('a third-party page without a session brings the built-in login, and it logs in', async () => {
    const { servidor } = entorno;
    const { pagina, vigilante } = await entorno.abrirPagina();
    vigilante.esperar({ metodo: 'GET', ruta: '/api/usuario', estado: 401 });
    const transferido = await registrarTransferencias(pagina);
    await pagina.goto(`${servidor.urlTercero}/`);
    const login = pagina.getByRole('form', { name: 'Ingrese para modificar su información' });
    await campo(login, 'ID.usuario').fill('jsmith');
    expect(parte(transferido, 'formulario-login')).toHaveLength(1);
    await campo(login, 'Contraseña').fill(CONTRASENA_DEMO);
    await boton(login, 'Ingresar').click();
    await esperarFormulario(pagina);
    vigilante.verificar();
  });
});
