// `npm run test:ejemplos` (part of `npm test`, so of CI): the package as a host gets it. Packs the
// project (`npm pack`, whose prepack is `npm run build`), copies examples/anfitrion-npm to a
// temporary folder outside the repository, installs the tarball there with npm (offline when the
// cache has everything: the example's other packages are the root's devDependencies), then runs the
// example's `npm test`: tsc over its typed HTTP client and its use of the element's types, and its
// web-test-runner test with the fake BFF and the real one. A file missing from the package or a
// broken export fails here. WTR_PORT passes on to the example's test server.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const temporal = mkdtempSync(join(tmpdir(), 'mug-ejemplos-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', temporal], raiz).replace(/^[^[]*/, ''));
  const anfitrion = join(temporal, 'anfitrion');
  cpSync(join(raiz, 'examples/anfitrion-npm'), anfitrion, { recursive: true, filter: (f) => !f.includes('node_modules') });
  const inicio = Date.now();
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(temporal, filename)], anfitrion);
  console.log(`examples/anfitrion-npm: ${filename} instalado en ${((Date.now() - inicio) / 1000).toFixed(0)} s; npm test:`);
  execFileSync('npm', ['test'], { cwd: anfitrion, stdio: 'inherit' });
} finally {
  rmSync(temporal, { recursive: true, force: true });
}
