// The Custom Elements Manifest of the package (custom-elements.json, `customElements` in package.json),
// made by @custom-elements-manifest/analyzer (its Lit plugin) from the element's JSDoc: attributes,
// properties, events with their types, CSS custom properties and parts. `npm run build` writes it;
// tests/paquete/manifiesto.test.ts makes it again and compares it with the committed file.
//
// Two rules of this package on top of the analyzer's output:
// * the public API is what the README documents: the element's reactive properties declared with
//   `@property`, and the events documented with `@fires`. Other members are internal, whether or
//   not TypeScript marks them private, and events found in `dispatchEvent(new XEvent(…))` without
//   a name are the documented ones again: neither is listed.
// * the sources are not shipped: the element, its events and their exports are described as the
//   module a host imports, dist/widget/modificar-usuario-general.js (the package's "." entry).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CARPETA = 'components/modificar-usuario-general';
const FUENTES = ['index.ts', 'modificar-usuario-general.ts', 'eventos.ts'].map((f) => `${CARPETA}/${f}`);
const MODULO = 'dist/widget/modificar-usuario-general.js';
export const ARCHIVO_MANIFIESTO = join(raiz, 'custom-elements.json');

/** Keeps each element's `@property` members and its documented events; one module for the bundle. */
function apiPublica() {
  /** @type {Map<string, Set<string>>} class name → names of its @property members */
  const propiedades = new Map();
  return {
    name: 'api-publica',
    analyzePhase({ node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const nombres = new Set();
      for (const miembro of node.members) {
        const decoradores = ts.canHaveDecorators(miembro) ? (ts.getDecorators(miembro) ?? []) : [];
        const esPropiedad = decoradores.some(
          (d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === 'property',
        );
        if (esPropiedad && miembro.name && ts.isIdentifier(miembro.name)) nombres.add(miembro.name.text);
      }
      propiedades.set(node.name.text, nombres);
    },
    packageLinkPhase({ customElementsManifest: manifiesto }) {
      const declaraciones = manifiesto.modules.flatMap((modulo) => modulo.declarations ?? []);
      const nombres = new Set(declaraciones.map((d) => d.name));
      const exportaciones = [];
      for (const d of declaraciones) {
        // A superclass that is not declared here is the platform's (CustomEvent) or a package's (lit).
        if (d.superclass?.module && !nombres.has(d.superclass.name)) d.superclass = { name: d.superclass.name, module: 'global:' };
        if (!d.customElement) continue;
        const publicas = propiedades.get(d.name) ?? new Set();
        d.members = (d.members ?? []).filter((m) => m.kind === 'field' && publicas.has(m.name));
        d.events = (d.events ?? []).filter((e) => e.name && e.description);
        // Defined with `@definirUnaVez(tag)` (partes.ts), which the analyzer does not know: the tag is the class's `@tag`.
        exportaciones.push({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: MODULO } });
      }
      // What index.ts exports at run time (its type-only exports are in the .d.ts, not here).
      const entrada = manifiesto.modules.find((modulo) => modulo.path === FUENTES[0]);
      for (const e of entrada?.exports ?? []) {
        if (e.kind === 'js' && nombres.has(e.declaration.name)) exportaciones.push({ kind: 'js', name: e.name, declaration: { name: e.declaration.name, module: MODULO } });
      }
      manifiesto.modules = [{ kind: 'javascript-module', path: MODULO, declarations: declaraciones, exports: exportaciones }];
    },
  };
}

/** The manifest as JSON text (what custom-elements.json must hold). */
export function generarManifiesto() {
  const modulos = FUENTES.map((ruta) => ts.createSourceFile(ruta, readFileSync(join(raiz, ruta), 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifiesto = create({ modules: modulos, plugins: [...litPlugin(), apiPublica()] });
  return `${JSON.stringify(manifiesto, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ARCHIVO_MANIFIESTO, generarManifiesto());
  console.log('custom-elements.json: el manifiesto de elementos personalizados.');
}
