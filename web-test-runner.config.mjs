// Element tests: the real <modificar-usuario-general> in Debian's Chromium, TypeScript served
// through esbuild (.js specifiers of .ts files are resolved by @web/dev-server-esbuild).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { bffReal } from './tests/components/real/servidor-bff.mjs';

// tests/components/real/ run against the real BFF, started on demand (see servidor-bff.mjs).
const bff = bffReal();

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
  middleware: [bff.middleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), bff.plugin],
  browsers: [chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: flags } })],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
