// The server's Spanish texts (contract/codigos.ts, which the BFF puts in `errores[].mensaje`) and
// the element's own (lib/mensajes.ts and lib/textos-error.ts, es and en) must name the same things: a
// field the server labels and a field/code pair it explains precisely have a label and a precise
// text in the element too.
import { expect } from '@open-wc/testing';
import { CODIGOS_CAMPO, ETIQUETAS, TEXTOS_CAMPO, type CodigoCampo } from '../../contract/codigos.js';
import { setLocale } from '../../components/modificar-usuario-general/localization.js';
import { etiqueta } from '../../components/modificar-usuario-general/lib/mensajes.js';
import { textoError } from '../../components/modificar-usuario-general/lib/textos-error.js';

/** What the element says for a code on a field it has no precise text for. */
const generico = (codigo: string) => textoError('campo-sin-texto-propio', codigo);
const PARES = Object.keys(TEXTOS_CAMPO).map((clave) => clave.split(':') as [string, CodigoCampo]);

describe("the server's texts are in the element too (es and en)", () => {
  after(() => setLocale('es'));

  for (const idioma of ['es', 'en'] as const) {
    it(`${idioma}: every field the server labels has a label`, async () => {
      await setLocale(idioma);
      expect(Object.keys(ETIQUETAS).filter((campo) => etiqueta(campo) === campo)).to.deep.equal([]);
    });

    it(`${idioma}: every field code has its own text, not the unknown code's`, async () => {
      await setLocale(idioma);
      expect(CODIGOS_CAMPO.filter((codigo) => generico(codigo) === generico('CODIGO_DESCONOCIDO'))).to.deep.equal([]);
    });

    it(`${idioma}: every field:code pair with its own text on the server has one in the element`, async () => {
      await setLocale(idioma);
      const genericos = PARES.filter(([campo, codigo]) => textoError(campo, codigo) === generico(codigo));
      expect(genericos.map((par) => par.join(':'))).to.deep.equal([]);
    });
  }

  // One-word labels may read the same in both languages (Fax); a sentence may not.
  it('en: none of those sentences is left in Spanish', async () => {
    await setLocale('es');
    const enEspanol = [
      ...Object.keys(ETIQUETAS).map((campo) => etiqueta(campo)),
      ...PARES.map(([campo, codigo]) => textoError(campo, codigo)),
      ...CODIGOS_CAMPO.map(generico),
    ];
    await setLocale('en');
    const enIngles = [
      ...Object.keys(ETIQUETAS).map((campo) => etiqueta(campo)),
      ...PARES.map(([campo, codigo]) => textoError(campo, codigo)),
      ...CODIGOS_CAMPO.map(generico),
    ];
    expect(enIngles.filter((texto, i) => texto === enEspanol[i] && texto.includes(' '))).to.deep.equal([]);
  });
});
