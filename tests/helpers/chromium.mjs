// Debian's Chromium, for everything here that starts it itself: the element tests
// (web-test-runner.config.mjs, through puppeteer), the end-to-end tests and the screenshot and
// measurement scripts (through playwright-core). One path and one list of flags.
import { chromium } from 'playwright-core';

/** Debian's package; nothing is downloaded. */
export const RUTA_CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (it runs in containers), and nothing in the background that reaches the network. */
export const ARGUMENTOS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts it with playwright-core. `extra`: more flags; `ruta`: another executable (Lighthouse's
 * CHROME_PATH).
 * @param {{ extra?: string[], ruta?: string }} [opciones]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function lanzarChromium({ extra = [], ruta = RUTA_CHROMIUM } = {}) {
  return chromium.launch({ executablePath: ruta, args: [...ARGUMENTOS_CHROMIUM, ...extra] });
}
