// `npm run build` (scripts/build-widget.mjs) into temp folders: one initial file, lazy parts with
// hashed names, brotli and gzip forms beside each file, and source maps only with `--mapas`.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ejecutar = promisify(execFile);
const SCRIPT = new URL('../../scripts/build-widget.mjs', import.meta.url).pathname;

async function construir(...argumentos: string[]) {
  const carpeta = await mkdtemp(join(tmpdir(), 'mug-build-'));
  const salida = join(carpeta, 'widget');
  const { stdout } = await ejecutar(process.execPath, [SCRIPT, '--salida', salida, ...argumentos]);
  const archivos = await readdir(salida);
  return { carpeta, salida, stdout, archivos, leer: (nombre: string) => readFile(join(salida, nombre)) };
}

describe('the widget build', { timeout: 60_000 }, () => {
  let normal: Awaited<ReturnType<typeof construir>>;
  let conMapas: Awaited<ReturnType<typeof construir>>;
  beforeAll(async () => {
    normal = await construir();
    conMapas = await construir('--mapas');
  }, 60_000);
  afterAll(async () => {
    await rm(normal.carpeta, { recursive: true, force: true });
    await rm(conMapas.carpeta, { recursive: true, force: true });
  });

  /** The entry's imports, as esbuild reads them: static (`import-statement`) or `dynamic-import`. */
  async function importsDeLaEntrada(): Promise<{ path: string; kind: string }[]> {
    const { metafile } = await build({
      entryPoints: [join(normal.salida, 'modificar-usuario-general.js')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      external: ['./*'],
      logLevel: 'silent',
    });
    return Object.values(metafile.inputs)[0]!.imports;
  }

  test('everything the element needs at start is one file, within the brotli budget it prints', async () => {
    // A static import would be a file the browser finds only after parsing the entry.
    expect((await importsDeLaEntrada()).filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
    const linea = /JS inicial: .*, (\d+) bytes en 1 archivo\(s\) \(límite (\d+) bytes\)/.exec(normal.stdout);
    expect(linea, normal.stdout).not.toBeNull();
    expect(Number(linea![1])).toBeLessThanOrEqual(Number(linea![2]));
  });

  test('each lazy part is a hashed file that the entry imports dynamically', async () => {
    const dinamicos = (await importsDeLaEntrada()).map((i) => i.path);
    for (const parte of ['validacion', 'avisos', 'dialogo-baja', 'dialogo-reautenticacion', 'formulario-login', 'actividad-reciente', 'en']) {
      const archivo = normal.archivos.find((a) => new RegExp(`^${parte}\\.[\\w-]{8}\\.js$`).test(a));
      expect(archivo, parte).toBeDefined();
      expect(dinamicos).toContain(`./${archivo}`);
    }
  });

  test('every file has brotli and gzip forms of the same bytes', async () => {
    const js = normal.archivos.filter((a) => a.endsWith('.js'));
    expect(normal.archivos.sort()).toEqual([...js, ...js.map((a) => `${a}.br`), ...js.map((a) => `${a}.gz`)].sort());
    for (const archivo of js) {
      const contenido = await normal.leer(archivo);
      expect(brotliDecompressSync(await normal.leer(`${archivo}.br`)).equals(contenido), archivo).toBe(true);
      expect(gunzipSync(await normal.leer(`${archivo}.gz`)).equals(contenido), archivo).toBe(true);
    }
  });

  test('source maps only with --mapas', async () => {
    expect(normal.archivos.some((a) => a.endsWith('.map'))).toBe(false);
    expect((await normal.leer('modificar-usuario-general.js')).toString().includes('sourceMappingURL')).toBe(false);
    expect(conMapas.stdout).toContain('con mapas de fuentes');
    const entrada = (await conMapas.leer('modificar-usuario-general.js')).toString();
    expect(entrada.includes('//# sourceMappingURL=modificar-usuario-general.js.map')).toBe(true);
    const mapa = JSON.parse((await conMapas.leer('modificar-usuario-general.js.map')).toString()) as { sources: string[] };
    expect(mapa.sources.some((f) => f.endsWith('/components/modificar-usuario-general/modificar-usuario-general.ts'))).toBe(true);
  });
});
