// The server's Spanish texts (contract/codigos.ts, which the BFF puts in `errores[].mensaje`) and
// the element's own (lib/mensajes.ts and lib/textos-error.ts, es and en) must name the same things
// and say the same: a field the server labels and a field/code pair it explains precisely have a
// label and a precise text in the element too, with the server's wording (or, for the few the
// element words its own way, the same figures).
import { expect } from '@open-wc/testing';
import { CODIGOS_CAMPO, ETIQUETAS, mensajeCampo, TEXTOS_CAMPO, type CampoConEtiqueta, type CodigoCampo } from '../../contract/codigos.js';
import { setLocale } from '../../components/modificar-usuario-general/localization.js';
import { etiqueta } from '../../components/modificar-usuario-general/lib/mensajes.js';
import { textoError } from '../../components/modificar-usuario-general/lib/textos-error.js';

/** What the element says for a code on a field it has no precise text for. */
const generico = (codigo: CodigoCampo) => textoError('campo-sin-texto-propio', codigo);
/** A code the contract does not have (a newer server's), as it arrives from the wire. */
const DESCONOCIDO = 'CODIGO_NUEVO' as CodigoCampo;
const PARES = Object.keys(TEXTOS_CAMPO).map((clave) => clave.split(':') as [CampoConEtiqueta, CodigoCampo]);

/** What the server says after the field's label («Ciudad: »), as it sends it. */
function textoDelServidor(campo: CampoConEtiqueta, codigo: CodigoCampo): string {
  const mensaje = mensajeCampo(campo, codigo);
  const prefijo = `${ETIQUETAS[campo]}: `;
  expect(mensaje.startsWith(prefijo), mensaje).to.be.true;
  return mensaje.slice(prefijo.length);
}

/** Pairs the element words its own way (shorter, or as an instruction): the same figures, in the same order. */
const REDACCION_PROPIA = ['telefono1:FORMATO', 'telefono2:FORMATO', 'celular.numero:FORMATO', 'codigoSeguridad:FORMATO'];
const cifras = (texto: string) => texto.match(/\d+/g) ?? [];

describe("the server's texts are in the element too (es and en)", () => {
  after(() => setLocale('es'));

  for (const idioma of ['es', 'en'] as const) {
    it(`${idioma}: every field the server labels has a label`, async () => {
      await setLocale(idioma);
      expect(Object.keys(ETIQUETAS).filter((campo) => etiqueta(campo) === campo)).to.deep.equal([]);
    });

    it(`${idioma}: every field code has its own text, not the unknown code's`, async () => {
      await setLocale(idioma);
      expect(CODIGOS_CAMPO.filter((codigo) => generico(codigo) === generico(DESCONOCIDO))).to.deep.equal([]);
    });

    it(`${idioma}: every field:code pair with its own text on the server has one in the element`, async () => {
      await setLocale(idioma);
      const genericos = PARES.filter(([campo, codigo]) => textoError(campo, codigo) === generico(codigo));
      expect(genericos.map((par) => par.join(':'))).to.deep.equal([]);
    });

    it(`${idioma}: each of those texts has the server's figures (lengths, digits, examples)`, async () => {
      await setLocale(idioma);
      const distintas = PARES.filter(([campo, codigo]) => cifras(textoError(campo, codigo)).join(' ') !== cifras(textoDelServidor(campo, codigo)).join(' '));
      expect(distintas.map((par) => par.join(':'))).to.deep.equal([]);
    });
  }

  it("es: each of those texts says what the server's says, word for word", async () => {
    await setLocale('es');
    const diferentes = PARES.filter(([campo, codigo]) => {
      const servidor = textoDelServidor(campo, codigo);
      return textoError(campo, codigo) !== servidor[0]!.toUpperCase() + servidor.slice(1);
    }).map((par) => par.join(':'));
    // A reworded pair that now reads as the server's leaves the list.
    expect(diferentes).to.deep.equal(REDACCION_PROPIA);
  });

  it('a code the element does not know (a newer server) still gets a sentence, on any field', async () => {
    await setLocale('es');
    expect(textoError('direccion', DESCONOCIDO)).to.equal('El valor no es válido.');
    expect(textoError('constructor', 'toString' as CodigoCampo)).to.equal('El valor no es válido.');
  });

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
