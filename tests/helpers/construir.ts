// vitest globalSetup: `npm run build` once before the files run, so the tests that start the
// production entry (dist/server.js) or serve the element (dist/widget/) use the current sources.
import { execFileSync } from 'node:child_process';
import { RAIZ } from './e2e-servidor.js';

export default function construir(): void {
  for (const script of ['scripts/build-widget.mjs', 'scripts/build-servidor.mjs']) {
    execFileSync(process.execPath, [script], { cwd: RAIZ, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
