// What `npm pack` puts in the tarball: every `exports` target, what the real BFF needs to run from
// it, and nothing else (no sources, tests, demo or data).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAIZ } from '../helpers/e2e-servidor.js';

const paquete = JSON.parse(readFileSync(join(RAIZ, 'package.json'), 'utf8'));
const [empaquetado] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: RAIZ, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
) as [{ files: { path: string }[]; unpackedSize: number }];
const archivos = new Set(empaquetado.files.map((f) => f.path));

/** Every file named in `exports` (a target, or each condition of one). */
function destinos(valor: unknown): string[] {
  if (typeof valor === 'string') return [valor.replace(/^\.\//, '')];
  return Object.values(valor as Record<string, unknown>).flatMap(destinos);
}

describe('npm pack', () => {
  it('ships every file that `exports`, `types` and `customElements` name', () => {
    const nombrados = [...destinos(paquete.exports), paquete.types.replace(/^\.\//, ''), paquete.customElements];
    const faltan = nombrados.filter((f) => !archivos.has(f));
    expect(faltan).toEqual([]);
  });

  it('ships what the ./wtr plugin runs: the production bundle, its migrations, the widget it serves, the watchdog', () => {
    for (const f of ['dist/server.js', 'paquete/vigilar-padre.mjs', 'dist/widget/modificar-usuario-general.js', 'dist/widget/modificar-usuario-general.js.br']) {
      expect(archivos.has(f), f).toBe(true);
    }
    expect([...archivos].some((f) => /^dist\/migraciones\/\d+.*\.sql$/.test(f))).toBe(true);
    // Every lazy part of the element, with its precompressed forms.
    const partes = [...archivos].filter((f) => /^dist\/widget\/.+\.js$/.test(f));
    expect(partes.length).toBeGreaterThan(5);
    for (const f of partes) expect(archivos.has(`${f}.br`) && archivos.has(`${f}.gz`), f).toBe(true);
  });

  it('ships the declarations that the entries import, and nothing a host does not need', () => {
    // The element's declarations import the shared contract's: they must travel too.
    expect(archivos.has('dist/tipos/components/modificar-usuario-general/modificar-usuario-general.d.ts')).toBe(true);
    const fuera = [...archivos].filter(
      (f) => !/^(dist\/(widget|migraciones|tipos|paquete)\/|dist\/(server\.js|openapi\.json)$|paquete\/(wtr|vigilar-padre)\.mjs$|docs\/|custom-elements\.json$|package\.json$|README\.md$)/.test(f),
    );
    expect(fuera).toEqual([]);
    expect([...archivos].some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.d.mts'))).toBe(false);
    expect(empaquetado.unpackedSize).toBeLessThan(5_000_000);
  });

  it('is installable: not private, with a license, Node 20 and web-test-runner as an optional peer', () => {
    expect(paquete.private).toBeUndefined();
    expect(paquete.license).toBe('UNLICENSED');
    expect(paquete.engines.node).toBe('>=20');
    expect(paquete.peerDependenciesMeta['@web/test-runner'].optional).toBe(true);
    // What dist/server.js imports at run time is a dependency, not a devDependency.
    const servidor = readFileSync(join(RAIZ, 'dist/server.js'), 'utf8');
    const paquetes = new Set([...servidor.matchAll(/from\s*"((?:@[^/"]+\/)?[^/"]+)[^"]*"/g)].map((m) => m[1]!).filter((p) => !p.startsWith('node:')));
    expect([...paquetes].filter((p) => !(p in paquete.dependencies))).toEqual([]);
  });
});
