// Debian's Chromium as every test and script launches it (the element suite, the e2e tests, the
// screenshots, the measurements): one path and one set of flags. Plain JavaScript, so that
// web-test-runner.config.mjs and the scripts run by plain node can import it too.

/** Where Debian installs Chromium; no downloaded browser. */
export const RUTA_CHROMIUM = '/usr/bin/chromium';

/** Headless, and none of the background work (updates, sync, network probes) that makes runs vary. */
export const ARGUMENTOS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
