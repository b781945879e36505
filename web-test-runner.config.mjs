// Element tests: the real <modificar-usuario-general> in Debian's Chromium, TypeScript served
// through esbuild (.js specifiers of .ts files are resolved by @web/dev-server-esbuild).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
// The package's own plugin (modificar-usuario-general/wtr): tests/components/real/ run against the
// real BFF (dist/server.js), started on demand.
import { bffReal } from './paquete/wtr.mjs';

// WTR_PORT: the test server's port when the default (8000) is taken (two runs on one machine).
const puerto = process.env.WTR_PORT?.trim();
if (puerto && !(/^\d{1,5}$/.test(puerto) && Number(puerto) >= 1 && Number(puerto) <= 65535)) {
  throw new Error(`WTR_PORT = ${JSON.stringify(puerto)}: se admite un número de puerto entre 1 y 65535.`);
}

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default {
  files: ['tests/components/**/*.test.ts'],
  nodeResolve: true,
  // The machine is shared, and pages in background tabs get throttled: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  ...(puerto ? { port: Number(puerto) } : {}),
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), bffReal()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: flags } })],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
