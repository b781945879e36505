// Element tests: the real <modificar-usuario-general> in Debian's Chromium, or in Debian's Firefox
// ESR with WTR_NAVEGADOR=firefox (WebDriver BiDi through puppeteer-core), or in WebKitGTK with
// WTR_NAVEGADOR=webkit (tests/components/webkit.mjs, under xvfb-run). No downloaded browser.
// TypeScript is served through esbuild (.js specifiers of .ts files are resolved by
// @web/dev-server-esbuild). WTR_PORT: the runner's port (default 8000).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { webkitLauncher } from './tests/components/webkit.mjs';
// The package's own plugin (modificar-usuario-general/wtr): tests/components/real/ run against the
// real BFF (dist/server.js), started on demand.
import { bffReal } from './paquete/wtr.mjs';
import { ARGUMENTOS_CHROMIUM, RUTA_CHROMIUM } from './tests/helpers/chromium.mjs';

// @web/test-runner-chrome 0.18 calls browser.isConnected(), which puppeteer-core 25 replaced by
// the `connected` property.
const puppeteerFirefox = {
  async launch(opciones) {
    const navegador = await puppeteer.launch(opciones);
    navegador.isConnected ??= () => navegador.connected;
    return navegador;
  },
};

// Firefox leaves a reused page without the window's focus after some files: keyboard focus and
// :focus-visible then stop working. Each test file brings its page to the front first (ayuda.ts).
const alFrente = {
  name: 'al-frente',
  async executeCommand({ command, session }) {
    if (command !== 'al-frente') return undefined;
    // Only the puppeteer launchers have pages; WebKit's single window is always in front.
    await session.browser.getPage?.(session.id).bringToFront();
    return true;
  },
};

const NAVEGADORES = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: RUTA_CHROMIUM, headless: true, args: ARGUMENTOS_CHROMIUM } }),
  firefox: () =>
    chromeLauncher({ puppeteer: puppeteerFirefox, launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true } }),
  webkit: () => webkitLauncher(),
};
/** A bad variable stops the run with one line, as the BFF's configuration does. */
function detener(mensaje) {
  console.error(mensaje);
  process.exit(1);
}

const navegador = process.env.WTR_NAVEGADOR || 'chromium';
if (!(navegador in NAVEGADORES)) detener(`WTR_NAVEGADOR debe ser chromium, firefox o webkit, no «${navegador}»`);
if (navegador === 'webkit' && !process.env.DISPLAY) detener('WTR_NAVEGADOR=webkit necesita una pantalla: ejecútelo con xvfb-run (npm run test:webkit)');
const textoPuerto = process.env.WTR_PORT?.trim();
const puerto = textoPuerto ? Number(textoPuerto) : undefined;
if (textoPuerto && !(/^\d{1,5}$/.test(textoPuerto) && puerto >= 1 && puerto <= 65535)) {
  detener(`WTR_PORT debe ser un puerto (1–65535), no «${textoPuerto}»`);
}

export default {
  ...(puerto ? { port: puerto } : {}),
  files: ['tests/components/**/*.test.ts'],
  nodeResolve: true,
  // The machine is shared, and pages in background tabs get throttled: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), bffReal(), alFrente],
  browsers: [NAVEGADORES[navegador]()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
