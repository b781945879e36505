// The new-email flow against the real BFF: availability, the code read from the dev outbox,
// a wrong code with the tries left, the change itself, and an address taken meanwhile.
import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { $, abrirActividad, boton, campo, escribir, eventosActividad } from '../ayuda.js';
import { correoRecibido, dialogosAbiertos, esperarDialogoReal, esperarReal, formularioListo, ingresarConLogin, montarReal } from './ayuda-real.js';
import { bandeja, CONTRASENA, codigoEnviadoA, iniciarBffReal, iniciarSesion, leerUsuario, pedir } from '../../../paquete/testing.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';

async function comprobar(el: ModificarUsuarioGeneral, correo: string) {
  await escribir(el, 'f-correo', correo);
  await escribir(el, 'f-confirmacionCorreo', correo);
  boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
}

async function solicitarCodigo(el: ModificarUsuarioGeneral) {
  boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
  const d = await esperarDialogoReal(el, 'Vence en 15 minutos');
  expect(d.textContent).to.contain('ACTIVACIÓN DE CORREO ELECTRÓNICO');
  boton(d, 'Aceptar').click();
  await esperarReal(() => dialogosAbiertos(el).length === 0);
}

async function modificarConSi(el: ModificarUsuarioGeneral) {
  boton(el.shadowRoot!, 'Modificar').click();
  boton(await esperarDialogoReal(el, '¿Está seguro de modificar la información?'), 'Sí').click();
}

describe('real BFF: email change', () => {
  let bff: string;
  before(async function () {
    this.timeout(40000);
    bff = await iniciarBffReal();
  });
  afterEach(() => sinon.restore());

  it('another user\'s email is not available; a new one locks the fields', async () => {
    const token = await iniciarSesion(bff, 'mzambrano');
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await comprobar(el, 'ocupado@example.com');
    await esperarReal(() => $(el, '#f-correo-error'), 'no dijo que el correo está ocupado');
    expect($(el, '#f-correo-error').textContent).to.equal('Correo Electrónico: Este correo ya está registrado por otro usuario.');
    expect(campo(el, 'f-correo').readOnly).to.be.false;
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    await comprobar(el, 'Maria.Zambrano.Nuevo@example.com');
    await esperarReal(() => campo(el, 'f-correo').readOnly, 'no bloqueó los campos');
    expect(campo(el, 'f-confirmacionCorreo').readOnly).to.be.true;
    expect($(el, '#f-correo-error') === null, '#f-correo-error no debería estar').to.be.true;
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.false;
  });

  it('asks for the code, reads it from the inbox, a wrong code shows the attempts left and the right one changes the email', async function () {
    this.timeout(30000);
    const token = await iniciarSesion(bff, 'mzambrano');
    const nuevo = 'maria.zambrano.nueva@example.com';
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await comprobar(el, 'Maria.Zambrano.Nueva@Example.com');
    await esperarReal(() => campo(el, 'f-correo').readOnly);
    await solicitarCodigo(el);
    expect($(el, '[role="timer"]').textContent).to.match(/^1[45]:\d\d$/);
    const codigo = await codigoEnviadoA(bff, nuevo);
    const [mensaje] = await bandeja(bff);
    expect(mensaje!.asunto).to.equal('ACTIVACIÓN DE CORREO ELECTRÓNICO');

    const errado = codigo.startsWith('2') ? `3${codigo.slice(1)}` : `2${codigo.slice(1)}`;
    await escribir(el, 'f-codigoSeguridad', errado.toLowerCase());
    // What the real BFF answers: the tries left as a number in the error entry (not only in its text).
    const rechazos: { errores: { campo: string; intentosRestantes?: unknown }[] }[] = [];
    const fetchOriginal = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const r = await fetchOriginal(...args);
      if (r.status === 422) rechazos.push(await r.clone().json());
      return r;
    };
    try {
      await modificarConSi(el);
      await esperarReal(() => $(el, '#f-codigoSeguridad-error'), 'no mostró el error del código');
    } finally {
      window.fetch = fetchOriginal;
    }
    expect(rechazos[0]!.errores.find((e) => e.campo === 'codigoSeguridad')!.intentosRestantes).to.equal(4);
    expect($(el, '#f-codigoSeguridad-error').textContent).to.equal('Ingrese código de seguridad: El código de seguridad no es correcto.');
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Intentos restantes con este código: 4.');
    // GOV.UK: the summary takes the focus; its link leads to the code.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('resumen-errores');
    expect((await leerUsuario(bff, token)).usuario.correo).to.equal('maria.zambrano@example.com');

    await escribir(el, 'f-codigoSeguridad', codigo.toLowerCase());
    expect($(el, '#f-codigoSeguridad-error') === null, '#f-codigoSeguridad-error no debería estar').to.be.true;
    const evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    expect((await evento).detail.correo).to.equal(nuevo);
    boton(await esperarDialogoReal(el, 'La información se actualizó con éxito.'), 'Aceptar').click();
    expect((await leerUsuario(bff, token)).usuario.correo).to.equal(nuevo);
    // The form is back to its initial state with the new address shown as the registered one.
    expect($(el, '#correo-actual').textContent).to.contain(nuevo);
    expect(campo(el, 'f-correo').value).to.equal('');
    expect($(el, '[role="timer"]') === null, '[role="timer"] no debería estar').to.be.true;
    // The old address got the notice with "No reconozco este cambio".
    const aviso = await correoRecibido(bff, (c) => c.para === 'maria.zambrano@example.com', 'el aviso al correo anterior');
    expect(aviso.texto).to.contain('No reconozco este cambio');
  });

  it('after «No reconozco este cambio» the built-in login says CUENTA_BLOQUEADA and what to do (es, en); only the unlock link unlocks it', async function () {
    this.timeout(40000);
    const aviso = await correoRecibido(bff, (c) => c.para === 'maria.zambrano@example.com' && c.texto.includes('No reconozco este cambio'), 'el aviso');
    const enlace = /\/correo\/revertir\/([A-Za-z0-9_-]+)/.exec(aviso?.texto ?? '');
    expect(enlace, 'el aviso no trae el enlace').to.not.be.null;
    expect((await pedir(bff, 'POST', '/api/correo/revertir', { cuerpo: { token: enlace![1] } })).status).to.equal(204);

    // The right password on the element's own login: no session, the blocked message says what to do.
    const el = await montarReal(bff);
    const login = await ingresarConLogin(el, 'mzambrano');
    await esperarReal(() => login.querySelector('[role="alert"] .error'), 'no mostró el error del login');
    expect(login.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      'Su usuario está bloqueado por seguridad: se usó el enlace «No reconozco este cambio». Para desbloquearlo abra el enlace «Crear una contraseña nueva» que enviamos a su correo registrado y elija otra contraseña (la anterior ya no basta). Vence en 1 hora; si venció, ingrese de nuevo y le enviaremos otro.',
    );
    expect(el.shadowRoot!.querySelector('form[part="formulario"]')).to.be.null;
    await expect(el).to.be.accessible();
    const en = await montarReal(bff, { lang: 'en' });
    const loginEn = await ingresarConLogin(en, 'mzambrano');
    await esperarReal(() => loginEn.querySelector('[role="alert"] .error')?.textContent?.includes('Your user is locked'), 'no mostró el error en inglés');
    expect(loginEn.querySelector('[role="alert"]')!.textContent).to.contain('open the “Crear una contraseña nueva” (create a new password) link');

    // The reset link went to the restored address; its page's form sets a new password and unblocks.
    const correo = await correoRecibido(bff, (c) => c.asunto.startsWith('Desbloquee su usuario'), 'el enlace de desbloqueo');
    expect(correo.para).to.equal('maria.zambrano@example.com');
    const reset = /\/clave\/restablecer\/([A-Za-z0-9_-]{43})/.exec(correo.texto)![1]!;
    const nueva = 'Volcan-Cotopaxi-Nevado-58';
    // The form post, as the page sends it; the answer (a same-origin page, CORP same-origin) is not
    // readable from this other site, so the effect is checked by logging in.
    await fetch(`${bff}/clave/restablecer`, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ token: reset, contrasena: nueva, confirmacion: nueva }) }).catch(
      () => undefined,
    );
    expect((await pedir(bff, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'mzambrano', contrasena: CONTRASENA } })).status).to.equal(401);
    const libre = await montarReal(bff);
    await ingresarConLogin(libre, 'mzambrano', nueva);
    await formularioListo(libre);
    expect($(libre, '#correo-actual').textContent).to.contain('maria.zambrano@example.com');
    await abrirActividad(libre);
    await esperarReal(() => eventosActividad(libre).length > 0);
    const items = eventosActividad(libre).map((li) => li.querySelector('strong')!.textContent);
    expect(items.slice(0, 4)).to.deep.equal([
      'Inicio de sesión',
      'Intento de inicio de sesión fallido', // the old password, tried above
      'Contraseña nueva con el enlace de desbloqueo',
      'Cambio de correo revertido («No reconozco este cambio»)',
    ]);
    // Unblocked: the email flow is open again.
    await comprobar(libre, 'otra.maria@example.com');
    await esperarReal(() => campo(libre, 'f-correo').readOnly, 'sigue bloqueado tras el enlace de desbloqueo');
  });

  it('«Usar otro correo» also voids the sent code on the server', async function () {
    this.timeout(20000);
    const token = await iniciarSesion(bff, 'jsmith');
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await comprobar(el, 'john.smith.nuevo@example.org');
    await esperarReal(() => campo(el, 'f-correo').readOnly);
    await solicitarCodigo(el);
    const codigo = await codigoEnviadoA(bff, 'john.smith.nuevo@example.org');
    const fetch = sinon.spy(window, 'fetch');
    boton(el.shadowRoot!, 'Usar otro correo').click();
    await esperarReal(() => fetch.getCalls().some((c) => String(c.args[0]).endsWith('/api/correo/codigo') && c.args[1]?.method === 'DELETE'), 'no anuló el código');
    await fetch.getCalls().at(-1)!.returnValue;
    // That code no longer changes the address, even sent by hand.
    const { usuario, etag } = await leerUsuario(bff, token);
    const put = await pedir(bff, 'PUT', '/api/usuario', {
      token,
      cabeceras: { 'If-Match': etag },
      cuerpo: {
        nombre: usuario.nombre, pais: usuario.pais, provincia: usuario.provincia, ciudad: usuario.ciudad, direccion: usuario.direccion,
        telefono1: usuario.telefono1, telefono2: usuario.telefono2, celular: usuario.celular, fax: usuario.fax, mantenerCorreo: false,
        correo: 'john.smith.nuevo@example.org', confirmacionCorreo: 'john.smith.nuevo@example.org', codigoSeguridad: codigo,
      },
    });
    expect(put.status).to.equal(422);
    expect(put.cuerpo.errores[0].campo).to.equal('codigoSeguridad');
    // The 60-second wait for another code holds for any address, on both sides.
    await comprobar(el, 'john.smith.otro@example.org');
    await esperarReal(() => campo(el, 'f-correo').readOnly);
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.match(/Podrá pedir otro código en (00:[0-5]\d|01:00)\./);
    const otro = await pedir(bff, 'POST', '/api/correo/codigo', { token, cuerpo: { correo: 'john.smith.otro@example.org' } });
    expect(otro.status).to.equal(429);
    expect(Number(otro.cabeceras.get('Retry-After'))).to.be.within(1, 60);
  });

  it('if another user takes the email meanwhile, the server\'s error lands on Correo Electrónico', async function () {
    this.timeout(30000);
    const disputado = 'compartido@example.com';
    const token = await iniciarSesion(bff, 'tmacay');
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await comprobar(el, disputado);
    await esperarReal(() => campo(el, 'f-correo').readOnly);
    await solicitarCodigo(el);
    const suyo = await codigoEnviadoA(bff, disputado);

    // User "ocupado" gets there first.
    const otro = await iniciarSesion(bff, 'ocupado');
    expect((await pedir(bff, 'POST', '/api/correo/codigo', { token: otro, cuerpo: { correo: disputado } })).status).to.equal(202);
    await esperarReal(async () => (await bandeja(bff)).filter((c) => c.para === disputado).length === 2);
    const delOtro = await codigoEnviadoA(bff, disputado);
    const { usuario, etag } = await leerUsuario(bff, otro);
    const tomado = await pedir(bff, 'PUT', '/api/usuario', {
      token: otro,
      cabeceras: { 'If-Match': etag },
      cuerpo: {
        nombre: usuario.nombre, pais: usuario.pais, provincia: usuario.provincia, ciudad: usuario.ciudad, direccion: usuario.direccion,
        telefono1: usuario.telefono1, telefono2: usuario.telefono2, celular: usuario.celular, fax: usuario.fax, mantenerCorreo: false,
        correo: disputado, confirmacionCorreo: disputado, codigoSeguridad: delOtro,
      },
    });
    expect(tomado.status).to.equal(200);

    await escribir(el, 'f-codigoSeguridad', suyo);
    await modificarConSi(el);
    await esperarReal(() => $(el, '#f-correo-error'), 'no mostró el error en Correo Electrónico');
    expect($(el, '#f-correo-error').textContent).to.equal('Correo Electrónico: Este correo ya está registrado por otro usuario.');
    // The fields are unlocked to type another address.
    expect(campo(el, 'f-correo').readOnly).to.be.false;
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('resumen-errores');
    expect((await leerUsuario(bff, token)).usuario.correo).to.equal('tito.macay@example.com');
  });
});
