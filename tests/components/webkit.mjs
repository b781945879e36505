// A @web/test-runner launcher for WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver driving
// MiniBrowser), the Safari-like engine the machines can run. Classic WebDriver over HTTP, one
// window, one test file at a time. MiniBrowser has no headless mode: run under a display
// (xvfb-run). @web/test-runner-commands drives a "webdriver" launcher with `press` and `type`
// only; this one offers the page object it uses for puppeteer instead (keyboard down/up, mouse),
// made of WebDriver actions, so the keyboard and mouse tests run as they are.
import { spawn } from 'node:child_process';
import { puertoLibre } from '../helpers/puerto.mjs';

const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebDriver key codes of the key names the tests press. */
const TECLAS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Shift: '\uE008',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};
const tecla = (nombre) => TECLAS[nombre] ?? nombre;

export function webkitLauncher() {
  let proceso;
  let base = '';
  let sesion = '';
  let url = '';
  const activas = new Set();

  async function pedir(metodo, ruta, cuerpo) {
    const r = await fetch(`${base}${ruta}`, {
      method: metodo,
      headers: { 'Content-Type': 'application/json' },
      body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
    });
    const { value } = await r.json();
    if (!r.ok) throw new Error(`WebKitWebDriver ${metodo} ${ruta}: ${JSON.stringify(value)}`);
    return value;
  }

  let arranque;

  /** One WebDriver actions call; key and pointer state persist between calls, as in a real page. */
  const actuar = (fuente) => pedir('POST', `/session/${sesion}/actions`, { actions: [fuente] });
  const teclas = (acciones) => actuar({ type: 'key', id: 'teclado', actions: acciones });
  const puntero = (acciones) => actuar({ type: 'pointer', id: 'raton', parameters: { pointerType: 'mouse' }, actions: acciones });

  /** What @web/test-runner-commands calls on a puppeteer page. */
  const pagina = {
    bringToFront: async () => undefined,
    keyboard: {
      down: (k) => teclas([{ type: 'keyDown', value: tecla(k) }]),
      up: (k) => teclas([{ type: 'keyUp', value: tecla(k) }]),
      press: (k) => teclas([{ type: 'keyDown', value: tecla(k) }, { type: 'keyUp', value: tecla(k) }]),
      type: (texto) => teclas([...texto].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }])),
    },
    mouse: {
      move: (x, y) => puntero([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }]),
      down: () => puntero([{ type: 'pointerDown', button: 0 }]),
      up: () => puntero([{ type: 'pointerUp', button: 0 }]),
      click: async (x, y) => {
        await pagina.mouse.move(x, y);
        await puntero([{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]);
      },
      reset: () => pedir('DELETE', `/session/${sesion}/actions`),
    },
  };

  /** The driver and its browser, started with the first test file. */
  async function arrancar() {
    const puerto = await puertoLibre();
    base = `http://127.0.0.1:${puerto}`;
    proceso = spawn(DRIVER, [`--port=${puerto}`], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await pedir('GET', '/status')).ready) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const { sessionId } = await pedir('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    sesion = sessionId;
  }

  return {
    name: 'WebKit',
    type: 'puppeteer',
    async initialize() {},
    async stop() {
      try {
        if (sesion) await pedir('DELETE', `/session/${sesion}`);
      } finally {
        proceso?.kill();
      }
    },
    async startSession(id, direccion) {
      await (arranque ??= arrancar());
      activas.add(id);
      url = direccion;
      await pedir('POST', `/session/${sesion}/url`, { url: direccion });
    },
    isActive: (id) => activas.has(id),
    getBrowserUrl: () => url,
    async startDebugSession() {
      throw new Error('WebKit: sin sesión de depuración');
    },
    async stopSession(id) {
      activas.delete(id);
      await pedir('POST', `/session/${sesion}/url`, { url: 'about:blank' });
      return {};
    },
    getPage: () => pagina,
  };
}
