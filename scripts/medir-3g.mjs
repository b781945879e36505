// `npm run bench:3g`: how long the portal's element page takes to be usable on a slow mobile
// network. Starts the real server (free loopback ports, temp libSQL file, demo users, like the
// e2e tests), logs `tmacay` in through the API, and opens /portal/3.2.3/usuario-general in Debian's
// Chromium RUNS times, each in a new context (cold cache) throttled through CDP
// (Network.emulateNetworkConditions) to Chrome's Fast 3G: 150 ms RTT, 1.6 Mbps down, 750 kbps up.
// "Usable": «Nombre Usuario» shows the user's name. Prints each run's waterfall (Resource Timing:
// start and end of each request from the navigation, bytes transferred) and the median.
// It prints figures; it is not a test. Run through tsx (it imports the TypeScript test helpers).
import { abrirNavegador, arrancarServidor, iniciarSesionApi } from '../tests/helpers/e2e-pasos.ts';

const RUNS = 3;
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const VISTA = { width: 412, height: 823 };
const RUTA = '/portal/3.2.3/usuario-general';

const servidor = await arrancarServidor();
const navegador = await abrirNavegador();
const ms = (n) => `${Math.round(n)}`.padStart(5);

async function medir(token) {
  const contexto = await navegador.newContext({ viewport: VISTA, locale: 'es-EC' });
  await contexto.addCookies([{ name: 'mug_sesion', value: token, url: servidor.url }]);
  const pagina = await contexto.newPage();
  const cdp = await contexto.newCDPSession(pagina);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await pagina.goto(`${servidor.url}${RUTA}`, { waitUntil: 'commit' });
  // performance.now() counts from the navigation's start.
  const manija = await pagina.waitForFunction(
    () => {
      const nombre = document.querySelector('modificar-usuario-general')?.shadowRoot?.querySelector('#f-nombre');
      return nombre instanceof HTMLInputElement && nombre.value ? performance.now() : 0;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const usable = await manija.jsonValue();
  const ciudades = () =>
    pagina.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/ciudades')));
  // What comes after the form (the cities) belongs to the waterfall too.
  for (let i = 0; i < 50 && !(await ciudades()); i++) await pagina.waitForTimeout(100);
  await pagina.waitForTimeout(300);
  const filas = await pagina.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((r) => ({
      ruta: new URL(r.name).pathname,
      inicio: r.startTime,
      fin: r.responseEnd,
      bytes: r.transferSize,
    })),
  );
  await contexto.close();
  return { usable, filas };
}

try {
  const token = await iniciarSesionApi(servidor, 'tmacay');
  console.log(`Fast 3G (RTT ${FAST_3G.latency} ms, 1,6 Mbps ↓, 750 kbps ↑), ${VISTA.width}×${VISTA.height}, caché fría, ${RUNS} pasadas`);
  const tiempos = [];
  for (let n = 1; n <= RUNS; n++) {
    const { usable, filas } = await medir(token);
    tiempos.push(usable);
    console.log(`\nPasada ${n}: formulario usable a los ${Math.round(usable)} ms`);
    console.log('  inicio    fin   bytes  recurso');
    for (const f of filas.sort((a, b) => a.inicio - b.inicio)) {
      console.log(`  ${ms(f.inicio)}  ${ms(f.fin)}  ${String(f.bytes).padStart(6)}  ${f.ruta}`);
    }
  }
  const mediana = [...tiempos].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`\nFormulario usable (mediana de ${RUNS}): ${Math.round(mediana)} ms (${tiempos.map(Math.round).join(', ')})`);
} finally {
  await navegador.close();
  await servidor.cerrar();
}
