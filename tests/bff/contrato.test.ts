import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CONTRATO = fileURLToPath(new URL('../../contract/', import.meta.url));
const RAIZ = fileURLToPath(new URL('../../', import.meta.url));

/** Every module of contract/, bundled for the browser as the element bundles it. */
async function empaquetar() {
  const modulos = (await readdir(CONTRATO)).filter((nombre) => nombre.endsWith('.ts')).map((nombre) => `${CONTRATO}${nombre}`);
  return build({
    entryPoints: modulos,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    outdir: 'sin-uso',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

describe('contract/: what the element and the BFF share', () => {
  it('bundles for the browser (no Node import) and reads only its own files and packages, never bff/ or components/', async () => {
    const resultado = await empaquetar();
    expect(resultado.errors).toEqual([]);
    const ajenos = Object.keys(resultado.metafile.inputs)
      .map((entrada) => relative(RAIZ, entrada))
      .filter((entrada) => !entrada.startsWith('contract/') && !entrada.startsWith('node_modules/'));
    expect(ajenos).toEqual([]);
  });

  it('keeps the password dictionaries out of the policy module: they load on first use', async () => {
    const resultado = await empaquetar();
    const salidas = Object.values(resultado.metafile.outputs);
    const conDiccionario = (salida: (typeof salidas)[number]) =>
      Object.keys(salida.inputs).some((entrada) => entrada.includes('@zxcvbn-ts/language-'));
    const politica = salidas.find((salida) => salida.entryPoint?.endsWith('contract/contrasena.ts'));
    expect(politica && conDiccionario(politica)).toBe(false);
    expect(salidas.some(conDiccionario)).toBe(true);
  });
});
