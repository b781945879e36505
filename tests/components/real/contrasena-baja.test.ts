// User jsmith (passport, United States) against the real BFF: a foreign address, the English
// locale, "Cambio de clave" and a password change, and last the baja.
import { expect, oneEvent } from '@open-wc/testing';
import { $, abrirActividad, boton, campo, escribir, eventosActividad, todos } from '../ayuda.js';
import { correoRecibido, dialogosAbiertos, esperarDialogoReal, esperarReal, formularioListo, ingresarConLogin, montarReal } from './ayuda-real.js';
import { bandeja, CONTRASENA, iniciarBffReal, iniciarSesion, pedir } from '../../../paquete/testing.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';

const NUEVA = 'Tortuga-Galapagos-Verde-93';

async function verificarContrasena(el: ModificarUsuarioGeneral, contrasena: string, boton_ = 'Cambio de clave') {
  await escribir(el, 'f-cambioClave-contrasenaAnterior', contrasena);
  boton(el.shadowRoot!, boton_).click();
}

describe('real BFF: jsmith (United States), password and baja', () => {
  let bff: string;
  let token: string;
  const langDocumento = document.documentElement.lang;
  before(async function () {
    this.timeout(40000);
    bff = await iniciarBffReal();
    token = await iniciarSesion(bff, 'jsmith');
  });
  afterEach(() => {
    document.documentElement.lang = langDocumento;
  });

  it('shows the United States with Provincia and Ciudad disabled', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    const pais = $<HTMLSelectElement>(el, '#f-pais');
    expect(pais.value).to.equal('US');
    expect(pais.selectedOptions[0]!.textContent!.trim()).to.equal('Estados Unidos');
    expect(pais.options.length).to.be.at.least(249);
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-ciudad').disabled).to.be.true;
    expect($(el, '#f-provincia').getAttribute('aria-required')).not.to.equal('true');
    expect(campo(el, 'f-documento').value).to.equal('PASAPORTE (X1234567)');
    expect(campo(el, 'f-telefono1').value).to.equal('12125550100');
    expect($<HTMLSelectElement>(el, '#f-celular-operadora').value).to.equal('OTROS');
    await expect(el).to.be.accessible();
  });

  it('in English, with the real BFF\'s data and errors', async () => {
    const el = await montarReal(bff, { token, lang: 'en' });
    await formularioListo(el);
    await esperarReal(() => $(el, 'label[for="f-direccion"]').textContent!.includes('Address'), 'no se mostró en inglés');
    expect(campo(el, 'f-documento').value).to.equal('PASSPORT (X1234567)');
    expect($(el, 'h2').textContent).to.equal('Modify registration information for General User');
    await verificarContrasena(el, 'no-es-la-clave', 'Change password');
    await esperarReal(() => $(el, '#f-cambioClave-contrasenaAnterior-error'));
    expect($(el, '#f-cambioClave-contrasenaAnterior-error').textContent).to.equal('Current password: The password is not correct.');
    await abrirActividad(el);
    await esperarReal(() => eventosActividad(el).length > 0);
    const nombres = eventosActividad(el).map((li) => li.querySelector('strong')!.textContent!.trim());
    expect(nombres).to.include('Login');
    for (const n of nombres) expect(n).not.to.match(/_|[áéíóúñ]/i);
    await expect(el).to.be.accessible();
    el.lang = 'es';
    await esperarReal(() => $(el, 'label[for="f-direccion"]').textContent!.includes('Dirección'));
  });

  it('«Cambio de clave»: a wrong password stays on Contraseña anterior; the right one enables the new ones', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    expect(campo(el, 'f-cambioClave-confirmacion').disabled).to.be.true;
    await verificarContrasena(el, 'Clave-Demo-2025');
    await esperarReal(() => $(el, '#f-cambioClave-contrasenaAnterior-error'), 'no mostró INCORRECTA');
    expect($(el, '#f-cambioClave-contrasenaAnterior-error').textContent).to.equal('Contraseña anterior: La contraseña no es correcta.');
    expect(campo(el, 'f-cambioClave-contrasenaAnterior').getAttribute('aria-invalid')).to.equal('true');
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    await verificarContrasena(el, CONTRASENA);
    await esperarReal(() => !campo(el, 'f-cambioClave-contrasena').disabled, 'no habilitó la nueva contraseña');
    expect(campo(el, 'f-cambioClave-confirmacion').disabled).to.be.false;
    expect($(el, '#f-cambioClave-contrasenaAnterior-error') === null, '#f-cambioClave-contrasenaAnterior-error no debería estar').to.be.true;
    await esperarReal(() => el.shadowRoot!.activeElement?.id === 'f-cambioClave-contrasena');
  });

  it('changes the password and keeps working with the renewed session; only the new one logs in', async function () {
    this.timeout(30000);
    const el = await montarReal(bff);
    await ingresarConLogin(el, 'jsmith');
    await formularioListo(el);
    await verificarContrasena(el, CONTRASENA);
    await esperarReal(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', NUEVA);
    await escribir(el, 'f-cambioClave-confirmacion', NUEVA);
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await esperarReal(() => $(el, 'meter[part="medidor"]'), 'no evaluó la contraseña');
    boton(el.shadowRoot!, 'Modificar').click();
    boton(await esperarDialogoReal(el, '¿Está seguro de modificar la información?'), 'Sí').click();
    boton(await esperarDialogoReal(el, 'La información se actualizó con éxito.'), 'Aceptar').click();
    await esperarReal(() => dialogosAbiertos(el).length === 0);
    expect(campo(el, 'f-cambioClave-contrasena').value).to.equal('');
    // Every earlier session ended, this one goes on with the token the BFF renewed.
    expect((await pedir(bff, 'GET', '/api/usuario', { token })).status).to.equal(401);
    await abrirActividad(el);
    await esperarReal(() => eventosActividad(el).length > 0, 'no se listó la actividad con la sesión renovada');
    expect(eventosActividad(el)[0]!.querySelector('strong')!.textContent).to.equal('Cambio de contraseña');
    expect(todos(el.shadowRoot!, 'form[part="login"]')).to.have.length(0);
    expect((await pedir(bff, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'jsmith', contrasena: CONTRASENA } })).status).to.equal(401);
    token = await iniciarSesion(bff, 'jsmith', NUEVA);
    await correoRecibido(bff, (c) => c.para === 'john.smith@example.org' && /contraseña/i.test(c.asunto), 'el aviso de contraseña cambiada');
  });

  it('with the host\'s token, after the password change goes on with the renewed one and does not fire sesion-expirada', async function () {
    this.timeout(30000);
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    let expirada = 0;
    el.addEventListener('sesion-expirada', () => expirada++);
    await verificarContrasena(el, NUEVA);
    await esperarReal(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', `${NUEVA}-Bis`);
    await escribir(el, 'f-cambioClave-confirmacion', `${NUEVA}-Bis`);
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await esperarReal(() => $(el, 'meter[part="medidor"]'));
    boton(el.shadowRoot!, 'Modificar').click();
    boton(await esperarDialogoReal(el, '¿Está seguro de modificar la información?'), 'Sí').click();
    boton(await esperarDialogoReal(el, 'La información se actualizó con éxito.'), 'Aceptar').click();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-fax', '12125550111');
    const evento = oneEvent(el, 'usuario-modificado');
    boton(el.shadowRoot!, 'Modificar').click();
    boton(await esperarDialogoReal(el, '¿Está seguro de modificar la información?'), 'Sí').click();
    expect((await evento).detail.fax).to.equal('12125550111');
    expect(expirada).to.equal(0);
    boton(await esperarDialogoReal(el, 'con éxito'), 'Aceptar').click();
    token = await iniciarSesion(bff, 'jsmith', `${NUEVA}-Bis`);
  });

  it('«Solicitud de baja»: informative message, baja-solicitada, and the user can no longer log in', async function () {
    this.timeout(20000);
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogoReal(el, 'Motivo');
    const motivo = d.querySelector('textarea')!;
    motivo.value = 'Cierre de la empresa importadora en Ecuador';
    motivo.dispatchEvent(new Event('input'));
    const evento = oneEvent(el, 'baja-solicitada');
    boton(d, 'Solicitud de baja').click();
    const aviso = await esperarDialogoReal(el, 'Su solicitud de baja fue registrada');
    boton(aviso, 'Aceptar').click();
    const e = await evento;
    expect(e.detail.estado).to.equal('REGISTRADA');
    expect(e.detail.id).to.be.a('string');
    expect(Number.isNaN(Date.parse(e.detail.creadaEn))).to.be.false;
    await esperarReal(() => el.shadowRoot!.textContent!.includes('Su usuario fue dado de baja.'));
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Su usuario fue dado de baja.');
    const login = await pedir(bff, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'jsmith', contrasena: `${NUEVA}-Bis` } });
    expect([login.status, login.cuerpo.codigo]).to.deep.equal([403, 'CUENTA_INACTIVA']);
    expect((await pedir(bff, 'GET', '/api/usuario', { token })).status).to.equal(401);
    await correoRecibido(bff, (c) => c.para === 'john.smith@example.org' && c.asunto === 'Solicitud de baja de usuario registrada', 'la confirmación de la baja');
    // Its own login (another page) refuses the user.
    const otro = await montarReal(bff);
    const form = await ingresarConLogin(otro, 'jsmith', `${NUEVA}-Bis`);
    await esperarReal(() => form.textContent!.includes('La cuenta no está activa.'), 'no dijo que la cuenta no está activa');
  });
});
