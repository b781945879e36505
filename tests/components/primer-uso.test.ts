// What a new user stumbles on (issue 12): the email question on the first save, the GOV.UK error
// summary, and Enter in a field that has its own button.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffFalso, CONTRASENA } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, montar, salir } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const resumen = (el: ModificarUsuarioGeneral) => el.shadowRoot!.querySelector<HTMLElement>('[part="resumen-errores"]');
const enlaces = (el: ModificarUsuarioGeneral) => [...(resumen(el)?.querySelectorAll('a') ?? [])];
const enfocado = (el: ModificarUsuarioGeneral) => el.shadowRoot!.activeElement as HTMLElement | null;
const radio = (el: ModificarUsuarioGeneral, valor: 'si' | 'no') => $(el, `input[name="mantenerCorreo"][value="${valor}"]`);

async function modificarConErrores(el: ModificarUsuarioGeneral) {
  boton(el.shadowRoot!, 'Modificar').click();
  await esperar(() => resumen(el) && enfocado(el) === resumen(el), 'el foco no fue al resumen');
}

describe('the email question on the first save', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('with «No» (the seed\'s default) and no new email, changing a phone gives one error, on the question, saying what to do', async () => {
    const el = await montar();
    expect(radio(el, 'no').checked, 'el instructivo: «No» por defecto').to.be.true;
    await escribir(el, 'f-telefono2', '0991234567');
    await salir(el, 'f-telefono2');
    await modificarConErrores(el);
    expect(enlaces(el).map((a) => a.textContent!.trim())).to.deep.equal([
      'Desea mantener el mismo correo electrónico: Elija «Sí» para conservar su correo registrado, o escriba el nuevo en «Correo Electrónico».',
    ]);
    for (const id of ['f-correo', 'f-confirmacionCorreo', 'f-codigoSeguridad']) {
      expect(campo(el, id).getAttribute('aria-invalid'), id).to.equal('false');
      expect($(el, `#${id}-error`), id).to.equal(null);
    }
    const grupo = $(el, '[role="radiogroup"]');
    expect(grupo.getAttribute('aria-invalid')).to.equal('true');
    expect(grupo.getAttribute('aria-describedby')).to.contain('mantenerCorreo-error');
    expect($(el, '#mantenerCorreo-error').textContent).to.equal(enlaces(el)[0]!.textContent!.trim());
    // The link leads to «Sí», the answer that fixes it with one key.
    enlaces(el)[0]!.click();
    expect(enfocado(el)).to.equal(radio(el, 'si'));
    await expect(el).to.be.accessible();
  });

  it('after a save the question keeps the user\'s choice, and the next edit saves without errors', async () => {
    const el = await montar();
    radio(el, 'si').click();
    await escribir(el, 'f-telefono2', '022345679');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperarDialogo(el, 'con éxito');
    boton(el.shadowRoot!, 'Aceptar').click();
    await esperar(() => !dialogoAbierto(el));
    expect(radio(el, 'si').checked, 'volvió a «No»').to.be.true;
    expect(campo(el, 'f-correo').disabled).to.be.true;
    await escribir(el, 'f-direccion', 'Av. 9 de Octubre 200');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    expect(resumen(el)).to.equal(null);
  });
});

describe('GOV.UK-style error summary', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('the code\'s link leads to an enabled control: the button that enables it, never the disabled field', async () => {
    const el = await montar();
    await escribir(el, 'f-correo', 'nuevo@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'nuevo@example.com');
    await modificarConErrores(el);
    const codigo = () => enlaces(el).find((a) => a.textContent!.startsWith('Ingrese código de seguridad'))!;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.true;
    codigo().click();
    expect(enfocado(el)?.id).to.equal('boton-comprobar');
    expect((enfocado(el) as HTMLButtonElement).disabled).to.be.false;
    // Checked: now «Solicitar código de seguridad» enables the code, and its link goes there.
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await esperar(() => campo(el, 'f-correo').readOnly);
    await modificarConErrores(el);
    codigo().click();
    expect(enfocado(el)?.id).to.equal('boton-solicitar-codigo');
    // Every link of the summary leads to an enabled control.
    for (const a of enlaces(el)) {
      a.click();
      const destino = enfocado(el) as HTMLInputElement | HTMLButtonElement;
      expect(destino && !destino.disabled, a.textContent!).to.be.true;
    }
  });

  it('every submit with errors brings the focus back to the summary; fixing a field does not announce it again', async () => {
    const el = await montar();
    radio(el, 'si').click();
    await escribir(el, 'f-direccion', '');
    await escribir(el, 'f-telefono1', '1');
    await modificarConErrores(el);
    expect(enlaces(el)).to.have.length(2);
    await escribir(el, 'f-direccion', 'Av. 9 de Octubre 100');
    await el.updateComplete;
    expect(enlaces(el)).to.have.length(1);
    // No live region anywhere in the form: only the focus makes the summary heard.
    expect(el.shadowRoot!.querySelector('form [role="alert"]')).to.equal(null);
    campo(el, 'f-direccion').focus();
    await modificarConErrores(el);
    expect(resumen(el)!.querySelector('h3')!.textContent).to.equal('Hay 1 campo por corregir');
  });
});

describe('Enter in a field with its own button runs that button, not the form\'s validation', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('Contraseña anterior: Enter presses «Cambio de clave»', async () => {
    const el = await montar();
    campo(el, 'f-cambioClave-contrasenaAnterior').focus();
    await sendKeys({ type: CONTRASENA });
    await sendKeys({ press: 'Enter' });
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled, 'no se verificó la contraseña');
    expect(bff.de('POST /api/usuario/clave/verificacion')).to.have.length(1);
    expect(resumen(el)).to.equal(null);
    expect(dialogoAbierto(el)).to.equal(null);
    expect(enfocado(el)?.id).to.equal('f-cambioClave-contrasena');
  });

  it('Confirmación de correo: Enter presses «Comprobar disponibilidad»; in the empty code, «Solicitar código de seguridad»', async () => {
    const el = await montar();
    await escribir(el, 'f-correo', 'nuevo@example.com');
    campo(el, 'f-confirmacionCorreo').focus();
    await sendKeys({ type: 'nuevo@example.com' });
    await sendKeys({ press: 'Enter' });
    await esperar(() => campo(el, 'f-correo').readOnly, 'no se comprobó la disponibilidad');
    expect(bff.de('POST /api/correo/disponibilidad')).to.have.length(1);
    expect(resumen(el)).to.equal(null);
    campo(el, 'f-codigoSeguridad').focus();
    await sendKeys({ press: 'Enter' });
    await esperarDialogo(el, 'ACTIVACIÓN DE CORREO ELECTRÓNICO');
    expect(bff.de('POST /api/correo/codigo')).to.have.length(1);
    expect(resumen(el)).to.equal(null);
  });
});
