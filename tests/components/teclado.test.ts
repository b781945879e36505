import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffFalso, json } from '../../paquete/testing.js';
import { $, campo, dialogoAbierto, esperar, esperarDialogo, montar } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const enfocado = (el: ModificarUsuarioGeneral) => el.shadowRoot!.activeElement as HTMLElement | null;

async function tabHasta(el: ModificarUsuarioGeneral, cond: (e: HTMLElement) => boolean, maximo = 60) {
  for (let i = 0; i < maximo; i++) {
    await sendKeys({ press: 'Tab' });
    const e = enfocado(el);
    if (e && cond(e)) return e;
  }
  throw new Error('no se llegó con Tab');
}

describe('solo con el teclado', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('se recorre con Tab, el foco es visible, y se modifica con Enter y el diálogo', async () => {
    const el = await montar();
    campo(el, 'f-nombre').focus();
    const outline = getComputedStyle(campo(el, 'f-nombre')).outlineStyle;
    await sendKeys({ press: 'Tab' });
    expect(outline).to.not.equal('none');
    // Sí with the keyboard: the radio group takes arrow keys.
    const no = await tabHasta(el, (e) => e.getAttribute('name') === 'mantenerCorreo');
    expect((no as HTMLInputElement).value).to.equal('no');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.valores.mantenerCorreo).to.equal('si');
    const modificar = await tabHasta(el, (e) => e.getAttribute('part')?.includes('boton-modificar') ?? false);
    expect(getComputedStyle(modificar).outlineStyle).to.equal('solid');
    // A PUT that takes a moment, as a real one does: the button must keep the focus meanwhile.
    bff.una('PUT /api/usuario', async (ll) => {
      await new Promise((r) => setTimeout(r, 300));
      bff.usuario = { ...bff.usuario, ...ll.cuerpo, version: 2 };
      delete (bff.usuario as Record<string, unknown>)['mantenerCorreo'];
      return json(200, bff.usuario, { ETag: '"2"' });
    });
    await sendKeys({ press: 'Enter' });
    const d = await esperarDialogo(el, '¿Está seguro');
    // The primary button (Sí) has the focus inside the modal.
    await sendKeys({ press: 'Enter' });
    await esperarDialogo(el, 'con éxito');
    expect(d).to.exist;
    expect(bff.de('PUT /api/usuario')).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await esperar(() => !dialogoAbierto(el));
    // The focus comes back to Modificar, not to the page's body.
    await esperar(() => enfocado(el)?.getAttribute('part')?.includes('boton-modificar'), 'el foco no volvió a Modificar');
  });

  it('«Comprobar disponibilidad» con Enter lleva el foco al paso siguiente, o al correo si no está disponible', async () => {
    const el = await montar();
    const correo = await tabHasta(el, (e) => e.id === 'f-correo');
    await sendKeys({ type: 'ocupado@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ocupado@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(enfocado(el)!.textContent!.trim()).to.equal('Comprobar disponibilidad');
    await sendKeys({ press: 'Enter' });
    await esperar(() => $(el, '#f-correo-error'));
    await esperar(() => enfocado(el) === correo, 'el foco no volvió al correo');
    (correo as HTMLInputElement).select();
    await sendKeys({ type: 'libre@example.com' });
    await sendKeys({ press: 'Tab' });
    campo(el, 'f-confirmacionCorreo').select();
    await sendKeys({ type: 'libre@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await esperar(() => campo(el, 'f-correo').readOnly);
    await esperar(() => enfocado(el)?.id === 'boton-solicitar-codigo', 'el foco no pasó a «Solicitar código de seguridad»');
  });

  it('tras «Descartar mis cambios» en un 412 el formulario sigue en pantalla y el foco en Modificar', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    bff.usuario = { ...bff.usuario, direccion: 'Cambiada en otra ventana', version: 2 };
    await tabHasta(el, (e) => e.getAttribute('part')?.includes('boton-modificar') ?? false);
    await sendKeys({ press: 'Enter' });
    await esperarDialogo(el, '¿Está seguro');
    await sendKeys({ press: 'Enter' });
    const d = await esperarDialogo(el, 'Datos desactualizados');
    expect(d.querySelector('button.principal')!.textContent!.trim()).to.equal('Conservar mis cambios');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await esperar(() => campo(el, 'f-direccion').value === 'Cambiada en otra ventana');
    expect($(el, '.esqueleto') === null, '.esqueleto no debería estar').to.be.true;
    await esperar(() => enfocado(el)?.getAttribute('part')?.includes('boton-modificar'), 'el foco no volvió a Modificar');
  });

  it('Escape cierra el diálogo de baja sin enviar', async () => {
    const el = await montar();
    const baja = await tabHasta(el, (e) => e.getAttribute('part')?.includes('boton-baja') ?? false);
    expect(baja.textContent!.trim()).to.equal('Solicitud de baja');
    await sendKeys({ press: 'Enter' });
    await esperarDialogo(el, 'Motivo');
    await sendKeys({ type: 'Motivo escrito con el teclado' });
    await sendKeys({ press: 'Escape' });
    await esperar(() => !dialogoAbierto(el));
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
    expect($(el, 'form[part="formulario"]') !== null, 'falta form[part="formulario"]').to.be.true;
  });
});
