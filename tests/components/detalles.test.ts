// The smaller stumbles of issue 12: «Mostrar» on every password, a neutral checklist, the built-in
// login's invalid fields, the 412 dialog that keeps the user's edits, the code's cooldown worded as
// a wait.
import { expect } from '@open-wc/testing';
import { BffFalso, CONTRASENA, problema } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, montar, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

/** The «Mostrar» toggle of a password input: the button in the same row. */
function mostrar(input: HTMLInputElement): HTMLButtonElement {
  return input.parentElement!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
}

async function verificarContrasena(el: ModificarUsuarioGeneral) {
  await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
  boton(el.shadowRoot!, 'Cambio de clave').click();
  await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
}

describe('details that get in the way', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('every password has «Mostrar»: a button with aria-pressed whose name says what it shows', async () => {
    const el = await montar();
    await verificarContrasena(el);
    for (const [id, nombre] of [
      ['f-cambioClave-contrasenaAnterior', 'Mostrar Contraseña anterior'],
      ['f-cambioClave-contrasena', 'Mostrar Contraseña'],
      ['f-cambioClave-confirmacion', 'Mostrar Confirmación de Contraseña'],
    ]) {
      const input = campo(el, id!);
      const b = mostrar(input);
      expect(b.getAttribute('aria-label'), id).to.equal(nombre);
      expect(b.textContent!.trim()).to.equal('Mostrar');
      expect(b.getAttribute('aria-pressed')).to.equal('false');
      expect(input.type).to.equal('password');
      b.click();
      await el.updateComplete;
      expect(input.type, id).to.equal('text');
      expect(b.getAttribute('aria-pressed')).to.equal('true');
      b.click();
      await el.updateComplete;
      expect(input.type).to.equal('password');
    }
    await expect(el).to.be.accessible();
  });

  it('the requirements list starts neutral (pending), not with four red crosses', async () => {
    const el = await montar();
    await verificarContrasena(el);
    const items = [...el.shadowRoot!.querySelectorAll('.checklist li')];
    expect(items).to.have.length(4);
    expect(items.map((li) => li.className)).to.deep.equal(['pendiente', 'pendiente', 'pendiente', 'pendiente']);
    expect(items.every((li) => li.textContent!.includes('pendiente') && !li.textContent!.includes('✗'))).to.be.true;
    await escribir(el, 'f-cambioClave-contrasena', 'corta');
    expect(items[0]!.className).to.equal('falta');
  });

  it('the built-in login marks its empty fields aria-invalid and links them to the message; its password has «Mostrar»', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    const id = login.querySelector<HTMLInputElement>('#login-id')!;
    const clave = login.querySelector<HTMLInputElement>('#login-clave')!;
    boton(login, 'Ingresar').click();
    await esperar(() => login.querySelector('#login-error'));
    for (const input of [id, clave]) {
      expect(input.getAttribute('aria-invalid'), input.id).to.equal('true');
      expect(input.getAttribute('aria-describedby'), input.id).to.equal('login-error');
    }
    id.value = 'tmacay';
    id.dispatchEvent(new Event('input'));
    boton(login, 'Ingresar').click();
    await esperar(() => id.getAttribute('aria-invalid') === 'false');
    expect(clave.getAttribute('aria-invalid')).to.equal('true');
    const b = mostrar(clave);
    expect(b.getAttribute('aria-label')).to.equal('Mostrar Contraseña');
    b.click();
    await esperar(() => clave.type === 'text');
    await expect(el).to.be.accessible();
  });

  it('«Datos desactualizados» (412) shows what changed and lets the user keep what was typed over the new data', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-telefono2', '022345679');
    // Another session changes the address meanwhile.
    bff.usuario = { ...bff.usuario, direccion: 'Cambiada en otra ventana', version: 2 };
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    const d = await esperarDialogo(el, 'Datos desactualizados');
    expect(d.querySelector('.cambios')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Dirección: «Av. 9 de Octubre 100» → «Cambiada en otra ventana»',
    );
    expect(d.querySelector('button.principal')!.textContent!.trim()).to.equal('Conservar mis cambios');
    expect(boton(d, 'Descartar mis cambios')).to.exist;
    await expect(el).to.be.accessible();
    boton(d, 'Conservar mis cambios').click();
    await esperar(() => !dialogoAbierto(el));
    await esperar(() => campo(el, 'f-direccion').value === 'Cambiada en otra ventana', 'no tomó los datos nuevos');
    expect(campo(el, 'f-telefono2').value, 'lo que escribió').to.equal('022345679');
    expect($<HTMLInputElement>(el, 'input[name="mantenerCorreo"][value="si"]').checked).to.be.true;
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperarDialogo(el, 'con éxito');
    const put = bff.de('PUT /api/usuario').at(-1)!;
    expect(put.cabeceras.get('If-Match')).to.equal('"2"');
    expect(put.cuerpo).to.include({ direccion: 'Cambiada en otra ventana', telefono2: '022345679' });
  });

  it('if what the user edited also changed, says so and keeps the user\'s value; «Descartar» goes back to the server\'s data', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-direccion', 'Mi dirección nueva 123');
    bff.usuario = { ...bff.usuario, direccion: 'Cambiada en otra ventana', version: 2 };
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    const d = await esperarDialogo(el, 'Datos desactualizados');
    expect(d.querySelector('.cambios')!.textContent).to.contain('(usted escribió «Mi dirección nueva 123»: se conserva lo suyo)');
    boton(d, 'Descartar mis cambios').click();
    await esperar(() => campo(el, 'f-direccion').value === 'Cambiada en otra ventana');
  });

  it('the 60 s wait for another code is worded as a wait, not as «demasiados intentos»', async () => {
    const el = await montar();
    await escribir(el, 'f-correo', 'nuevo@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'nuevo@example.com');
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await esperar(() => campo(el, 'f-correo').readOnly);
    bff.una('POST /api/correo/codigo', () => problema(429, 'DEMASIADAS_SOLICITUDES', {}, { 'Retry-After': '45' }));
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    const d = await esperarDialogo(el, 'Espere para pedir otro código');
    expect(d.textContent).to.contain('Se envía un código por minuto. Podrá pedir otro en 45 segundos.');
    expect(d.textContent).not.to.contain('Demasiados intentos');
    boton(d, 'Aceptar').click();
    await esperar(() => !dialogoAbierto(el));
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    await esperar(() => el.shadowRoot!.activeElement?.id === 'f-codigoSeguridad', 'el foco no pasó al código');
  });
});
