// The package's entry, as a host loads it: the built file (dist/widget/), which registers
// <modificar-usuario-general> once. A page that ends up with two copies (the package and the BFF's
// /widget/ file, or two versions) keeps the first definition and does not fail on the second.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BffFalso } from '../../paquete/testing.js';

const ENTRADA = '/dist/widget/modificar-usuario-general.js';

describe('registro del elemento (el archivo del paquete)', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('una segunda copia del módulo carga sin error y la primera definición queda; el elemento funciona', async () => {
    const primera = await import(`${ENTRADA}?copia=1`);
    const segunda = await import(`${ENTRADA}?copia=2`);
    expect(customElements.get('modificar-usuario-general')).to.equal(primera.ModificarUsuarioGeneral);
    expect(segunda.ModificarUsuarioGeneral).to.be.a('function').and.not.equal(primera.ModificarUsuarioGeneral);
    // The events and their types are exports of the entry too.
    expect(Object.keys(primera).filter((k) => k.endsWith('Event')).sort()).to.deep.equal(['BajaSolicitadaEvent', 'SesionExpiradaEvent', 'UsuarioModificadoEvent']);
    const el = await fixture(html`<modificar-usuario-general api-base="http://bff.test" lang="es"></modificar-usuario-general>`);
    await waitUntil(() => el.shadowRoot?.querySelector('form[part="formulario"]'), 'el formulario no se mostró', { timeout: 4000 });
    expect(bff.de('GET /api/usuario')).to.have.length(1);
  });
});
