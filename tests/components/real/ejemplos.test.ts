// The plain HTML hosts of examples/ as they are, against the real BFF: each page is loaded in an
// iframe of the test page (its origin, the one the BFF allows) with the BFF's address in place of
// http://127.0.0.1:8787. The npm host project is tested by `npm run test:ejemplos`.
import { expect } from '@open-wc/testing';
import { boton, todos } from '../ayuda.js';
import { esperarDialogoReal, esperarReal, formularioListo, ingresarConLogin } from './ayuda-real.js';
import { CONTRASENA, iniciarBffReal, pedir } from '../../../paquete/testing.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';

let bff: string;
let marco: HTMLIFrameElement;

/** examples/<nombre>/index.html in an iframe, talking to this file's BFF; resolves with its document. */
async function abrirEjemplo(nombre: string): Promise<Document> {
  const html = await (await fetch(`/examples/${nombre}/index.html`)).text();
  expect(html).to.include('http://127.0.0.1:8787');
  marco = document.createElement('iframe');
  marco.style.cssText = 'width: 1000px; height: 1400px';
  marco.srcdoc = html.replaceAll('http://127.0.0.1:8787', bff);
  const cargado = new Promise((r) => marco.addEventListener('load', r, { once: true }));
  document.body.append(marco);
  await cargado;
  return marco.contentDocument!;
}

const elementoDe = async (doc: Document) => {
  await esperarReal(() => doc.querySelector('modificar-usuario-general')?.shadowRoot, 'el elemento no se definió');
  return doc.querySelector('modificar-usuario-general') as ModificarUsuarioGeneral;
};

describe('host examples in HTML with the real BFF', () => {
  before(async function () {
    this.timeout(40000);
    bff = await iniciarBffReal();
  });
  afterEach(() => marco.remove());

  it('examples/html: the element is loaded from the BFF, shows its own login and, after logging in, the user\'s data', async () => {
    const doc = await abrirEjemplo('html');
    const el = await elementoDe(doc);
    await ingresarConLogin(el, 'tmacay', CONTRASENA);
    await formularioListo(el);
    expect(todos(el.shadowRoot!, 'input').some((i) => (i as HTMLInputElement).value === 'TITO MACAY')).to.equal(true);
  });

  it('examples/token-y-eventos: its login gives the token to the element, usuario-modificado is noted, and sesion-expirada asks to log in again', async () => {
    const doc = await abrirEjemplo('token-y-eventos');
    const ingresar = (contrasena: string) => {
      const form = doc.querySelector<HTMLFormElement>('#ingreso')!;
      form.querySelector<HTMLInputElement>('[name="idUsuario"]')!.value = 'mzambrano';
      form.querySelector<HTMLInputElement>('[name="contrasena"]')!.value = contrasena;
      form.requestSubmit();
    };
    ingresar('no-es-la-clave');
    await esperarReal(() => doc.querySelector('#aviso')!.textContent === 'El ID.usuario o la contraseña no son correctos.', 'no mostró el error del BFF');
    ingresar(CONTRASENA);
    const el = await elementoDe(doc);
    await formularioListo(el);
    expect(el.token).to.be.a('string');
    const modificar = async () => {
      (todos(el.shadowRoot!, 'input[name="mantenerCorreo"][value="si"]')[0] as HTMLInputElement).click();
      await el.updateComplete;
      boton(el.shadowRoot!, 'Modificar').click();
      boton(await esperarDialogoReal(el, '¿Está seguro de modificar la información?'), 'Sí').click();
    };
    await modificar();
    await esperarReal(() => doc.querySelector('#registro')!.textContent === 'Datos guardados de MARIA ZAMBRANO.', 'no se anotó usuario-modificado');
    boton(await esperarDialogoReal(el, 'Aceptar'), 'Aceptar').click();
    expect((await pedir(bff, 'DELETE', '/api/sesiones/actual', { token: el.token })).status).to.equal(204);
    await modificar();
    await esperarReal(() => !doc.querySelector<HTMLFormElement>('#ingreso')!.hidden, 'no pidió ingresar otra vez');
    expect(doc.querySelector('#aviso')!.textContent).to.equal('Su sesión terminó: ingrese de nuevo para continuar.');
    const anterior = el.token;
    ingresar(CONTRASENA);
    await esperarReal(() => el.token !== anterior, 'el elemento no recibió el token nuevo');
  });
});
