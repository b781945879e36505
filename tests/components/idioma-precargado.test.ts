// The element already in the page when its module defines it (the portal's and a host's usual
// case): the upgrade must leave it listening to locale changes like one created later.
import { expect, waitUntil } from '@open-wc/testing';
import { BffFalso } from '../../paquete/testing.js';

describe('elemento presente antes de definirse', () => {
  it('cambia de idioma en tiempo de ejecución (lang propio y lang del documento)', async () => {
    const bff = new BffFalso().instalar();
    document.body.innerHTML = '<modificar-usuario-general api-base="http://bff.test" lang="es"></modificar-usuario-general>';
    await import('../../components/modificar-usuario-general/modificar-usuario-general.js');
    const el = document.querySelector('modificar-usuario-general')!;
    const titulo = () => el.shadowRoot!.querySelector('h2')?.textContent ?? '';
    await waitUntil(() => titulo().startsWith('Modificar información'), 'no cargó', { timeout: 4000 });
    el.setAttribute('lang', 'en');
    await waitUntil(() => titulo().startsWith('Modify registration'), 'no cambió a inglés', { timeout: 3000 });
    el.setAttribute('lang', 'es');
    await waitUntil(() => titulo().startsWith('Modificar información'), 'no volvió al español', { timeout: 3000 });
    el.removeAttribute('lang');
    document.documentElement.lang = 'en';
    await waitUntil(() => titulo().startsWith('Modify registration'), 'no siguió al documento', { timeout: 3000 });
    expect(el.shadowRoot!.querySelector('button.principal')!.textContent!.trim()).to.equal('Modify');
    document.documentElement.lang = 'es';
    await waitUntil(() => titulo().startsWith('Modificar información'), 'no volvió al español', { timeout: 3000 });
    bff.desinstalar();
  });
});
