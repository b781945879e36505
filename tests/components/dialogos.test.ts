import { expect, oneEvent } from '@open-wc/testing';
import { BffFalso, problema } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, montar, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

async function prepararCambioTelefono(el: ModificarUsuarioGeneral) {
  $(el, 'input[name="mantenerCorreo"][value="si"]').click();
  await el.updateComplete;
  await escribir(el, 'f-telefono1', '022345678');
}

describe('diálogos', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('confirma antes de modificar; «No» no envía nada', async () => {
    const el = await montar();
    await prepararCambioTelefono(el);
    boton(el.shadowRoot!, 'Modificar').click();
    const d = await esperarDialogo(el, '¿Está seguro de modificar la información?');
    expect(d.matches(':modal')).to.be.true;
    boton(el.shadowRoot!, 'No').click();
    await esperar(() => !dialogoAbierto(el));
    expect(bff.de('PUT /api/usuario')).to.have.length(0);
    expect(el.valores.telefono1).to.equal('022345678');
  });

  it('«Sí» envía el PUT con If-Match, muestra el éxito con Aceptar y emite usuario-modificado', async () => {
    const el = await montar();
    await prepararCambioTelefono(el);
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    const evento = oneEvent(el, 'usuario-modificado');
    boton(el.shadowRoot!, 'Sí').click();
    const e = await evento;
    expect(e.bubbles && e.composed).to.be.true;
    expect(e.detail.telefono1).to.equal('022345678');
    expect(e.detail.version).to.equal(2);
    const put = bff.de('PUT /api/usuario')[0]!;
    expect(put.cabeceras.get('If-Match')).to.equal('"1"');
    expect(put.cuerpo).to.deep.equal({
      nombre: 'TITO MACAY', pais: 'EC', provincia: '09', ciudad: '0901', direccion: 'Av. 9 de Octubre 100',
      telefono1: '022345678', telefono2: null, celular: { operadora: 'MOVISTAR', numero: '0991234567' }, fax: null,
      mantenerCorreo: true,
    });
    await esperarDialogo(el, 'La información se actualizó con éxito.');
    boton(el.shadowRoot!, 'Aceptar').click();
    await esperar(() => !dialogoAbierto(el));
    // The new ETag is the one used next time.
    await escribir(el, 'f-telefono1', '032345678');
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => bff.de('PUT /api/usuario').length === 2);
    expect(bff.de('PUT /api/usuario')[1]!.cabeceras.get('If-Match')).to.equal('"2"');
  });

  it('no envía dos veces si se pulsa Modificar de nuevo mientras se envía', async () => {
    const el = await montar();
    await prepararCambioTelefono(el);
    let soltar!: () => void;
    bff.una('PUT /api/usuario', async (ll) => {
      await new Promise<void>((r) => (soltar = r));
      return new Response(JSON.stringify({ ...bff.usuario, telefono1: ll.cuerpo.telefono1, version: 2 }), { status: 200, headers: { ETag: '"2"' } });
    });
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => el.enviando);
    await el.updateComplete;
    const modificar = $<HTMLButtonElement>(el, '[part~="boton-modificar"]');
    // aria-disabled, so that the keyboard focus stays on it.
    expect(modificar.getAttribute('aria-disabled')).to.equal('true');
    expect(modificar.disabled).to.be.false;
    expect(modificar.getAttribute('aria-busy')).to.equal('true');
    modificar.closest('form')!.requestSubmit();
    soltar();
    await esperarDialogo(el, 'con éxito');
    expect(bff.de('PUT /api/usuario')).to.have.length(1);
  });

  it('ante 412 VERSION_DESACTUALIZADA pide el usuario actual; «Descartar mis cambios» lo recarga', async () => {
    const el = await montar();
    await prepararCambioTelefono(el);
    bff.una('PUT /api/usuario', () => problema(412, 'VERSION_DESACTUALIZADA'));
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperarDialogo(el, 'Datos desactualizados');
    expect(bff.de('GET /api/usuario')).to.have.length(2);
    boton(el.shadowRoot!, 'Descartar mis cambios').click();
    await esperar(() => bff.de('GET /api/usuario').length === 3);
  });

  it('Solicitud de baja: exige el motivo, lo envía, informa y emite baja-solicitada', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    const motivo = d.querySelector('textarea')!;
    expect(motivo.getAttribute('aria-required')).to.equal('true');
    // The character count is help text, dimmed like the form's hints.
    const contador = getComputedStyle(d.querySelector('#contador-motivo')!);
    const ayuda = getComputedStyle($(el, '.ayuda'));
    expect([contador.color, contador.fontSize]).to.deep.equal([ayuda.color, ayuda.fontSize]);
    boton(d, 'Solicitud de baja').click();
    await esperar(() => d.querySelector('#error-motivo'));
    expect(d.querySelector('#error-motivo')!.textContent).to.equal('Este campo es obligatorio.');
    motivo.value = 'corto';
    motivo.dispatchEvent(new Event('input'));
    boton(d, 'Solicitud de baja').click();
    await esperar(() => d.querySelector('#error-motivo')?.textContent === 'Debe tener entre 10 y 500 caracteres.');
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
    motivo.value = 'Ya no trabajo con comercio exterior';
    motivo.dispatchEvent(new Event('input'));
    const evento = oneEvent(el, 'baja-solicitada');
    boton(d, 'Solicitud de baja').click();
    await esperarDialogo(el, 'Su solicitud de baja fue registrada');
    expect(bff.de('POST /api/usuario/baja')[0]!.cuerpo).to.deep.equal({ motivo: 'Ya no trabajo con comercio exterior' });
    boton(el.shadowRoot!, 'Aceptar').click();
    const e = await evento;
    expect(e.detail.estado).to.equal('REGISTRADA');
    expect(e.bubbles && e.composed).to.be.true;
  });

  it('Solicitud de baja: un Motivo con caracteres invisibles no se envía; el contador cuenta caracteres, no unidades UTF-16', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    const motivo = d.querySelector('textarea')!;
    expect(motivo.hasAttribute('maxlength')).to.be.false;
    motivo.value = 'Cierro la agencia\u200B\u200B hoy';
    motivo.dispatchEvent(new Event('input'));
    boton(d, 'Solicitud de baja').click();
    await esperar(() => d.querySelector('#error-motivo'));
    expect(d.querySelector('#error-motivo')!.textContent).to.equal(
      'Contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.',
    );
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
    motivo.value = '🦙'.repeat(12);
    motivo.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await esperar(() => d.querySelector('#contador-motivo')!.textContent!.startsWith('12 de 500'));
    boton(d, 'Cancelar').click();
  });

  it('si la sesión venció, la baja se cierra y deja ver el login propio', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    const motivo = d.querySelector('textarea')!;
    motivo.value = 'Ya no trabajo con comercio exterior';
    motivo.dispatchEvent(new Event('input'));
    bff.autenticado = false;
    boton(d, 'Solicitud de baja').click();
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    await esperar(() => dialogoAbierto(el) === null, 'el diálogo de baja quedó abierto sobre el login');
  });

  it('Cancelar en la baja cierra sin enviar', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    boton(d, 'Cancelar').click();
    await esperar(() => !dialogoAbierto(el));
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
    expect(todos(el.shadowRoot!, 'form[part="formulario"]')).to.have.length(1);
  });

  it('los diálogos usan <dialog> nativo modal', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    expect(d.tagName).to.equal('DIALOG');
    expect(d.matches(':modal')).to.be.true;
    d.dispatchEvent(new Event('cancel'));
    d.close();
    await esperar(() => !dialogoAbierto(el));
    expect(campo(el, 'f-nombre')).to.exist;
  });
});
