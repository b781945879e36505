import { expect, oneEvent } from '@open-wc/testing';
import { BffFalso, CONTRASENA, problema } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, montar, porEtiqueta, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

async function prepararCambioTelefono(el: ModificarUsuarioGeneral) {
  $(el, 'input[name="mantenerCorreo"][value="si"]').click();
  await el.updateComplete;
  await escribir(el, 'f-telefono1', '022345678');
}

describe('dialogs', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('confirms before saving; «No» sends nothing', async () => {
    const el = await montar();
    await prepararCambioTelefono(el);
    boton(el.shadowRoot!, 'Modificar').click();
    const d = await esperarDialogo(el, '¿Está seguro de modificar la información?');
    expect(d.matches(':modal')).to.be.true;
    boton(el.shadowRoot!, 'No').click();
    await esperar(() => !dialogoAbierto(el));
    expect(bff.de('PUT /api/usuario')).to.have.length(0);
    expect(campo(el, 'f-telefono1').value).to.equal('022345678');
  });

  it('«Sí» sends the PUT with If-Match, shows the success with Aceptar and fires usuario-modificado', async () => {
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

  it('does not send twice if Modificar is pressed again while sending', async () => {
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
    await esperar(() => $(el, '[part~="boton-modificar"]').getAttribute('aria-busy') === 'true');
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

  it('on 412 VERSION_DESACTUALIZADA fetches the current user; «Descartar mis cambios» reloads it', async () => {
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

  it('Solicitud de baja: requires the reason, sends it, informs and fires baja-solicitada', async () => {
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

  it('Solicitud de baja: a Motivo with invisible characters is not sent; the counter counts characters, not UTF-16 units', async () => {
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

  it('if the session expired, the baja dialog closes and lets the built-in login show', async () => {
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

  it('Cancelar in the baja dialog closes without sending', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    boton(d, 'Cancelar').click();
    await esperar(() => !dialogoAbierto(el));
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
    expect(todos(el.shadowRoot!, 'form[part="formulario"]')).to.have.length(1);
  });

  it('the dialogs use a native modal <dialog>', async () => {
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

  it('the closed re-authentication dialog adds no other «Contraseña» field; open, it has one', async () => {
    bff.reautenticacionRequerida = true;
    const el = await montar();
    expect(porEtiqueta(el, 'Contraseña')).to.have.length(1);
    $(el, 'input[name="mantenerCorreo"][value="no"]').click();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    expect(porEtiqueta(el, 'Motivo')).to.have.length(1);
    const motivo = d.querySelector('textarea')!;
    motivo.value = 'Ya no trabajo con comercio exterior';
    motivo.dispatchEvent(new Event('input'));
    boton(d, 'Solicitud de baja').click();
    const reaut = await esperarDialogo(el, 'Confirme su identidad');
    expect(porEtiqueta(el, 'Contraseña').filter((c) => reaut.contains(c))).to.have.length(1);
  });

  it('usuario-modificado, baja-solicitada and sesion-expirada are CustomEvent with detail, bubbles and composed', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    const modificado = oneEvent(el, 'usuario-modificado');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    const e = await modificado;
    expect(e instanceof CustomEvent).to.be.true;
    expect(e.detail.idUsuario).to.equal('tmacay');
    expect(e.bubbles && e.composed).to.be.true;
    await esperarDialogo(el, 'La información se actualizó con éxito.');
    boton(el.shadowRoot!, 'Aceptar').click();

    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    const motivo = d.querySelector('textarea')!;
    motivo.value = 'Ya no trabajo con comercio exterior';
    motivo.dispatchEvent(new Event('input'));
    const baja = oneEvent(el, 'baja-solicitada');
    boton(d, 'Solicitud de baja').click();
    await esperarDialogo(el, 'Su solicitud de baja fue registrada');
    boton(el.shadowRoot!, 'Aceptar').click();
    const b = await baja;
    expect(b instanceof CustomEvent).to.be.true;
    expect(b.detail.estado).to.equal('REGISTRADA');

    bff.tokenEmitido = 'bueno';
    const otro = await montar({ token: 'bueno', esperar: true });
    bff.tokenEmitido = 'otro';
    const expirada = oneEvent(otro, 'sesion-expirada');
    await escribir(otro, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(otro.shadowRoot!, 'Cambio de clave').click();
    const s = await expirada;
    expect(s instanceof CustomEvent).to.be.true;
    expect(s.bubbles && s.composed).to.be.true;
  });
});
