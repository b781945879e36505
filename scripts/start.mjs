// `npm start`: builds the element (esbuild, well under a second, so a pulled change is never served
// stale), then runs the demo: the BFF composed with the portal and the third party's page
// (demo/server.ts, TypeScript via tsx).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const construir = join(raiz, 'scripts/build-widget.mjs');

const { status } = spawnSync(process.execPath, [construir], { cwd: raiz, stdio: 'inherit' });
if (status !== 0) process.exit(status ?? 1);

register();
await import(pathToFileURL(join(raiz, 'demo/server.ts')).href);
