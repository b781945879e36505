// `npm run bench:lighthouse`: Lighthouse (mobile, its default: simulated slow 4G and a 4× slower
// CPU) on the portal's element page, RUNS times. Starts the real server (free loopback ports, temp
// libSQL file, demo users), logs `tmacay` in through the API (the session cookie goes as an extra
// header), and runs Lighthouse in Debian's Chromium (CHROME_PATH, by default /usr/bin/chromium).
// Prints, per run and as the median, the performance score, the cumulative layout shift and the
// metrics behind the score. It prints figures; it is not a test. Run through tsx.
import lighthouse from 'lighthouse';
import { lanzarChromium } from '../tests/helpers/chromium.mjs';
import { arrancarServidor, iniciarSesionApi } from '../tests/helpers/e2e-pasos.ts';
import { puertoLibre } from '../tests/helpers/puerto.mjs';

const RUNS = 3;
const RUTA = '/portal/3.2.3/usuario-general';
const METRICAS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'];

const servidor = await arrancarServidor();
const puerto = await puertoLibre();
const navegador = await lanzarChromium({ ruta: process.env.CHROME_PATH || undefined, extra: [`--remote-debugging-port=${puerto}`] });

/** One Lighthouse run; a trace that came out broken (it happens on a busy machine) is run again. */
async function pasada(token, intentos = 3) {
  for (let intento = 1; ; intento++) {
    const r = await lighthouse(`${servidor.url}${RUTA}`, {
      port: puerto,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: `mug_sesion=${token}` },
    });
    const error = r ? r.lhr.runtimeError : { message: 'sin resultados' };
    if (!error) return r.lhr;
    if (intento === intentos) throw new Error(`Lighthouse: ${error.message}`);
    console.log(`(Lighthouse: ${error.message}; se repite la pasada)`);
  }
}
const mediana = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const token = await iniciarSesionApi(servidor, 'tmacay');
  const resultados = [];
  let version = '';
  for (let n = 1; n <= RUNS; n++) {
    const lhr = await pasada(token);
    version = lhr.lighthouseVersion;
    const fila = {
      puntaje: Math.round((lhr.categories.performance.score ?? 0) * 100),
      ...Object.fromEntries(METRICAS.map((m) => [m, lhr.audits[m].numericValue ?? NaN])),
    };
    resultados.push(fila);
    console.log(
      `Pasada ${n}: rendimiento ${fila.puntaje}, CLS ${fila['cumulative-layout-shift'].toFixed(3)} · ` +
        METRICAS.slice(0, 4).map((m) => `${lhr.audits[m].title} ${Math.round(fila[m])} ms`).join(' · '),
    );
  }
  console.log(
    `\nLighthouse ${version} móvil (mediana de ${RUNS}): rendimiento ${mediana(resultados.map((r) => r.puntaje))}, ` +
      `CLS ${mediana(resultados.map((r) => r['cumulative-layout-shift'])).toFixed(3)}, ` +
      `LCP ${Math.round(mediana(resultados.map((r) => r['largest-contentful-paint'])))} ms`,
  );
} finally {
  await navegador.close();
  await servidor.cerrar();
}
