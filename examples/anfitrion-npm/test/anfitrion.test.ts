// The host's page in Chromium, tested with the two helpers of the package: the fake BFF
// (modificar-usuario-general/testing, in the browser) and the real BFF (the ./wtr plugin's).
import { expect, waitUntil } from '@open-wc/testing';
import { BffFalso, CONTRASENA, iniciarBffReal, pedir } from 'modificar-usuario-general/testing';
import type { ModificarUsuarioGeneral } from 'modificar-usuario-general';
import { montarAnfitrion } from '../src/anfitrion.js';

/** Every element under `raiz` matching `selector`, through open shadow roots (the element's dialogs too). */
function buscar(raiz: ParentNode, selector: string): HTMLElement[] {
  const hallados = [...raiz.querySelectorAll<HTMLElement>(selector)];
  for (const el of raiz.querySelectorAll('*')) if (el.shadowRoot) hallados.push(...buscar(el.shadowRoot, selector));
  return hallados;
}
const boton = (raiz: ParentNode, texto: string) => buscar(raiz, 'button').find((b) => b.textContent!.trim() === texto);

let raiz: HTMLElement;
beforeEach(() => {
  raiz = document.createElement('main');
  document.body.append(raiz);
});
afterEach(() => raiz.remove());

async function ingresar(idUsuario: string, contrasena: string) {
  const ingreso = raiz.querySelector<HTMLFormElement>('#ingreso')!;
  ingreso.querySelector<HTMLInputElement>('[name="idUsuario"]')!.value = idUsuario;
  ingreso.querySelector<HTMLInputElement>('[name="contrasena"]')!.value = contrasena;
  ingreso.requestSubmit();
}

/** The element's form, shown with the user's name (its field is labelled «Nombre Usuario»). */
async function formulario(): Promise<ModificarUsuarioGeneral> {
  await waitUntil(() => raiz.querySelector('modificar-usuario-general')?.shadowRoot?.querySelector('form'), 'el elemento no mostró el formulario', {
    timeout: 10000,
  });
  return raiz.querySelector('modificar-usuario-general')!;
}

/** Keeps the email («Sí»), presses Modificar and confirms with «Sí». */
async function modificar(el: ModificarUsuarioGeneral) {
  buscar(el.shadowRoot!, 'input[name="mantenerCorreo"][value="si"]')[0]!.click();
  await el.updateComplete;
  boton(el.shadowRoot!, 'Modificar')!.click();
  await waitUntil(() => buscar(el.shadowRoot!, 'dialog[open]').length > 0, 'no se abrió la confirmación', { timeout: 10000 });
  boton(buscar(el.shadowRoot!, 'dialog[open]')[0]!, 'Sí')!.click();
}

describe('the portal with the fake BFF', () => {
  let bff: BffFalso;
  beforeEach(() => {
    bff = new BffFalso({ base: 'http://bff.prueba' }).instalar();
  });
  afterEach(() => bff.desinstalar());

  it('logs in with its form, gives the token to the element and shows «Datos guardados» on usuario-modificado', async () => {
    montarAnfitrion(raiz, 'http://bff.prueba');
    await ingresar('tmacay', CONTRASENA);
    const el = await formulario();
    const [pedido] = bff.de('GET /api/usuario');
    expect(pedido!.cabeceras.get('Authorization')).to.equal(`Bearer ${bff.tokenEmitido}`);
    await modificar(el);
    await waitUntil(() => raiz.querySelector('#registro')!.textContent === 'Datos guardados de TITO MACAY.', 'no llegó usuario-modificado', { timeout: 10000 });
    expect(bff.de('PUT /api/usuario')[0]!.cuerpo.mantenerCorreo).to.equal(true);
  });

  it("with a wrong password shows the BFF's detail and does not mount the element", async () => {
    montarAnfitrion(raiz, 'http://bff.prueba');
    await ingresar('tmacay', 'otra-clave-cualquiera');
    await waitUntil(() => raiz.querySelector('#aviso')!.textContent, 'no mostró el error');
    expect(raiz.querySelector('#aviso')!.textContent).to.equal('Detalle CREDENCIALES_INVALIDAS');
    expect(raiz.querySelector('modificar-usuario-general')).to.equal(null);
  });

  it('on sesion-expirada asks to log in again and the element carries on with the new token', async () => {
    montarAnfitrion(raiz, 'http://bff.prueba');
    await ingresar('tmacay', CONTRASENA);
    const el = await formulario();
    bff.expirarSesion();
    await modificar(el);
    await waitUntil(() => !raiz.querySelector<HTMLFormElement>('#ingreso')!.hidden, 'el portal no pidió ingresar de nuevo', { timeout: 10000 });
    expect(raiz.querySelector('#aviso')!.textContent).to.equal('Su sesión terminó: ingrese de nuevo para continuar.');
    await ingresar('tmacay', CONTRASENA);
    await waitUntil(() => el.token === bff.tokenEmitido, 'el elemento no recibió el token nuevo');
    expect(raiz.querySelector<HTMLFormElement>('#ingreso')!.hidden).to.equal(true);
  });
});

describe('the portal with the real BFF', () => {
  let origen: string;
  before(async function () {
    this.timeout(40000);
    origen = await iniciarBffReal();
  });

  it('tmacay logs in through the portal and the element shows their data from the real BFF; saving fires usuario-modificado', async () => {
    montarAnfitrion(raiz, origen);
    await ingresar('tmacay', CONTRASENA);
    const el = await formulario();
    expect(buscar(el.shadowRoot!, 'input').some((i) => (i as HTMLInputElement).value === 'TITO MACAY')).to.equal(true);
    await modificar(el);
    await waitUntil(() => raiz.querySelector('#registro')!.textContent === 'Datos guardados de TITO MACAY.', 'no llegó usuario-modificado', { timeout: 15000 });
  });

  it('with the session ended in the BFF, the element fires sesion-expirada and the portal asks to log in again', async () => {
    montarAnfitrion(raiz, origen);
    await ingresar('mzambrano', CONTRASENA);
    const el = await formulario();
    expect((await pedir(origen, 'DELETE', '/api/sesiones/actual', { token: el.token })).status).to.equal(204);
    await modificar(el);
    await waitUntil(() => !raiz.querySelector<HTMLFormElement>('#ingreso')!.hidden, 'el portal no pidió ingresar de nuevo', { timeout: 15000 });
    expect(raiz.querySelector('#aviso')!.textContent).to.equal('Su sesión terminó: ingrese de nuevo para continuar.');
  });

  it("a wrong password shows the BFF's Spanish detail", async () => {
    montarAnfitrion(raiz, origen);
    await ingresar('jsmith', 'no-es-la-clave');
    await waitUntil(() => raiz.querySelector('#aviso')!.textContent, 'no mostró el error', { timeout: 10000 });
    expect(raiz.querySelector('#aviso')!.textContent).to.equal('El ID.usuario o la contraseña no son correctos.');
  });
});
