// custom-elements.json: made by the analyzer from the element's JSDoc, committed, and current.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAIZ } from '../helpers/e2e-servidor.js';
// @ts-expect-error: a build script in plain JavaScript, without declarations.
import { generarManifiesto } from '../../scripts/manifiesto.mjs';

const CARPETA = join(RAIZ, 'components/modificar-usuario-general');
const temporal = mkdtempSync(join(tmpdir(), 'mug-manifiesto-'));
afterAll(() => rmSync(temporal, { recursive: true, force: true }));

interface Nombrado {
  name: string;
  description?: string;
  type?: { text: string };
  attribute?: string;
}
interface Elemento {
  tagName: string;
  members: Nombrado[];
  attributes: Nombrado[];
  events: Nombrado[];
  cssProperties: Nombrado[];
  cssParts: Nombrado[];
  slots?: Nombrado[];
}

const regenerado = () => {
  const ruta = join(temporal, 'custom-elements.json');
  writeFileSync(ruta, generarManifiesto() as string);
  return readFileSync(ruta, 'utf8');
};
const elemento = (texto: string): Elemento =>
  JSON.parse(texto).modules.flatMap((m: { declarations: unknown[] }) => m.declarations).find((d: { customElement?: boolean }) => d.customElement);
const fuentes = () =>
  readdirSync(CARPETA)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(CARPETA, f), 'utf8'))
    .join('\n');
const nombres = (lista: Nombrado[]) => lista.map((x) => x.name).sort();

describe('custom-elements.json', () => {
  it('is the one the analyzer makes from the sources now, as committed (npm run build, then commit it)', () => {
    const comprometido = execFileSync('git', ['show', 'HEAD:custom-elements.json'], { cwd: RAIZ, encoding: 'utf8' });
    expect(regenerado()).toBe(comprometido);
  });

  it('is the package.json `customElements` and an export', () => {
    const paquete = JSON.parse(readFileSync(join(RAIZ, 'package.json'), 'utf8'));
    expect(paquete.customElements).toBe('custom-elements.json');
    expect(paquete.exports['./custom-elements.json']).toBe('./custom-elements.json');
  });

  it('describes every part the element exposes, every CSS custom property it reads, every event and attribute, each with a description', () => {
    const el = elemento(regenerado());
    expect(el.tagName).toBe('modificar-usuario-general');
    const codigo = fuentes();
    const partes = new Set([...codigo.matchAll(/\b(?:export)?parts?="([^"$]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
    expect(nombres(el.cssParts)).toEqual([...partes].sort());
    const propiedadesCss = new Set([...codigo.matchAll(/var\((--mug-[a-z-]+)/g)].map((m) => m[1]!));
    expect(nombres(el.cssProperties)).toEqual([...propiedadesCss].sort());
    const eventos = readFileSync(join(CARPETA, 'eventos.ts'), 'utf8');
    const mapa = /interface GlobalEventHandlersEventMap \{([^}]*)\}/.exec(eventos)![1]!;
    const declarados = [...mapa.matchAll(/'([a-z-]+)': (\w+);/g)].map((m) => ({ name: m[1]!, type: { text: m[2]! } }));
    expect(el.events.map(({ name, type }) => ({ name, type })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      declarados.sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(el.events.every((e) => /`detail`: `\w+`/.test(e.description ?? ''))).toBe(true);
    expect(nombres(el.attributes)).toEqual(['api-base', 'lang']);
    expect(nombres(el.members)).toEqual(['apiBase', 'lang', 'token']);
    expect(el.slots ?? []).toEqual([]);
    for (const x of [...el.cssParts, ...el.cssProperties, ...el.events, ...el.attributes, ...el.members]) {
      expect(x.description, x.name).toMatch(/\S/);
    }
  });

  it('lists only the public API: internal state and methods of the class are not in it', () => {
    const el = elemento(regenerado());
    expect(el.members.map((m) => m.name)).not.toContain('estado');
    expect(el.members.map((m) => m.name)).not.toContain('cargar');
  });
});
