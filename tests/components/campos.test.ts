import { expect } from '@open-wc/testing';
import { BffFalso, CLAVE, json } from '../../paquete/testing.js';
import { $, boton, campo, elegir, escribir, esperar, montar, salir, todos } from './ayuda.js';

describe('campos de la pantalla (seed §5.5)', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('muestra cada campo y botón con su etiqueta del instructivo', async () => {
    const el = await montar();
    const textos = todos(el.shadowRoot!, 'label, legend, button, .etiqueta').map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
    for (const etiqueta of [
      'ID.usuario', 'Doc. Identificación', '* Nombre Usuario', 'Contraseña anterior', 'Cambio de clave', 'Contraseña',
      'Confirmación de Contraseña', '* País', '* Provincia', '* Ciudad', '* Dirección', '* Teléfono1', 'Teléfono2',
      '* Número de Celular', 'Fax', '* Desea mantener el mismo correo electrónico', '* Correo Electrónico',
      '* Confirmación de correo electrónico', 'Comprobar disponibilidad', '* Ingrese código de seguridad',
      'Solicitar código de seguridad', 'SENAE Correo Electrónico', 'Solicitud de baja', 'Modificar',
    ]) {
      expect(textos.some((t) => t === etiqueta || t === `${etiqueta} *`), etiqueta).to.be.true;
    }
  });

  it('muestra los datos de solo lectura sin permitir editarlos', async () => {
    const el = await montar();
    expect(campo(el, 'f-idUsuario').value).to.equal('tmacay');
    expect(campo(el, 'f-idUsuario').readOnly).to.be.true;
    expect(campo(el, 'f-documento').value).to.equal('RUC (0912345675001)');
    expect(campo(el, 'f-documento').readOnly).to.be.true;
    expect(campo(el, 'f-correoSenae').value).to.equal('tmacay@correo.aduana.gob.ec');
    expect(campo(el, 'f-correoSenae').readOnly).to.be.true;
  });

  it('marca los obligatorios con asterisco rojo y aria-required', async () => {
    const el = await montar();
    for (const id of ['f-nombre', 'f-pais', 'f-direccion', 'f-telefono1', 'f-celular-numero', 'f-correo', 'f-confirmacionCorreo']) {
      expect(campo(el, id).getAttribute('aria-required'), id).to.equal('true');
      // The asterisk sits beside the label, not inside it: the label's text is the exact name.
      expect($(el, `label[for="${id}"]`).querySelector('.req'), id).to.be.null;
      const etiqueta = $(el, `label[for="${id}"]`).parentElement!.querySelector<HTMLElement>('.req')!;
      expect(etiqueta, id).to.exist;
      expect(etiqueta.getAttribute('aria-hidden'), id).to.equal('true');
      expect(getComputedStyle(etiqueta).color).to.equal('rgb(179, 38, 30)');
    }
    expect(campo(el, 'f-telefono2').getAttribute('aria-required')).to.equal('false');
    expect(campo(el, 'f-fax').getAttribute('aria-required')).to.equal('false');
  });

  it('carga los valores del usuario y deja «No» marcado por defecto', async () => {
    const el = await montar();
    expect(campo(el, 'f-nombre').value).to.equal('TITO MACAY');
    expect($<HTMLSelectElement>(el, '#f-pais').value).to.equal('EC');
    expect($<HTMLSelectElement>(el, '#f-provincia').value).to.equal('09');
    expect($<HTMLSelectElement>(el, '#f-ciudad').value).to.equal('0901');
    expect($<HTMLSelectElement>(el, '#f-celular-operadora').value).to.equal('MOVISTAR');
    expect($(el, 'input[name="mantenerCorreo"][value="no"]').checked).to.be.true;
  });

  it('habilita Provincia y Ciudad solo para Ecuador y las vacía al cambiar de país', async () => {
    const el = await montar();
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.false;
    await elegir(el, 'f-pais', 'US');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-ciudad').disabled).to.be.true;
    expect(el.valores.provincia).to.equal('');
    expect(el.valores.ciudad).to.equal('');
    await elegir(el, 'f-pais', 'EC');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.false;
    expect($<HTMLSelectElement>(el, '#f-provincia').getAttribute('aria-required')).to.equal('true');
  });

  it('carga las ciudades de la provincia elegida y reinicia la ciudad', async () => {
    const el = await montar();
    expect(bff.de('GET /api/catalogos/provincias/09/ciudades')).to.have.length(1);
    await elegir(el, 'f-provincia', '17');
    expect(el.valores.ciudad).to.equal('');
    await esperar(() => $<HTMLSelectElement>(el, '#f-ciudad').options.length === 3);
    const nombres = [...$<HTMLSelectElement>(el, '#f-ciudad').options].map((o) => o.textContent!.trim());
    expect(nombres).to.deep.equal(['— Seleccione —', 'Quito', 'Mejía']);
    expect(bff.de('GET /api/catalogos/provincias/17/ciudades')).to.have.length(1);
    await elegir(el, 'f-ciudad', '1703');
    expect(el.valores.ciudad).to.equal('1703');
  });

  it('una respuesta tardía de la provincia anterior no reemplaza las ciudades de la nueva ni termina su «Cargando…»', async () => {
    const el = await montar();
    const responderAzuay = bff.retener('GET /api/catalogos/provincias/01/ciudades');
    const responderPichincha = bff.retener('GET /api/catalogos/provincias/17/ciudades');
    await elegir(el, 'f-provincia', '01');
    await elegir(el, 'f-provincia', '17');
    await esperar(() => bff.de('GET /api/catalogos/provincias/17/ciudades').length === 1);
    responderAzuay(json(200, [{ codigo: '0101', nombre: 'Cuenca' }]));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const ciudad = $<HTMLSelectElement>(el, '#f-ciudad');
    expect(ciudad.disabled, 'sigue cargando Pichincha').to.be.true;
    expect([...ciudad.options].map((o) => o.textContent!.trim())).to.deep.equal(['Cargando…']);
    responderPichincha(json(200, [{ codigo: '1701', nombre: 'Quito' }]));
    await esperar(() => !$<HTMLSelectElement>(el, '#f-ciudad').disabled);
    expect([...$<HTMLSelectElement>(el, '#f-ciudad').options].map((o) => o.textContent!.trim())).to.deep.equal(['— Seleccione —', 'Quito']);
  });

  it('habilita la nueva contraseña solo después de verificar la anterior en el servidor', async () => {
    const el = await montar();
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    await escribir(el, 'f-cambioClave-contrasenaAnterior', 'equivocada');
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => campo(el, 'f-cambioClave-contrasenaAnterior').getAttribute('aria-invalid') === 'true');
    expect($(el, '#f-cambioClave-contrasenaAnterior-error').textContent).to.contain('La contraseña no es correcta.');
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;

    await escribir(el, 'f-cambioClave-contrasenaAnterior', CLAVE);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    expect(bff.de('POST /api/usuario/clave/verificacion').map((l) => l.cuerpo)).to.deep.equal([
      { contrasenaAnterior: 'equivocada' },
      { contrasenaAnterior: CLAVE },
    ]);
    expect(campo(el, 'f-cambioClave-confirmacion').disabled).to.be.false;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-cambioClave-contrasena');
  });

  it('si la contraseña anterior cambia mientras se verifica, la respuesta tardía no habilita la nueva', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CLAVE);
    const responder = bff.retener('POST /api/usuario/clave/verificacion');
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => bff.de('POST /api/usuario/clave/verificacion').length === 1);
    await escribir(el, 'f-cambioClave-contrasenaAnterior', 'otra-cosa');
    responder(json(204, null));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Cambio de clave').disabled).to.be.false;
  });

  it('muestra la lista de requisitos de la contraseña en vivo y el medidor de fortaleza', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CLAVE);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', 'tmacay123');
    const estado = () => [...el.shadowRoot!.querySelectorAll('.checklist li')].map((li) => li.className);
    await esperar(() => el.clave.evaluacion !== null, 'zxcvbn no evaluó');
    await el.updateComplete;
    expect(estado()).to.deep.equal(['falta', 'pendiente', 'falta', 'falta']);
    await escribir(el, 'f-cambioClave-contrasena', 'marmota-azul-cruza-el-río');
    await escribir(el, 'f-cambioClave-confirmacion', 'marmota-azul-cruza-el-río');
    await esperar(() => el.clave.evaluacion?.puntaje === 4, 'zxcvbn no evaluó la clave fuerte');
    await el.updateComplete;
    expect(estado()).to.deep.equal(['cumple', 'cumple', 'cumple', 'cumple']);
    expect($<HTMLMeterElement>(el, 'meter').value).to.equal(4);
    expect(campo(el, 'f-cambioClave-contrasena').getAttribute('aria-describedby')).to.contain('clave-requisitos');
  });

  it('la lista y el medidor no dan por fuerte una contraseña hecha con palabras del sitio, dígitos y símbolos', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CLAVE);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    const dificil = () => el.shadowRoot!.querySelectorAll('.checklist li')[3]!;
    const medidor = () => el.shadowRoot!.querySelector<HTMLMeterElement>('meter');
    for (const [clave, cumple] of [
      ['ecuapass2026!!', false],
      ['senae2026senae', false],
      ['aduana-2026-aduana', false],
      ['Ecuador12345!', false],
      ['aduana caballo correcto batería', true],
    ] as const) {
      await escribir(el, 'f-cambioClave-contrasena', '');
      await esperar(() => !medidor());
      await escribir(el, 'f-cambioClave-contrasena', clave);
      await esperar(() => medidor(), `no se evaluó ${clave}`);
      expect(dificil().className, clave).to.equal(cumple ? 'cumple' : 'falta');
      expect(dificil().textContent, clave).to.contain(cumple ? 'cumple' : 'no cumple');
      if (cumple) expect(medidor()!.value, clave).to.be.at.least(3);
      else expect(medidor()!.value, clave).to.be.below(3);
    }
  });

  it('«Sí» en mantener el correo deshabilita los campos de correo y código', async () => {
    const el = await montar();
    expect(campo(el, 'f-correo').disabled).to.be.false;
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    expect(campo(el, 'f-correo').disabled).to.be.true;
    expect(campo(el, 'f-confirmacionCorreo').disabled).to.be.true;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Comprobar disponibilidad').disabled).to.be.true;
    expect(campo(el, 'f-correo').getAttribute('aria-required')).to.equal('false');
  });

  it('los teléfonos se escriben como la gente los escribe: separadores y +593 se normalizan al salir, y se muestran', async () => {
    const el = await montar();
    for (const [id, escrito, guardado] of [
      ['f-telefono1', '+593 (04) 234-5678', '042345678'],
      ['f-telefono2', '+593 4 234 5678', '042345678'],
      ['f-celular-numero', '099 123 4567', '0991234567'],
      ['f-fax', '(02) 234–5678', '022345678'],
    ]) {
      await escribir(el, id!, escrito!);
      expect(campo(el, id!).value, 'mientras escribe queda como lo escribió').to.equal(escrito);
      await salir(el, id!);
      expect(campo(el, id!).value, id).to.equal(guardado);
      expect(campo(el, id!).getAttribute('aria-invalid'), id).to.equal('false');
    }
    expect(campo(el, 'f-telefono1').type).to.equal('tel');
    expect(campo(el, 'f-telefono1').hasAttribute('maxlength'), 'maxlength cortaría lo pegado en silencio').to.be.false;
  });

  it('Teléfono1 acepta un celular (0991234567) con País = Ecuador', async () => {
    const el = await montar();
    await escribir(el, 'f-telefono1', '0991234567');
    await salir(el, 'f-telefono1');
    expect($(el, '#f-telefono1-error'), 'error en un celular').to.equal(null);
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('false');
  });

  it('lo que no puede ser parte de un número se rechaza con un mensaje, sin borrar nada', async () => {
    const el = await montar();
    const escrito = '+593 (04) 234-5678 ext 12';
    await escribir(el, 'f-telefono1', escrito);
    await salir(el, 'f-telefono1');
    expect(campo(el, 'f-telefono1').value).to.equal(escrito);
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-telefono1-error').textContent).to.contain('Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión)');
    await escribir(el, 'f-celular-numero', '099-123-456a');
    await salir(el, 'f-celular-numero');
    expect(campo(el, 'f-celular-numero').value).to.equal('099-123-456a');
    expect($(el, '#f-celular-numero-error').textContent).to.contain('Solo admite dígitos');
  });
});
