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
// Issue 4: initial JS ≤ 30 KB gzip, read strictly as 30 000 bytes.
const LIMITE_INICIAL = 30_000;

// Lit's css`` templates keep their source whitespace and comments; collapsing them saves ~0.8 KB
// gzip of the initial budget. Only css`` literals of the element are touched (never html`` or
// msg() strings, whose text is the localization key), and none of them holds CSS strings.
const cssCompacto = {
  name: 'css-compacto',
  setup(b) {
    b.onLoad({ filter: /[\\/]components[\\/].*\.ts$/ }, ({ path }) => ({
      loader: 'ts',
      contents: readFileSync(path, 'utf8').replace(
        /css`([^`]*)`/g,
        (_, cuerpo) =>
          `css\`${cuerpo
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .trim()}\``,
      ),
    }));
  },
};

rmSync(salida, { recursive: true, force: true });
const ENTRADA = 'components/modificar-usuario-general/modificar-usuario-general.ts';
const resultado = await build({
  absWorkingDir: raiz,
  entryPoints: { 'modificar-usuario-general': ENTRADA },
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
  plugins: [cssCompacto],
  metafile: true,
  logLevel: 'warning',
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (archivo) => gzipSync(readFileSync(join(raiz, archivo))).length;
const salidas = Object.entries(resultado.metafile.outputs).filter(([f]) => f.endsWith('.js'));
// Lazy chunks of dynamic imports carry an `entryPoint` too: the entry is the one of ENTRADA.
const entrada = salidas.find(([, o]) => o.entryPoint === ENTRADA);
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
console.log(`JS inicial: ${kb(inicial)} gzip, ${inicial} bytes (límite ${LIMITE_INICIAL} bytes)`);
if (inicial > LIMITE_INICIAL) {
  console.error('El JS inicial supera el límite de 30 KB gzip.');
  process.exit(1);
}
