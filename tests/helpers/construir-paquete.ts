// vitest globalSetup of the `paquete` project: the whole package (`npm run build`), whose files
// tests/paquete/ check: dist/tipos/, dist/paquete/, dist/openapi.json, custom-elements.json.
import { execFileSync } from 'node:child_process';
import { RAIZ } from './e2e-servidor.js';

export default function construirPaquete(): void {
  for (const script of ['scripts/build-widget.mjs', 'scripts/build-servidor.mjs', 'scripts/build-paquete.mjs']) {
    execFileSync(process.execPath, [script], { cwd: RAIZ, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
