// What the installable package adds to dist/widget/ and dist/server.js (package.json `exports`,
// docs/integracion.md):
// * dist/tipos/: the .d.ts of the element, ./testing and ./wtr (tsc with tsconfig.paquete.json);
// * dist/paquete/testing.js: the browser helpers (paquete/testing.ts), plain JavaScript;
// * dist/openapi.json, the document GET /api/openapi.json serves, and dist/tipos/api-http.d.ts, its
//   types made by openapi-typescript, for hosts that call the HTTP API themselves;
// * custom-elements.json, the manifest (scripts/manifiesto.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import openapiTS, { astToString } from 'openapi-typescript';
import { tsImport } from 'tsx/esm/api';
import { ARCHIVO_MANIFIESTO, generarManifiesto } from './manifiesto.mjs';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(raiz, 'dist');

rmSync(join(dist, 'tipos'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(raiz, 'tsconfig.paquete.json')], { cwd: raiz, stdio: 'inherit' });

await build({
  absWorkingDir: raiz,
  entryPoints: ['paquete/testing.ts'],
  outfile: join(dist, 'paquete/testing.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  tsconfig: join(raiz, 'tsconfig.json'),
  logLevel: 'warning',
});

/** @type {{ documentoOpenApi: () => object }} */
const { documentoOpenApi } = await tsImport('../bff/routes/openapi.ts', import.meta.url);
const documento = documentoOpenApi();
writeFileSync(join(dist, 'openapi.json'), `${JSON.stringify(documento, null, 2)}\n`);
const tipos = astToString(await openapiTS(/** @type {any} */ (documento)));
mkdirSync(join(dist, 'tipos'), { recursive: true });
writeFileSync(
  join(dist, 'tipos/api-http.d.ts'),
  `// The HTTP API of the BFF (dist/openapi.json), made by openapi-typescript: \`import type { paths } from 'modificar-usuario-general/api-http'\`.\n${tipos}`,
);

writeFileSync(ARCHIVO_MANIFIESTO, generarManifiesto());
console.log('dist/tipos/, dist/paquete/, dist/openapi.json y custom-elements.json: el paquete instalable.');
