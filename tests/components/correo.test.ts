import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { BffFalso, CODIGO, json, problema } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, montar, relojFalso, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const NUEVO = 'Nuevo.Correo@Example.com';

async function comprobar(el: ModificarUsuarioGeneral, correo = NUEVO) {
  await escribir(el, 'f-correo', correo);
  await escribir(el, 'f-confirmacionCorreo', correo);
  boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
}

/** Lets the fake fetch, Lit's updates and the dialog queue settle under fake timers. */
async function asentar(el: ModificarUsuarioGeneral, reloj: sinon.SinonFakeTimers) {
  for (let i = 0; i < 5; i++) {
    await reloj.tickAsync(0);
    await el.updateComplete;
  }
}

/** A free address checked and a code requested (its message accepted), under fake timers from then on. */
async function codigoPedidoConReloj(el: ModificarUsuarioGeneral) {
  await comprobar(el);
  await esperar(() => campo(el, 'f-correo').readOnly);
  const reloj = relojFalso(Date.parse('2026-11-29T10:00:00Z'));
  try {
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await asentar(el, reloj);
    boton(el.shadowRoot!, 'Aceptar').click();
    await asentar(el, reloj);
    return reloj;
  } catch (e) {
    // The test never gets the clock to restore it: do it here, or every later test would hang.
    reloj.restore();
    throw e;
  }
}

describe('new email and security code', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('«Comprobar disponibilidad» locks both fields when the email is free', async () => {
    const el = await montar();
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    expect(bff.de('POST /api/correo/disponibilidad')[0]!.cuerpo).to.deep.equal({ correo: NUEVO });
    expect(campo(el, 'f-confirmacionCorreo').readOnly).to.be.true;
    expect(boton(el.shadowRoot!, 'Comprobar disponibilidad').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.false;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.false;
  });

  it('disabled buttons are legible and say why they are disabled', async () => {
    const el = await montar();
    const raiz = el.shadowRoot!;
    const porQue = (b: HTMLButtonElement) => {
      const ids = b.getAttribute('aria-describedby');
      expect(ids, `«${b.textContent!.trim()}» sin aria-describedby`).to.be.a('string');
      return ids!.split(' ').map((id) => raiz.getElementById(id)!.textContent!.trim()).join(' ');
    };
    const solicitar = boton(raiz, 'Solicitar código de seguridad');
    expect(solicitar.disabled).to.be.true;
    expect(porQue(solicitar)).to.equal('Primero compruebe la disponibilidad del correo.');
    const estilo = getComputedStyle(solicitar);
    expect(contraste(estilo.color, estilo.backgroundColor)).to.be.at.least(3);
    expect(estilo.borderStyle).to.equal('dashed');
    expect(estilo.cursor).to.equal('not-allowed');
    expect(estilo.opacity).to.equal('1');

    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    const comprobarBoton = boton(raiz, 'Comprobar disponibilidad');
    expect(comprobarBoton.disabled).to.be.true;
    expect(porQue(comprobarBoton)).to.equal('Para cambiar el correo elija «No».');
    expect(porQue(boton(raiz, 'Solicitar código de seguridad'))).to.equal('Para cambiar el correo elija «No».');
    expect(raiz.getElementById('ayuda-mantener')!.getBoundingClientRect().height).to.be.greaterThan(0);

    $(el, 'input[name="mantenerCorreo"][value="no"]').click();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    expect(porQue(boton(raiz, 'Comprobar disponibilidad'))).to.equal('Correo disponible.');
  });

  it('does not ask the server if the emails do not match or it is the current one', async () => {
    const el = await montar();
    await escribir(el, 'f-correo', 'a@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'b@example.com');
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await el.updateComplete;
    expect($(el, '#f-confirmacionCorreo-error').textContent).to.equal('Confirmación de correo electrónico: Debe ser igual al Correo Electrónico.');
    await comprobar(el, 'TITO.MACAY@example.com');
    await el.updateComplete;
    expect($(el, '#f-correo-error').textContent).to.equal('Correo Electrónico: Debe ser distinto del correo registrado actualmente.');
    expect(bff.de('POST /api/correo/disponibilidad')).to.have.length(0);
  });

  it('warns when the email is already used by another user', async () => {
    const el = await montar();
    await comprobar(el, 'ocupado@example.com');
    await esperar(() => $(el, '#f-correo-error'));
    expect($(el, '#f-correo-error').textContent).to.equal('Correo Electrónico: Este correo ya está registrado por otro usuario.');
    expect(campo(el, 'f-correo').readOnly).to.be.false;
  });

  it('an availability answer that arrives after the email changed does not lock the fields', async () => {
    const el = await montar();
    const responder = bff.retener('POST /api/correo/disponibilidad');
    await comprobar(el);
    await esperar(() => bff.de('POST /api/correo/disponibilidad').length === 1);
    await escribir(el, 'f-correo', 'otro.distinto@example.com');
    responder(json(200, { disponible: true }));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(campo(el, 'f-correo').readOnly).to.be.false;
    expect(el.shadowRoot!.querySelector('#correo-disponible')).to.be.null;
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Comprobar disponibilidad').disabled).to.be.false;
  });

  it('if «Usar otro correo» is pressed while the code is requested, no countdown or message is left, and the code is voided', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    const responder = bff.retener('POST /api/correo/codigo');
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperar(() => bff.de('POST /api/correo/codigo').length === 1);
    boton(el.shadowRoot!, 'Usar otro correo').click();
    await el.updateComplete;
    const ahora = Date.now();
    responder(json(202, { expiraEn: new Date(ahora + 15 * 60_000).toISOString(), reenviarDesde: new Date(ahora + 60_000).toISOString() }));
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="cuenta-regresiva"]')).to.be.null;
    expect(dialogoAbierto(el)).to.be.null;
    expect(bff.de('DELETE /api/correo/codigo')).to.have.length(1);
    expect(campo(el, 'f-correo').readOnly).to.be.false;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.true;
  });

  it('«Usar otro correo» unlocks the fields and voids the check and the code', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperarDialogo(el, 'ACTIVACIÓN DE CORREO ELECTRÓNICO');
    boton(el.shadowRoot!, 'Aceptar').click();
    await esperar(() => $(el, '[role="timer"]') && !dialogoAbierto(el));
    boton(el.shadowRoot!, 'Usar otro correo').click();
    await el.updateComplete;
    expect(campo(el, 'f-correo').readOnly).to.be.false;
    expect($(el, '#correo-disponible'), '«Correo disponible.» no debería estar').to.be.null;
    expect($(el, '[role="timer"]'), 'la cuenta regresiva no debería estar').to.be.null;
    expect(boton(el.shadowRoot!, 'Solicitar código de seguridad').disabled).to.be.true;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.true;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-correo');
  });

  it('pasting the code is not blocked (Lighthouse: paste-preventing input) and it is normalised on entry', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => !campo(el, 'f-codigoSeguridad').disabled);
    const c = campo(el, 'f-codigoSeguridad');
    expect(c.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(c.hasAttribute('maxlength'), 'maxlength cortaría el pegado «ABCD 2345» con espacios').to.be.false;
    const datos = new DataTransfer();
    datos.setData('text', ' abcd 2345 ');
    const pegado = new ClipboardEvent('paste', { clipboardData: datos, bubbles: true, cancelable: true, composed: true });
    c.focus();
    c.dispatchEvent(pegado);
    expect(pegado.defaultPrevented, 'el pegado se canceló').to.be.false;
    // What the browser does with a paste nobody cancelled: insert the text, then fire input.
    document.execCommand('insertText', false, ' abcd 2345 ');
    await el.updateComplete;
    expect(c.value).to.equal('ABCD2345');
    await escribir(el, 'f-codigoSeguridad', 'ab-cd');
    expect(c.value).to.equal('ABCD');
  });

  it('whole flow: code sent, countdown and PUT with the email and the code', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperarDialogo(el, 'Vence en 15 minutos');
    expect(bff.de('POST /api/correo/codigo')[0]!.cuerpo).to.deep.equal({ correo: 'nuevo.correo@example.com' });
    boton(el.shadowRoot!, 'Aceptar').click();
    await esperar(() => !dialogoAbierto(el));
    expect($(el, '[role="timer"]').textContent).to.match(/^1[45]:\d\d$/);
    await esperar(() => el.shadowRoot!.activeElement?.id === 'f-codigoSeguridad', 'el foco no pasó al código');
    await escribir(el, 'f-codigoSeguridad', CODIGO.toLowerCase());
    const evento = oneEvent(el, 'usuario-modificado');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    expect((await evento).detail.correo).to.equal('nuevo.correo@example.com');
    const cuerpo = bff.de('PUT /api/usuario')[0]!.cuerpo;
    expect([cuerpo.mantenerCorreo, cuerpo.correo, cuerpo.confirmacionCorreo, cuerpo.codigoSeguridad]).to.deep.equal([false, NUEVO, NUEVO, CODIGO]);
  });

  it('shows the attempts left when the server refuses the code', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperarDialogo(el, 'Vence en 15 minutos');
    boton(el.shadowRoot!, 'Aceptar').click();
    await escribir(el, 'f-codigoSeguridad', 'ZZZZ2222');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    boton(el.shadowRoot!, 'Sí').click();
    await esperar(() => $(el, '#f-codigoSeguridad-error'));
    expect($(el, '#f-codigoSeguridad-error').textContent).to.equal('Ingrese código de seguridad: El código de seguridad no es correcto.');
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Intentos restantes con este código: 4.');
  });

  it('the intentosRestantes number of the error entry wins over the text; with 0 it asks for another code', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperarDialogo(el, 'Vence en 15 minutos');
    boton(el.shadowRoot!, 'Aceptar').click();
    const rechazo = (quedan: number) => () =>
      problema(422, 'VALIDACION', {
        errores: [{ campo: 'codigoSeguridad', codigo: 'INCORRECTO', mensaje: 'Código de seguridad: no es correcto. Le quedan 4 intentos.', intentosRestantes: quedan }],
      });
    const enviarCodigo = async (codigo: string) => {
      await escribir(el, 'f-codigoSeguridad', codigo);
      boton(el.shadowRoot!, 'Modificar').click();
      await esperarDialogo(el, '¿Está seguro');
      boton(el.shadowRoot!, 'Sí').click();
      await esperar(() => $(el, '#f-codigoSeguridad-error'));
    };
    bff.una('PUT /api/usuario', rechazo(2));
    await enviarCodigo('ZZZZ2222');
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Intentos restantes con este código: 2.');
    bff.una('PUT /api/usuario', rechazo(0));
    await enviarCodigo('ZZZZ3333');
    await esperar(() => $(el, '[part="cuenta-regresiva"]').textContent!.includes('No quedan intentos'));
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('No quedan intentos con este código: solicite uno nuevo.');
  });

  it('a misconfigured email service (503 SERVICIO_CORREO_MAL_CONFIGURADO) is explained without promising a time, also in English', async () => {
    const el = await montar();
    await comprobar(el);
    await esperar(() => campo(el, 'f-correo').readOnly);
    el.lang = 'en';
    await esperar(() => todos(el.shadowRoot!, 'button').some((b) => b.textContent!.trim() === 'Request security code'), 'no cambió a inglés');
    bff.una('POST /api/correo/codigo', () => problema(503, 'SERVICIO_CORREO_MAL_CONFIGURADO'));
    boton(el.shadowRoot!, 'Request security code').click();
    await esperar(() => dialogoAbierto(el)?.textContent?.includes('configuration problem') === true);
    const texto = dialogoAbierto(el)!.textContent!;
    expect(texto).to.contain('Because of a configuration problem, already reported, the portal cannot send email for now: no code was sent');
    expect(texto).not.to.match(/later|try again/i);
    boton(el.shadowRoot!, 'OK').click();
    el.lang = 'es';
    bff.una('POST /api/correo/codigo', () => problema(503, 'SERVICIO_CORREO_MAL_CONFIGURADO'));
    await esperar(() => todos(el.shadowRoot!, 'button').some((b) => b.textContent!.trim() === 'Solicitar código de seguridad'));
    await esperar(() => !dialogoAbierto(el));
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperarDialogo(el, 'Por un problema de configuración, ya informado, el portal no puede enviar correos por ahora');
    expect(dialogoAbierto(el)!.textContent).not.to.contain('más tarde');
  });

  it('after a 429 when asking for the code, «Aceptar» leaves the focus on the code field, not on the page', async () => {
    const el = await montar();
    await escribir(el, 'f-correo', 'nuevo@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'nuevo@example.com');
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await esperar(() => campo(el, 'f-correo').readOnly);
    bff.una('POST /api/correo/codigo', () => problema(429, 'DEMASIADAS_SOLICITUDES', {}, { 'Retry-After': '60' }));
    const solicitar = boton(el.shadowRoot!, 'Solicitar código de seguridad');
    solicitar.focus();
    solicitar.click();
    await esperarDialogo(el, 'Se envía un código por minuto. Podrá pedir otro en 60 segundos.');
    boton(el.shadowRoot!, 'Aceptar').click();
    await esperar(() => !dialogoAbierto(el));
    await esperar(() => el.shadowRoot!.activeElement?.id === 'f-codigoSeguridad', 'el foco no volvió al campo del código');
  });

  describe('with a fake clock', () => {
    let reloj: sinon.SinonFakeTimers;
    afterEach(() => reloj?.restore());

    it('a new code that could not be sent (503) leaves the one already received running', async () => {
      const el = await montar();
      reloj = await codigoPedidoConReloj(el);
      await reloj.tickAsync(60_000);
      await el.updateComplete;
      for (const codigo of ['SERVICIO_CORREO_NO_DISPONIBLE', 'SERVICIO_CORREO_MAL_CONFIGURADO']) {
        bff.una('POST /api/correo/codigo', () => problema(503, codigo, {}, codigo === 'SERVICIO_CORREO_NO_DISPONIBLE' ? { 'Retry-After': '30' } : {}));
        boton(el.shadowRoot!, 'Solicitar un nuevo código').click();
        await asentar(el, reloj);
        expect(dialogoAbierto(el), codigo).to.exist;
        boton(el.shadowRoot!, 'Aceptar').click();
        await asentar(el, reloj);
        expect($(el, '[role="timer"]').textContent, codigo).to.equal('14:00');
        expect(campo(el, 'f-codigoSeguridad').disabled, codigo).to.be.false;
      }
    });

    it('counts 15:00, announces at 10, 5, 2 and 1 minutes and on expiry tells to ask for another', async function () {
      // 900 one-second ticks, each rendering the countdown: about 10 s on a busy machine.
      this.timeout(60000);
      const el = await montar();
      reloj = await codigoPedidoConReloj(el);
      const timer = () => $(el, '[role="timer"]').textContent;
      const vivo = () => $(el, '#anuncio-codigo').textContent!.trim();
      expect(timer()).to.equal('15:00');
      expect(vivo()).to.equal('');
      const anuncios: string[] = [];
      let anterior = '';
      for (let s = 0; s < 15 * 60 - 1; s++) {
        await reloj.tickAsync(1000);
        await el.updateComplete;
        if (vivo() !== anterior) anuncios.push((anterior = vivo()));
      }
      expect(timer()).to.equal('00:01');
      expect(anuncios).to.deep.equal([
        'Quedan 10 minutos para que venza el código de seguridad.',
        'Quedan 5 minutos para que venza el código de seguridad.',
        'Quedan 2 minutos para que venza el código de seguridad.',
        'Queda 1 minuto para que venza el código de seguridad.',
      ]);
      expect($(el, '#anuncio-codigo').getAttribute('aria-live')).to.equal('polite');
      await reloj.tickAsync(1000);
      await asentar(el, reloj);
      const d = dialogoAbierto(el)!;
      expect(d.textContent).to.contain('El código de seguridad expiró. Solicite un nuevo código de seguridad.');
      expect($(el, '[role="timer"]') === null, '[role="timer"] no debería estar').to.be.true;
      expect(boton(el.shadowRoot!, 'Solicitar código de seguridad'), 'el botón vuelve a «Solicitar código de seguridad»').to.exist;
    });

    it('respects the wait to resend and the Retry-After of a 429', async () => {
      const el = await montar();
      reloj = await codigoPedidoConReloj(el);
      const reenviar = () => boton(el.shadowRoot!, 'Solicitar un nuevo código');
      expect(reenviar().disabled).to.be.true;
      expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Podrá pedir otro código en 01:00.');
      await reloj.tickAsync(60_000);
      await el.updateComplete;
      expect(reenviar().disabled).to.be.false;
      bff.una('POST /api/correo/codigo', () => problema(429, 'DEMASIADAS_SOLICITUDES', {}, { 'Retry-After': '120' }));
      reenviar().click();
      await asentar(el, reloj);
      expect(dialogoAbierto(el)!.textContent).to.contain('Podrá pedir otro código en 2 minutos.');
      boton(el.shadowRoot!, 'Aceptar').click();
      await asentar(el, reloj);
      expect(reenviar().disabled).to.be.true;
      expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Podrá pedir otro código en 02:00.');
    });
  });
});

/** WCAG contrast ratio of two `rgb()` colours. */
function contraste(a: string, b: string): number {
  const luz = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [l1, l2] = [luz(a), luz(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}
