// Bundles <modificar-usuario-general> into dist/widget/: one ES module entry plus lazy chunks
// (the English locale, the zxcvbn password policy). The BFF serves this folder at /widget/.
// Prints the gzip size of the entry, of what it loads at start, and of each chunk.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const salida = join(raiz, 'dist/widget');
const LIMITE_INICIAL = 30 * 1024;

rmSync(salida, { recursive: true, force: true });
const resultado = await build({
  absWorkingDir: raiz,
  entryPoints: { 'modificar-usuario-general': 'components/modificar-usuario-general/modificar-usuario-general.ts' },
  outdir: salida,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: 'linked',
  target: 'es2022',
  chunkNames: '[name]-[hash]',
  tsconfig: join(raiz, 'tsconfig.json'),
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (archivo) => gzipSync(readFileSync(join(raiz, archivo))).length;
const salidas = Object.entries(resultado.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const entrada = salidas.find(([, o]) => o.entryPoint);
if (!entrada) throw new Error('esbuild no produjo la entrada');

// What the browser must download before the element can render: the entry and its static imports.
const iniciales = new Set();
const visitar = (archivo) => {
  if (iniciales.has(archivo)) return;
  iniciales.add(archivo);
  for (const i of resultado.metafile.outputs[archivo].imports) if (i.kind === 'import-statement') visitar(i.path);
};
visitar(entrada[0]);

console.log('dist/widget/ (gzip):');
for (const [archivo, o] of salidas) {
  const tipo = archivo === entrada[0] ? 'entrada' : iniciales.has(archivo) ? 'inicial' : 'diferido';
  console.log(`  ${basename(archivo).padEnd(40)} ${kb(gz(archivo)).padStart(9)} gzip  ${kb(o.bytes).padStart(9)} min  ${tipo}`);
}
const inicial = [...iniciales].reduce((s, f) => s + gz(f), 0);
console.log(`JS inicial: ${kb(inicial)} gzip (límite ${kb(LIMITE_INICIAL)})`);
if (inicial > LIMITE_INICIAL) {
  console.error('El JS inicial supera el límite de 30 KB gzip.');
  process.exit(1);
}
