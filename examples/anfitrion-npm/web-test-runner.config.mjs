// The host's tests: its page in Chromium, with the package's fake BFF (in the browser) or its real
// BFF, started by the package's plugin on a temporary database with the demo users.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { bffReal } from 'modificar-usuario-general/wtr';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  plugins: [esbuildPlugin({ ts: true }), bffReal()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
