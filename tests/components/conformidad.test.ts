// Conformance with DESIGN.md §2–§3 as an outside tester sees it: the exact label texts
// (Playwright's getByLabel reads the <label>'s text, aria-hidden asterisk included), one control
// per name, CustomEvents with `detail`, and the built-in login's token kept in memory only.
import { expect, oneEvent } from '@open-wc/testing';
import { BffFalso, CLAVE, problema } from '../../paquete/testing.js';
import { $, boton, campo, dialogoAbierto, escribir, esperar, esperarDialogo, listo, montar, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const normal = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Controls whose <label> text (or aria-label) is exactly `nombre`, through every shadow root. */
function porEtiqueta(el: ModificarUsuarioGeneral, nombre: string): Element[] {
  const controles = todos(el.shadowRoot!, 'input, select, textarea') as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
  return controles.filter(
    (c) => [...(c.labels ?? [])].some((l) => normal(l.textContent) === nombre) || normal(c.getAttribute('aria-label')) === nombre,
  );
}

const ETIQUETAS = [
  'ID.usuario', 'Doc. Identificación', 'Nombre Usuario', 'Contraseña anterior', 'Contraseña', 'Confirmación de Contraseña',
  'País', 'Provincia', 'Ciudad', 'Dirección', 'Teléfono1', 'Teléfono2', 'Número de Celular', 'Operadora', 'Fax',
  'Correo Electrónico', 'Confirmación de correo electrónico', 'Ingrese código de seguridad', 'SENAE Correo Electrónico',
];
const REQUERIDOS = ['Nombre Usuario', 'País', 'Provincia', 'Ciudad', 'Dirección', 'Teléfono1', 'Número de Celular', 'Correo Electrónico'];

describe('conformidad con DESIGN §2–§3 (nombres exactos, eventos, login)', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('cada etiqueta de DESIGN §2 es el texto exacto de la etiqueta de un solo control; el asterisco queda fuera', async () => {
    const el = await montar();
    const faltan = ETIQUETAS.filter((n) => porEtiqueta(el, n).length !== 1).map((n) => `${n}: ${porEtiqueta(el, n).length}`);
    expect(faltan.join('; ')).to.equal('');
    for (const n of REQUERIDOS) {
      const c = porEtiqueta(el, n)[0]!;
      expect(c.getAttribute('aria-required'), n).to.equal('true');
      const asterisco = c.closest('.campo')!.querySelector('.req');
      expect(asterisco?.getAttribute('aria-hidden'), n).to.equal('true');
    }
    expect((porEtiqueta(el, 'Número de Celular')[0] as HTMLElement).tagName).to.equal('INPUT');
    expect((porEtiqueta(el, 'Operadora')[0] as HTMLElement).tagName).to.equal('SELECT');
    // The radio group's question is, as text, exactly its name too (getByText(…, {exact: true})).
    const pregunta = todos(el.shadowRoot!, 'legend *').filter((x) => normal(x.textContent) === 'Desea mantener el mismo correo electrónico');
    expect(pregunta).to.have.length(1);
    expect(pregunta[0]!.closest('[role="radiogroup"]')).to.exist;
  });

  it('el diálogo de re-autenticación cerrado no añade otro campo «Contraseña»; abierto, lo tiene', async () => {
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

  it('usuario-modificado, baja-solicitada y sesion-expirada son CustomEvent con detail, bubbles y composed', async () => {
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
    await escribir(otro, 'f-cambioClave-contrasenaAnterior', CLAVE);
    boton(otro.shadowRoot!, 'Cambio de clave').click();
    const s = await expirada;
    expect(s instanceof CustomEvent).to.be.true;
    expect(s.bubbles && s.composed).to.be.true;
  });

  it('el login propio pide el token sin credenciales (no deja cookie): solo queda en memoria', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    expect(porEtiqueta(el, 'ID.usuario')).to.have.length(1);
    expect(porEtiqueta(el, 'Contraseña')).to.have.length(1);
    login.querySelector<HTMLInputElement>('#login-id')!.value = 'tmacay';
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CLAVE;
    boton(login, 'Ingresar').click();
    await listo(el);
    expect(bff.de('POST /api/sesiones')[0]!.credenciales).to.equal('omit');
  });

  it('un token que el anfitrión pone mientras se ve el login propio se usa en seguida', async () => {
    bff.autenticado = false;
    bff.tokenEmitido = 'del-anfitrion';
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    el.token = 'del-anfitrion';
    await listo(el);
    expect(bff.de('GET /api/usuario').at(-1)!.cabeceras.get('Authorization')).to.equal('Bearer del-anfitrion');
  });

  it('tras un 429 al pedir el código, «Aceptar» deja el foco en el campo del código, no en la página', async () => {
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
});
