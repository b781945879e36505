import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { BffFalso } from '../../paquete/testing.js';
import { $, boton, campo, esperar, escribir, montar } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

// A real mouse (CDP input events): the mousedown blurs the field being edited before the mouseup.
describe('errores al salir de un campo con el ratón (sin clics perdidos)', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(async () => {
    bff.desinstalar();
    await resetMouse();
  });

  const centro = (e: Element) => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] as [number, number];
  };

  /** Presses the mouse on `objetivo`; returns its top before and after the press. */
  async function presionar(el: ModificarUsuarioGeneral, objetivo: Element) {
    // Firefox scrolls to a field focused by escribir() in a later frame: let it, then scroll here.
    await new Promise((r) => requestAnimationFrame(r));
    objetivo.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(r));
    const antes = objetivo.getBoundingClientRect().top;
    await sendMouse({ type: 'move', position: centro(objetivo) });
    await sendMouse({ type: 'down' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    return { antes, despues: objetivo.getBoundingClientRect().top };
  }

  it('Modificar no se mueve bajo el puntero y el clic valida: teléfono marcado y resumen', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-telefono1', '12');
    const modificar = boton(el.shadowRoot!, 'Modificar');
    const { antes, despues } = await presionar(el, modificar);
    expect(despues, 'el botón se movió entre mousedown y mouseup').to.equal(antes);
    await sendMouse({ type: 'up' });
    await esperar(() => $(el, '[part="resumen-errores"]'));
    expect($(el, '[part="resumen-errores"]').textContent).to.contain('Teléfono1');
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('true');
    await esperar(() => el.shadowRoot!.activeElement === $(el, '[part="resumen-errores"]'), 'el foco no fue al resumen');
    expect(bff.llamadas.filter((l) => l.metodo === 'PUT')).to.have.length(0);
  });

  it('el clic en «Sí» no se pierde y el error del campo abandonado aparece después', async () => {
    const el = await montar();
    await escribir(el, 'f-telefono2', '12');
    const si = $(el, 'input[name="mantenerCorreo"][value="si"]');
    const { antes, despues } = await presionar(el, si);
    expect(despues, 'el radio se movió entre mousedown y mouseup').to.equal(antes);
    expect($(el, '#f-telefono2-error') === null, 'error mostrado durante la pulsación').to.be.true;
    await sendMouse({ type: 'up' });
    await esperar(() => $(el, '#f-telefono2-error'));
    expect(si.checked).to.be.true;
    expect(campo(el, 'f-correo').disabled).to.be.true;
    expect(campo(el, 'f-telefono2').getAttribute('aria-invalid')).to.equal('true');
  });

  it('al salir con el teclado el error aparece en seguida', async () => {
    const el = await montar();
    await escribir(el, 'f-telefono2', '12');
    campo(el, 'f-telefono2').blur();
    await el.updateComplete;
    expect($(el, '#f-telefono2-error') !== null, 'sin error tras salir con el teclado').to.be.true;
  });
});
