import { expect } from '@open-wc/testing';
import { BffFalso, CONTRASENA, problema } from '../../paquete/testing.js';
import { $, boton, campo, elegir, escribir, esperar, esperarDialogo, montar, salir } from './ayuda.js';

describe('validation in the browser and server errors', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  const mantenerCorreo = async (el: Awaited<ReturnType<typeof montar>>) => {
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
  };

  it('does not show the error while typing, does on leaving a changed field', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', 'Av');
    expect(campo(el, 'f-direccion').getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#f-direccion-error') === null, '#f-direccion-error no debería estar').to.be.true;
    await salir(el, 'f-direccion');
    expect(campo(el, 'f-direccion').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-direccion-error').textContent).to.equal('Dirección: Debe tener entre 5 y 200 caracteres.');
    expect(campo(el, 'f-direccion').getAttribute('aria-describedby')).to.contain('f-direccion-error');
    await escribir(el, 'f-direccion', 'Av. Quito 123');
    expect($(el, '#f-direccion-error') === null, '#f-direccion-error no debería estar').to.be.true;
  });

  it('refuses look-alike letters in Nombre and invisible characters in Dirección, with the same rule as the server', async () => {
    const el = await montar();
    const NOMBRE = 'Nombre Usuario: Solo admite las letras de los nombres en español (A–Z, Ñ, vocales con tilde, Ü), espacios, apóstrofos, guiones y puntos.';
    const INVISIBLES = 'Dirección: Contiene caracteres invisibles, de control o espacios especiales; solo admite caracteres visibles y el espacio común.';
    for (const nombre of ['ʝITO MACAY', 'ǅITO MACAY', 'ＴＩＴＯ MACAY', 'TITO\u200BMACAY', 'TITO\u00A0MACAY']) {
      await escribir(el, 'f-nombre', nombre);
      await salir(el, 'f-nombre');
      expect($(el, '#f-nombre-error')?.textContent, JSON.stringify(nombre)).to.equal(NOMBRE);
    }
    await escribir(el, 'f-nombre', 'TÍTO MACAY');
    expect($(el, '#f-nombre-error') === null, 'TÍTO MACAY es válido').to.be.true;
    for (const direccion of ['\u200B'.repeat(5), 'Av. 9 de Octubre \u202E424', 'Av. 9 de Octubre\u2028424']) {
      await escribir(el, 'f-direccion', direccion);
      await salir(el, 'f-direccion');
      expect($(el, '#f-direccion-error')?.textContent, JSON.stringify(direccion)).to.equal(INVISIBLES);
    }
    // Lengths are code points, and nothing cuts what is typed or pasted.
    expect(campo(el, 'f-direccion').hasAttribute('maxlength')).to.be.false;
    await escribir(el, 'f-direccion', 'Av 🦙');
    expect($(el, '#f-direccion-error').textContent).to.equal('Dirección: Debe tener entre 5 y 200 caracteres.');
    await escribir(el, 'f-direccion', '🦙'.repeat(200));
    expect($(el, '#f-direccion-error') === null, '200 emoji son 200 caracteres').to.be.true;
  });

  it('does not mark a field that was only passed through without changing it', async () => {
    const el = await montar();
    await salir(el, 'f-correo');
    expect(campo(el, 'f-correo').getAttribute('aria-invalid')).to.equal('false');
  });

  it('validates an Ecuadorian phone with area code and other countries\' by length', async () => {
    const el = await montar();
    await escribir(el, 'f-telefono1', '12345678');
    await salir(el, 'f-telefono1');
    expect($(el, '#f-telefono1-error').textContent).to.contain('un fijo con código de área');
    await elegir(el, 'f-pais', 'US');
    expect($(el, '#f-telefono1-error') === null, '#f-telefono1-error no debería estar').to.be.true;
    await escribir(el, 'f-telefono1', '12345');
    expect($(el, '#f-telefono1-error').textContent).to.equal('Teléfono1: Debe tener entre 6 y 14 dígitos.');
  });

  it('with the phone\'s format error does not repeat the format hint; with «obligatorio» it keeps it', async () => {
    const el = await montar();
    expect($(el, '#f-telefono1-ayuda').textContent).to.equal('Fijo con código de área (04 234 5678) o celular (099 123 4567).');
    await escribir(el, 'f-telefono1', '12');
    await salir(el, 'f-telefono1');
    expect($(el, '#f-telefono1-error').textContent).to.contain('un fijo con código de área');
    expect($(el, '#f-telefono1-ayuda') === null, 'la ayuda repetiría el error').to.be.true;
    expect(campo(el, 'f-telefono1').getAttribute('aria-describedby')).to.equal('f-telefono1-error');
    await escribir(el, 'f-telefono1', '');
    expect($(el, '#f-telefono1-error').textContent).to.equal('Teléfono1: Este campo es obligatorio.');
    expect($(el, '#f-telefono1-ayuda') !== null, 'la ayuda con «obligatorio»').to.be.true;
    expect(campo(el, 'f-telefono1').getAttribute('aria-describedby')).to.equal('f-telefono1-ayuda f-telefono1-error');
    await escribir(el, 'f-celular-numero', '0812345678');
    await salir(el, 'f-celular-numero');
    expect($(el, '#f-celular-numero-ayuda') === null, 'la ayuda del celular repetiría el error').to.be.true;
    expect(campo(el, 'f-celular-numero').getAttribute('aria-describedby')).to.equal('f-celular-numero-error');
  });

  it('requires 09 and 8 digits except for the OTROS operator', async () => {
    const el = await montar();
    await escribir(el, 'f-celular-numero', '0812345678');
    await salir(el, 'f-celular-numero');
    expect($(el, '#f-celular-numero-error').textContent).to.contain('09 y 8 dígitos (0991234567)');
    await elegir(el, 'f-celular-operadora', 'OTROS');
    expect($(el, '#f-celular-numero-error') === null, '#f-celular-numero-error no debería estar').to.be.true;
  });

  it('refuses a complete change of the name and points to the baja', async () => {
    const el = await montar();
    await escribir(el, 'f-nombre', 'PEDRO PEREZ GOMEZ');
    await salir(el, 'f-nombre');
    expect($(el, '#f-nombre-error').textContent).to.contain('Solicitud de baja');
    await escribir(el, 'f-nombre', 'TITO MACAI');
    expect($(el, '#f-nombre-error') === null, '#f-nombre-error no debería estar').to.be.true;
    await escribir(el, 'f-nombre', 'MACAY TITO');
    expect($(el, '#f-nombre-error') === null, '#f-nombre-error no debería estar').to.be.true;
  });

  it('measures the correction from the registered name, not the current one: corrections add up', async () => {
    Object.assign(bff.usuario, { nombre: 'PEDRA ZAMBRANO', nombreRegistrado: 'MARIA ZAMBRANO' });
    const el = await montar();
    expect($(el, '#f-nombre-ayuda').textContent).to.equal('Solo puede corregir errores de escritura del nombre con el que se registró: MARIA ZAMBRANO.');
    // One letter from the current name, five from the registered one (budget 4).
    await escribir(el, 'f-nombre', 'PEDRO ZAMBRANO');
    await salir(el, 'f-nombre');
    expect($(el, '#f-nombre-error').textContent).to.equal(
      'Nombre Usuario: Solo puede corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo use «Solicitud de baja» y registre un usuario nuevo.',
    );
    await escribir(el, 'f-nombre', 'MARIA ZAMBRANA');
    expect($(el, '#f-nombre-error') === null, '#f-nombre-error no debería estar').to.be.true;
  });

  it('pressing Modificar shows the error summary (GOV.UK): a title, the focus on the summary, links that lead to each field', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', '');
    await escribir(el, 'f-telefono1', '1');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperar(() => $(el, '[part="resumen-errores"]'));
    const resumen = $(el, '[part="resumen-errores"]');
    // Focused once, not a live region: fixing a field must not read it all again.
    await esperar(() => el.shadowRoot!.activeElement === resumen, 'el foco no fue al resumen');
    expect(resumen.getAttribute('tabindex')).to.equal('-1');
    expect(resumen.closest('[role="alert"], [aria-live]')).to.equal(null);
    expect(resumen.querySelector('[role="alert"], [aria-live]')).to.equal(null);
    const titulo = resumen.querySelector('h3')!;
    expect(titulo.textContent).to.equal('Hay 3 campos por corregir');
    expect(resumen.getAttribute('aria-labelledby')).to.equal(titulo.id);
    const enlaces = [...resumen.querySelectorAll('a')];
    expect(enlaces.map((a) => a.textContent!.trim())).to.deep.equal([
      'Dirección: Este campo es obligatorio.',
      'Teléfono1: En Ecuador, un fijo con código de área (0, del 2 al 7 y 7 dígitos: 042345678) o un celular (09 y 8 dígitos: 0991234567). Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión).',
      'Desea mantener el mismo correo electrónico: Elija «Sí» para conservar su correo registrado, o escriba el nuevo en «Correo Electrónico».',
    ]);
    // One wording per error: the same text next to the field.
    expect($(el, '#f-direccion-error').textContent).to.equal(enlaces[0]!.textContent!.trim());
    expect(campo(el, 'f-direccion').getAttribute('aria-invalid')).to.equal('true');
    enlaces[0]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-direccion');
    expect(bff.de('PUT /api/usuario')).to.have.length(0);
  });

  it('asks to verify the old password if it was typed without pressing Cambio de clave', async () => {
    const el = await montar();
    await mantenerCorreo(el);
    await escribir(el, 'f-cambioClave-contrasenaAnterior', 'algo');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperar(() => $(el, '#f-cambioClave-contrasenaAnterior-error'));
    expect($(el, '#f-cambioClave-contrasenaAnterior-error').textContent).to.contain('Cambio de clave');
  });

  it('puts the server\'s errors on their fields, nested ones too', async () => {
    const el = await montar();
    await mantenerCorreo(el);
    bff.una('PUT /api/usuario', () =>
      problema(422, 'VALIDACION', {
        errores: [
          { campo: 'telefono1', codigo: 'FORMATO', mensaje: 'x' },
          { campo: 'celular.numero', codigo: 'FORMATO', mensaje: 'x' },
          { campo: 'nombre', codigo: 'CAMBIO_TOTAL', mensaje: 'x' },
        ],
      }),
    );
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro de modificar la información?');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => campo(el, 'f-telefono1').getAttribute('aria-invalid') === 'true');
    expect(campo(el, 'f-celular-numero').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-nombre-error').textContent).to.contain('Solicitud de baja');
    await esperar(() => el.shadowRoot!.activeElement === $(el, '[part="resumen-errores"]'), 'el foco no fue al resumen');
    expect($(el, '[part="resumen-errores"]').textContent).to.contain('Teléfono1:');
    // Changing the field clears the server's verdict.
    await escribir(el, 'f-telefono1', '042345679');
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('false');
  });

  it('words a code the element does not know (a newer server) with the generic sentence, on the field and in a dialog', async () => {
    const el = await montar();
    await mantenerCorreo(el);
    bff.una('PUT /api/usuario', () => problema(422, 'VALIDACION', { errores: [{ campo: 'direccion', codigo: 'CODIGO_NUEVO', mensaje: 'x' }] }));
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro de modificar la información?');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => $(el, '#f-direccion-error'));
    expect($(el, '#f-direccion-error').textContent).to.equal('Dirección: El valor no es válido.');
    expect($(el, '[part="resumen-errores"] a').textContent).to.equal('Dirección: El valor no es válido.');

    await escribir(el, 'f-direccion', 'Av. Quito 123');
    bff.una('PUT /api/usuario', () => problema(409, 'PROBLEMA_NUEVO'));
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro de modificar la información?');
    boton(el.shadowRoot!, 'Sí').click();
    await esperarDialogo(el, 'Ocurrió un error inesperado. Inténtelo de nuevo más tarde.');
  });

  it('maps the server\'s error on the new password', async () => {
    const el = await montar();
    await mantenerCorreo(el);
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', 'contraseña-larga-1');
    await escribir(el, 'f-cambioClave-confirmacion', 'contraseña-larga-1');
    bff.una('PUT /api/usuario', () =>
      problema(422, 'VALIDACION', { errores: [{ campo: 'cambioClave.contrasena', codigo: 'DEBIL', mensaje: 'x' }] }),
    );
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => $(el, '#f-cambioClave-contrasena-error'));
    expect($(el, '#f-cambioClave-contrasena-error').textContent).to.equal('Contraseña: La contraseña es demasiado fácil de adivinar.');
    expect(bff.de('PUT /api/usuario')[0]!.cuerpo.cambioClave).to.deep.equal({
      contrasenaAnterior: CONTRASENA,
      contrasena: 'contraseña-larga-1',
      confirmacion: 'contraseña-larga-1',
    });
  });
});
