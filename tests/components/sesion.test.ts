import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { BffFalso, CONTRASENA, json, usuarioDemo } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, elegir, escribir, esperar, esperarDialogo, listo, montar, montarConReloj, porEtiqueta, relojFalso, todos } from './ayuda.js';
import { AVISO_MS } from '../../components/modificar-usuario-general/controladores/inactividad.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

/** A baja sent while the password proof is stale: the re-authentication dialog opens over it. */
async function bajaQuePideContrasena(bff: BffFalso) {
    const el = await montar();
    bff.reautenticacionRequerida = true;
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const baja = await esperarDialogo(el, 'Motivo');
    const motivo = baja.querySelector('textarea')!;
    motivo.value = 'Cierre de la empresa importadora';
    motivo.dispatchEvent(new Event('input'));
    boton(baja, 'Solicitud de baja').click();
    await esperar(() => todos(el.shadowRoot!, 'dialog[open]').length === 2, 'no se apiló el diálogo de re-autenticación');
    const reaut = todos(el.shadowRoot!, 'dialog[open]').find((x) => x.textContent!.includes('Confirme su identidad'))!;
  return { el, reaut };
}

/** Lets the fake fetch, the lazy dialog's import and Lit's updates settle under fake timers. */
async function asentarReloj(el: ModificarUsuarioGeneral, reloj: sinon.SinonFakeTimers) {
  for (let i = 0; i < 10; i++) {
    await reloj.tickAsync(0);
    await el.updateComplete;
    // Not faked: real time for a module fetched with import().
    await new Promise((r) => requestAnimationFrame(r));
  }
}

describe('session: re-authentication, built-in login, host token, idleness and network', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('on 403 REAUTENTICACION_REQUERIDA asks for the password, keeps what was typed and repeats the call', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', 'Calle nueva 45');
    await escribir(el, 'f-correo', 'otro@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'otro@example.com');
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await esperar(() => campo(el, 'f-correo').readOnly);
    bff.reautenticacionRequerida = true;
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    const d = await esperarDialogo(el, 'Confirme su identidad');
    const clave = d.querySelector('input')!;
    expect(clave.type).to.equal('password');
    clave.value = 'mala';
    boton(d, 'Continuar').click();
    await esperar(() => d.querySelector('#error-reaut'));
    expect(d.querySelector('#error-reaut')!.textContent).to.equal('La contraseña no es correcta.');
    clave.value = CONTRASENA;
    boton(d, 'Continuar').click();
    await esperarDialogo(el, 'Vence en 15 minutos');
    expect(bff.de('POST /api/sesiones/reautenticacion').map((l) => l.cuerpo)).to.deep.equal([{ contrasena: 'mala' }, { contrasena: CONTRASENA }]);
    expect(bff.de('POST /api/correo/codigo')).to.have.length(2);
    expect(campo(el, 'f-direccion').value).to.equal('Calle nueva 45');
  });

  it('if the session expired while asking for the password, closes that dialog and shows the built-in login', async () => {
    const { el, reaut } = await bajaQuePideContrasena(bff);
    reaut.querySelector('input')!.value = CONTRASENA;
    bff.autenticado = false;
    boton(reaut, 'Continuar').click();
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    await esperar(() => dialogoAbierto(el) === null, 'quedó un diálogo abierto sobre el login');
    expect(bff.de('POST /api/usuario/baja')).to.have.length(1);
  });

  it('if the re-authentication is cancelled it does not repeat the call', async () => {
    const { el, reaut } = await bajaQuePideContrasena(bff);
    boton(reaut, 'Cancelar').click();
    await esperar(() => todos(el.shadowRoot!, 'dialog[open]').length <= 1);
    expect(bff.de('POST /api/usuario/baja')).to.have.length(1);
  });

  it('on 401 without a token shows its own login and then sends the token as Bearer', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    const id = login.querySelector<HTMLInputElement>('#login-id')!;
    const clave = login.querySelector<HTMLInputElement>('#login-clave')!;
    expect(login.querySelector('label[for="login-id"]')!.textContent).to.equal('ID.usuario');
    expect(login.querySelector('label[for="login-clave"]')!.textContent).to.equal('Contraseña');
    id.value = 'tmacay';
    clave.value = 'mala';
    boton(login, 'Ingresar').click();
    await esperar(() => login.textContent!.includes('ID.usuario o contraseña incorrectos.'));
    clave.value = CONTRASENA;
    boton(login, 'Ingresar').click();
    await listo(el);
    expect(bff.de('POST /api/sesiones').at(-1)!.cuerpo).to.deep.equal({ idUsuario: 'tmacay', contrasena: CONTRASENA });
    const ultima = bff.de('GET /api/usuario').at(-1)!;
    expect(ultima.cabeceras.get('Authorization')).to.equal(`Bearer ${bff.tokenEmitido}`);
    expect(ultima.credenciales).to.equal('omit');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('if the session expires mid-edit, keeps what was typed after the login', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', 'Dirección escrita antes');
    bff.autenticado = false;
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    login.querySelector<HTMLInputElement>('#login-id')!.value = 'tmacay';
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CONTRASENA;
    boton(login, 'Ingresar').click();
    await listo(el);
    expect(campo(el, 'f-direccion').value).to.equal('Dirección escrita antes');
  });

  it('if another user logs in after the session expired, shows that user\'s data and not what was typed before', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', 'Dirección escrita antes');
    bff.autenticado = false;
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    bff.usuario = { ...usuarioDemo(), idUsuario: 'otro', direccion: 'Dirección del otro usuario' };
    bff.una('POST /api/sesiones', () => {
      bff.tokenEmitido = 'token-otro';
      return json(201, { token: 'token-otro', expiraEn: new Date(Date.now() + 3600_000).toISOString() });
    });
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    login.querySelector<HTMLInputElement>('#login-id')!.value = 'Otro';
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CONTRASENA;
    boton(login, 'Ingresar').click();
    await esperar(() => campo(el, 'f-idUsuario')?.value === 'otro');
    expect(campo(el, 'f-direccion').value).to.equal('Dirección del otro usuario');
    expect(bff.de('GET /api/usuario').at(-1)!.cabeceras.get('Authorization')).to.equal('Bearer token-otro');
  });

  it('a new host token mid-edit keeps what was typed only if it is the same user', async () => {
    bff.tokenEmitido = 'token-a';
    const el = await montar({ token: 'token-a' });
    await escribir(el, 'f-direccion', 'Dirección escrita antes');
    bff.tokenEmitido = 'token-b';
    el.token = 'token-b';
    await esperar(() => bff.de('GET /api/usuario').some((l) => l.cabeceras.get('Authorization') === 'Bearer token-b'));
    await new Promise((r) => setTimeout(r, 50));
    expect(campo(el, 'f-direccion').value).to.equal('Dirección escrita antes');
    bff.usuario = { ...usuarioDemo(), idUsuario: 'otro', direccion: 'Dirección del otro usuario' };
    bff.tokenEmitido = 'token-c';
    el.token = 'token-c';
    await esperar(() => campo(el, 'f-idUsuario')?.value === 'otro');
    expect(campo(el, 'f-direccion').value).to.equal('Dirección del otro usuario');
  });

  it('with a host token sends it as Bearer and on 401 fires sesion-expirada without showing the login', async () => {
    bff.tokenEmitido = 'token-anfitrion';
    const el = await montar({ token: 'token-anfitrion' });
    expect(bff.de('GET /api/usuario')[0]!.cabeceras.get('Authorization')).to.equal('Bearer token-anfitrion');
    bff.tokenEmitido = 'otro';
    const evento = oneEvent(el, 'sesion-expirada');
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    const e = await evento;
    expect(e.bubbles && e.composed).to.be.true;
    expect(todos(el.shadowRoot!, 'form[part="login"]')).to.have.length(0);
  });

  it('with a host token already expired at load, fires sesion-expirada and loads with the new token', async () => {
    bff.tokenEmitido = 'nuevo';
    const el = document.createElement('modificar-usuario-general');
    el.setAttribute('api-base', 'http://bff.test');
    el.token = 'viejo';
    const evento = oneEvent(el, 'sesion-expirada');
    document.body.append(el);
    await evento;
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.contain('Su sesión terminó.');
    expect(todos(el.shadowRoot!, 'form[part="login"]')).to.have.length(0);
    el.token = 'nuevo';
    await listo(el);
    expect(bff.de('GET /api/usuario').at(-1)!.cabeceras.get('Authorization')).to.equal('Bearer nuevo');
    el.remove();
  });

  it('without a token uses the session cookie (credentials: include)', async () => {
    await montar();
    expect(bff.de('GET /api/usuario')[0]!.credenciales).to.equal('include');
    expect(bff.de('GET /api/usuario')[0]!.origen).to.equal('http://bff.test');
    expect(bff.de('GET /api/usuario')[0]!.cabeceras.has('Authorization')).to.be.false;
  });

  it('without network shows a clear message and «Reintentar» loads again', async () => {
    bff.sinRed = true;
    const el = await montar({ esperar: false });
    await esperar(() => $(el, '[part="aviso"]'));
    expect($(el, '[part="aviso"]').textContent).to.contain('No se pudo conectar con el servidor.');
    expect($(el, '[part="aviso"]').getAttribute('role')).to.equal('alert');
    bff.sinRed = false;
    boton(el.shadowRoot!, 'Reintentar').click();
    await listo(el);
  });

  it('an action without network offers to retry it', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    bff.sinRed = true;
    boton(el.shadowRoot!, 'Cambio de clave').click();
    const d = await esperarDialogo(el, 'No se pudo conectar con el servidor.');
    bff.sinRed = false;
    boton(d, 'Reintentar').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
  });

  it('the built-in login asks for the token without credentials (leaves no cookie): it stays in memory only', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    expect(porEtiqueta(el, 'ID.usuario')).to.have.length(1);
    expect(porEtiqueta(el, 'Contraseña')).to.have.length(1);
    login.querySelector<HTMLInputElement>('#login-id')!.value = 'tmacay';
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CONTRASENA;
    boton(login, 'Ingresar').click();
    await listo(el);
    expect(bff.de('POST /api/sesiones')[0]!.credenciales).to.equal('omit');
  });

  it('a token the host sets while the built-in login is shown is used at once', async () => {
    bff.autenticado = false;
    bff.tokenEmitido = 'del-anfitrion';
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    el.token = 'del-anfitrion';
    await listo(el);
    expect(bff.de('GET /api/usuario').at(-1)!.cabeceras.get('Authorization')).to.equal('Bearer del-anfitrion');
  });

  describe('idleness', () => {
    let reloj: sinon.SinonFakeTimers;
    afterEach(() => reloj?.restore());

    it('warns two minutes before the 30 of idleness and «Seguir conectado» renews the session', async () => {
      reloj = relojFalso();
      const el = await montarConReloj(reloj);
      expect($(el, 'form[part="formulario"]') !== null, 'falta form[part="formulario"]').to.be.true;
      await reloj.tickAsync(AVISO_MS - 1000);
      await el.updateComplete;
      expect(dialogoAbierto(el), 'aviso antes de tiempo').to.equal(null);
      await reloj.tickAsync(1000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el)!.textContent).to.contain('Su sesión se cerrará en 2 minutos por inactividad.');
      boton(el.shadowRoot!, 'Seguir conectado').click();
      await asentarReloj(el, reloj);
      expect(bff.de('GET /api/usuario/actividad')).to.have.length(1);
      expect(dialogoAbierto(el), 'el aviso sigue abierto').to.equal(null);
      await reloj.tickAsync(AVISO_MS - 1000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el) === null, 'queda un diálogo abierto').to.be.true;
    });

    it('choosing another province (public catalog, does not renew the session) does not delay the warning', async () => {
      reloj = relojFalso();
      const el = await montarConReloj(reloj);
      await reloj.tickAsync(20 * 60_000);
      await elegir(el, 'f-provincia', '17');
      for (let i = 0; i < 5; i++) await reloj.tickAsync(0);
      expect(bff.de('GET /api/catalogos/provincias/17/ciudades')).to.have.length(1);
      await reloj.tickAsync(AVISO_MS - 20 * 60_000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el)!.textContent).to.contain('Su sesión se cerrará en 2 minutos por inactividad.');
    });

    it('moved in the page (disconnected and connected again) keeps warning on time', async () => {
      reloj = relojFalso();
      const el = await montarConReloj(reloj);
      await reloj.tickAsync(60_000);
      const padre = el.parentNode!;
      el.remove();
      await reloj.tickAsync(60_000);
      padre.appendChild(el);
      await reloj.tickAsync(AVISO_MS - 120_000 - 1000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el), 'aviso antes de tiempo').to.equal(null);
      await reloj.tickAsync(1000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el)!.textContent).to.contain('Su sesión se cerrará en 2 minutos por inactividad.');
    });

    it('the warning is a modal dialog that takes the focus even with the page scrolled (WCAG 2.2.1), and gives it back where it was', async () => {
      reloj = relojFalso();
      const el = await montarConReloj(reloj);
      // The user is down at Teléfono2, the page scrolled, when the warning comes.
      el.style.display = 'block';
      document.body.style.paddingBottom = '200vh';
      const telefono2 = campo(el, 'f-telefono2');
      telefono2.scrollIntoView();
      telefono2.focus();
      try {
        await reloj.tickAsync(AVISO_MS);
        await asentarReloj(el, reloj);
        const d = dialogoAbierto(el)!;
        expect(d.matches(':modal'), 'no es modal').to.be.true;
        const caja = d.getBoundingClientRect();
        expect(caja.top, 'fuera de la vista').to.be.at.least(0);
        expect(caja.bottom, 'fuera de la vista').to.be.at.most(innerHeight);
        expect(d.getAttribute('aria-labelledby')).to.exist;
        const enfocado = (d.getRootNode() as ShadowRoot).activeElement!;
        expect(enfocado.textContent!.trim(), 'el foco no está en «Seguir conectado»').to.equal('Seguir conectado');
        // axe waits on real timers.
        reloj.restore();
        await expect(el).to.be.accessible();
        await sendKeys({ press: 'Enter' });
        await esperar(() => !dialogoAbierto(el));
        expect(bff.de('GET /api/usuario/actividad')).to.have.length(1);
        expect(el.shadowRoot!.activeElement, 'el foco no volvió a Teléfono2').to.equal(telefono2);
      } finally {
        document.body.style.paddingBottom = '';
      }
    });

    it('if the session expires with the warning open, the warning goes away and the closed-session message stays', async () => {
      reloj = relojFalso();
      const el = await montarConReloj(reloj);
      await reloj.tickAsync(AVISO_MS);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el)).to.not.equal(null);
      await reloj.tickAsync(2 * 60_000);
      await asentarReloj(el, reloj);
      expect(dialogoAbierto(el)).to.equal(null);
      expect($(el, '[part="aviso"]').textContent).to.contain('Su sesión se cerró por inactividad.');
      expect(bff.de('GET /api/usuario/actividad')).to.have.length(0);
    });
  });
});
