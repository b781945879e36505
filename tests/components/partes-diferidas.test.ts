// The parts the element fetches only when first needed (so the first load stays small): each is
// not requested before, is requested then, and works. This file must import none of them.
import { expect } from '@open-wc/testing';
import { BffFalso, CONTRASENA } from '../../paquete/testing.js';
import { $, abrirActividad, boton, campo, esperar, esperarDialogo, escribir, eventosActividad, montar, parteActividad, salir, todos } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const PARTES = ['validacion', 'dialogo-mensaje', 'dialogo-baja', 'dialogo-reautenticacion', 'formulario-login', 'actividad-reciente', 'requisitos-contrasena', 'estado-codigo'];
/** What comes with the activity panel: the open sessions and the events. */
const DEL_PANEL = ['sesiones-abiertas', 'lista-actividad'];

/** Whether the page has requested the element's module `nombre` (components/modificar-usuario-general/[folder/]<nombre>). */
function pedido(nombre: string): boolean {
  return performance
    .getEntriesByType('resource')
    .some((r) => new RegExp(`/modificar-usuario-general/(?:[a-z]+/)?${nombre}\\.(js|ts)$`).test(new URL(r.name).pathname));
}

async function formularioSinAnticipar(): Promise<ModificarUsuarioGeneral> {
  const el = await montar({ esperar: false });
  await esperar(() => el.shadowRoot!.querySelector('form[part="formulario"]'), 'el formulario no se mostró');
  return el;
}

describe('lazy parts: fetched the first time they are needed, and working', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('the form shows without any of them; the first interaction brings validation and the message dialog', async () => {
    const el = await formularioSinAnticipar();
    expect(campo(el, 'f-nombre').value).to.equal('TITO MACAY');
    for (const parte of [...PARTES, ...DEL_PANEL]) expect(pedido(parte), parte).to.be.false;
    for (const etiqueta of ['mug-dialogo-mensaje', 'mug-dialogo-baja', 'mug-dialogo-reautenticacion', 'mug-formulario-login', 'mug-actividad-reciente', 'mug-sesiones-abiertas', 'mug-lista-actividad']) {
      expect(customElements.get(etiqueta), etiqueta).to.be.undefined;
    }

    await escribir(el, 'f-telefono1', '12');
    await salir(el, 'f-telefono1');
    await esperar(() => $(el, '#f-telefono1-error'), 'no apareció el error de Teléfono1');
    expect(pedido('validacion')).to.be.true;
    expect($(el, '#f-telefono1-error').textContent).to.contain('un fijo con código de área');

    await escribir(el, 'f-telefono1', '042345679');
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    boton(el.shadowRoot!, 'Modificar').click();
    const d = await esperarDialogo(el, '¿Está seguro de modificar la información?');
    expect(pedido('dialogo-mensaje')).to.be.true;
    boton(d, 'No').click();
    await esperar(() => !d.open);
    expect(bff.de('PUT /api/usuario')).to.have.length(0);
  });

  it('«Solicitud de baja» brings its dialog when pressed', async () => {
    const el = await montar();
    expect(pedido('dialogo-baja')).to.be.false;
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const d = await esperarDialogo(el, 'Motivo');
    expect(pedido('dialogo-baja')).to.be.true;
    const motivo = d.querySelector('textarea')!;
    motivo.value = 'corto';
    motivo.dispatchEvent(new Event('input'));
    boton(d, 'Solicitud de baja').click();
    await esperar(() => d.querySelector('#error-motivo'), 'no validó el motivo');
    expect(d.querySelector('#error-motivo')!.textContent).to.equal('Debe tener entre 10 y 500 caracteres.');
    boton(d, 'Cancelar').click();
    await esperar(() => !d.open);
    expect(bff.de('POST /api/usuario/baja')).to.have.length(0);
  });

  it('re-authentication brings its dialog when the BFF asks for the password', async () => {
    const el = await montar();
    expect(pedido('dialogo-reautenticacion')).to.be.false;
    bff.reautenticacionRequerida = true;
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    const baja = await esperarDialogo(el, 'Motivo');
    const motivo = baja.querySelector('textarea')!;
    motivo.value = 'Cierre de la empresa importadora';
    motivo.dispatchEvent(new Event('input'));
    boton(baja, 'Solicitud de baja').click();
    await esperar(() => todos(el.shadowRoot!, 'dialog[open]').some((x) => x.textContent!.includes('Confirme su identidad')));
    expect(pedido('dialogo-reautenticacion')).to.be.true;
    const reaut = todos(el.shadowRoot!, 'dialog[open]').find((x) => x.textContent!.includes('Confirme su identidad'))!;
    reaut.querySelector('input')!.value = CONTRASENA;
    boton(reaut, 'Continuar').click();
    await esperarDialogo(el, 'Solicitud de baja registrada');
    expect(bff.de('POST /api/usuario/baja')).to.have.length(2);
  });

  it('without a session brings the built-in login, and it logs in', async () => {
    expect(pedido('formulario-login')).to.be.false;
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1, 'no apareció el login propio');
    expect(pedido('formulario-login')).to.be.true;
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    login.querySelector<HTMLInputElement>('#login-id')!.value = 'tmacay';
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CONTRASENA;
    login.requestSubmit();
    await esperar(() => el.shadowRoot!.querySelector('form[part="formulario"]'), 'no se mostró el formulario tras ingresar');
    expect(campo(el, 'f-nombre').value).to.equal('TITO MACAY');
  });

  it('«Comprobar disponibilidad» brings the security code\'s countdown, and it counts', async () => {
    const el = await montar();
    expect(pedido('estado-codigo')).to.be.false;
    $(el, 'input[name="mantenerCorreo"][value="no"]').click();
    await escribir(el, 'f-correo', 'nuevo@example.com');
    await escribir(el, 'f-confirmacionCorreo', 'nuevo@example.com');
    boton(el.shadowRoot!, 'Comprobar disponibilidad').click();
    await esperar(() => campo(el, 'f-correo').readOnly, 'no se comprobó el correo');
    expect(pedido('estado-codigo')).to.be.true;
    expect($(el, '[part="cuenta-regresiva"]')).to.be.null;
    boton(el.shadowRoot!, 'Solicitar código de seguridad').click();
    await esperar(() => $(el, '[role="timer"]'), 'no apareció la cuenta regresiva');
    expect($(el, '[role="timer"]').textContent).to.match(/^1[45]:[0-5]\d$/);
    expect($(el, '[part="cuenta-regresiva"]').textContent).to.contain('Podrá pedir otro código en');
  });

  it('«Actividad reciente» brings its panel when opened, with the open sessions and the events', async () => {
    const el = await montar();
    for (const parte of ['actividad-reciente', ...DEL_PANEL]) expect(pedido(parte), parte).to.be.false;
    expect(bff.de('GET /api/usuario/actividad')).to.have.length(0);
    expect(bff.de('GET /api/sesiones')).to.have.length(0);
    await abrirActividad(el);
    for (const parte of ['actividad-reciente', ...DEL_PANEL]) expect(pedido(parte), parte).to.be.true;
    await esperar(() => eventosActividad(el).length === 2, 'no se listó la actividad');
    expect(eventosActividad(el)[0]!.querySelector('strong')!.textContent).to.equal('Inicio de sesión');
    await esperar(() => parteActividad(el, 'mug-sesiones-abiertas')?.querySelectorAll('li').length === bff.sesiones.length, 'no se listaron las sesiones');
  });
});
