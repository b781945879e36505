// Bundles the production entry (bff/server.ts) into dist/server.js for `npm run serve`: plain
// JavaScript for Node 20, no tsx at run time. Packages stay external (imported from node_modules,
// all of them in "dependencies"); the catalogs are inlined; the SQL migrations are copied to
// dist/migraciones/, where bff/db/migrar.ts looks for them once bundled.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const salida = join(raiz, 'dist');

await build({
  absWorkingDir: raiz,
  entryPoints: ['bff/server.ts'],
  outfile: join(salida, 'server.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  tsconfig: join(raiz, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});
rmSync(join(salida, 'migraciones'), { recursive: true, force: true });
cpSync(join(raiz, 'bff/db/migraciones'), join(salida, 'migraciones'), { recursive: true });
console.log('dist/server.js y dist/migraciones/: el BFF de producción (npm run serve).');
