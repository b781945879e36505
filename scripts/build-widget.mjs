// Bundles <modificar-usuario-general> into dist/widget/, which the BFF serves at /widget/.
//
// 1. esbuild compiles (TypeScript, decorators, the css`` compaction below), bundles, splits at each
//    import() and minifies, into a scratch folder.
// 2. Rollup regroups esbuild's files: everything the element needs at start becomes ONE file, the
//    entry (esbuild would leave shared chunks that the browser discovers only after parsing the
//    entry), and each lazy part (English, the zxcvbn policy, validation, the messages, the baja,
//    re-authentication and 412 dialogs, the built-in login, the activity panel, the new password's
//    checklist, the security code's countdown) is a `name.hash.js` file that imports from the entry. Hashed names never change content: the BFF serves them `immutable`.
// 3. Every file is precompressed (brotli and gzip, node:zlib) for the BFF to serve as is.
//
// Prints each file's brotli size and fails when the initial JS (the entry and anything it imports
// statically) exceeds LIMITE_INICIAL bytes of brotli. Source maps: only with `--mapas`
// (`npm run build:mapas`, for development); the default build emits none, so none is served.
// `--salida DIR` builds into another folder (the tests do).
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opciones } = parseArgs({ options: { mapas: { type: 'boolean', default: false }, salida: { type: 'string' } } });
const salida = resolve(opciones.salida ?? join(raiz, 'dist/widget'));
const intermedia = mkdtempSync(join(tmpdir(), 'mug-widget-esbuild-'));
const ENTRADA = 'modificar-usuario-general';
const mapas = opciones.mapas;
// Issue 10: the initial JS transferred from the BFF ≤ 22 000 bytes; about 1 000 of them go to the
// HTTP response headers, so the file itself (brotli) gets 21 000.
const LIMITE_INICIAL = 21_000;

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
            .replace(/:\s+/g, ':')
            .trim()}\``,
      ),
    }));
  },
};

rmSync(salida, { recursive: true, force: true });
await build({
  absWorkingDir: raiz,
  entryPoints: { [ENTRADA]: 'components/modificar-usuario-general/index.ts' },
  outdir: intermedia,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: mapas ? 'external' : false,
  target: 'es2022',
  chunkNames: '[name]-[hash]',
  tsconfig: join(raiz, 'tsconfig.json'),
  legalComments: 'none',
  plugins: [cssCompacto],
  logLevel: 'warning',
});

/** esbuild's files with their maps (so Rollup chains them); each chunk minified again at the end. */
const deEsbuild = {
  name: 'de-esbuild',
  load(id) {
    if (!mapas) return null;
    return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
  },
  async renderChunk(codigo) {
    const r = await transform(codigo, { minify: true, format: 'esm', target: 'es2022', sourcemap: mapas, legalComments: 'none' });
    return { code: r.code, map: mapas ? r.map : null };
  },
};
const paquete = await rollup({
  input: { [ENTRADA]: join(intermedia, `${ENTRADA}.js`) },
  // Lets Rollup add to the entry the exports the lazy parts import from it, instead of a facade.
  preserveEntrySignatures: 'allow-extension',
  plugins: [deEsbuild],
  onwarn(aviso, avisar) {
    if (aviso.code !== 'CIRCULAR_DEPENDENCY') avisar(aviso);
  },
});
const { output } = await paquete.write({
  dir: salida,
  format: 'es',
  entryFileNames: '[name].js',
  // esbuild's own hash (`-XXXXXXXX`) goes; Rollup's is of the final content.
  chunkFileNames: ({ name }) => `${name.replace(/-[A-Z0-9]{8}$/, '')}.[hash].js`,
  sourcemap: mapas,
});
await paquete.close();
rmSync(intermedia, { recursive: true, force: true });

const archivos = output.filter((o) => o.type === 'chunk');
// Brotli's best quality; for the zxcvbn dictionaries (hundreds of KB, fetched only while a new
// password is typed) quality 9 is 5 % larger and takes a tenth of the time.
const brotli = (contenido) =>
  brotliCompressSync(contenido, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: contenido.length > 200_000 ? 9 : 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: contenido.length,
    },
  });
const tamanos = new Map();
for (const { fileName } of archivos) {
  const contenido = readFileSync(join(salida, fileName));
  const br = brotli(contenido);
  writeFileSync(join(salida, `${fileName}.br`), br);
  writeFileSync(join(salida, `${fileName}.gz`), gzipSync(contenido, { level: 9 }));
  tamanos.set(fileName, { min: contenido.length, br: br.length });
}

// What the browser must download before the element can render: the entry and its static imports.
const iniciales = new Set();
const visitar = (nombre) => {
  if (iniciales.has(nombre)) return;
  iniciales.add(nombre);
  for (const i of archivos.find((a) => a.fileName === nombre).imports) visitar(i);
};
visitar(`${ENTRADA}.js`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${relative(raiz, salida) || '.'}/ (brotli; ${mapas ? 'con' : 'sin'} mapas de fuentes):`);
for (const [nombre, { min, br }] of tamanos) {
  const tipo = nombre === `${ENTRADA}.js` ? 'entrada' : iniciales.has(nombre) ? 'inicial' : 'diferido';
  console.log(`  ${nombre.padEnd(40)} ${kb(br).padStart(9)} br  ${kb(min).padStart(9)} min  ${tipo}`);
}
const inicial = [...iniciales].reduce((s, f) => s + tamanos.get(f).br, 0);
console.log(`JS inicial: ${kb(inicial)} brotli, ${inicial} bytes en ${iniciales.size} archivo(s) (límite ${LIMITE_INICIAL} bytes)`);
if (inicial > LIMITE_INICIAL) {
  console.error(`El JS inicial supera el límite de ${LIMITE_INICIAL} bytes brotli.`);
  process.exit(1);
}
