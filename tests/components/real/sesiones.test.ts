// «Sesiones abiertas» against the real BFF (ASVS 7.5.2): tmacay has three sessions; the element,
// on one of them, lists them and «Cerrar las demás sesiones» ends the other two on the server.
import { expect } from '@open-wc/testing';
import { abrirActividad, boton, eventosActividad, parteActividad } from '../ayuda.js';
import { esperarReal, formularioListo, montarReal } from './ayuda-real.js';
import { iniciarBffReal, iniciarSesion, pedir } from '../../../paquete/testing.js';

describe('BFF real: sesiones abiertas de tmacay', () => {
  let bff: string;
  before(async function () {
    this.timeout(40000);
    bff = await iniciarBffReal();
  });

  it('lista las tres sesiones, cierra las otras dos en el servidor y la actual sigue', async () => {
    const otras = [await iniciarSesion(bff, 'tmacay'), await iniciarSesion(bff, 'tmacay')];
    const token = await iniciarSesion(bff, 'tmacay');
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await abrirActividad(el);
    const sesiones = () => parteActividad(el, 'mug-sesiones-abiertas');
    const items = () => [...(sesiones()?.querySelectorAll('li') ?? [])];
    await esperarReal(() => items().length === 3, 'no se listaron las tres sesiones');
    expect(items()[0]!.textContent).to.contain('Esta sesión');
    expect(items().filter((li) => li.textContent!.includes('Esta sesión'))).to.have.length(1);
    // The requests come from this browser (Chromium, Firefox or WebKitGTK, which says it is Safari)
    // over loopback: its device and address.
    const ua = navigator.userAgent;
    const navegador = ua.includes('Firefox/') ? 'Firefox' : ua.includes('Chrome/') ? 'Chrome' : 'Safari';
    expect(items()[0]!.querySelector('strong')!.textContent).to.match(new RegExp(`^${navegador} \\d+(\\.\\d+)? · Linux$`));
    expect(items()[0]!.textContent).to.match(/IP 127\.0\.0\.1/);
    await expect(el).to.be.accessible();

    boton(sesiones()!, 'Cerrar las demás sesiones').click();
    await esperarReal(() => sesiones()!.querySelector('[role="status"]')!.textContent!.includes('Se cerraron 2 sesiones.'));
    await esperarReal(() => items().length === 1);
    for (const otra of otras) expect((await pedir(bff, 'GET', '/api/usuario', { token: otra })).status).to.equal(401);
    expect((await pedir(bff, 'GET', '/api/usuario', { token })).status).to.equal(200);
    await esperarReal(() => eventosActividad(el)[0]?.querySelector('strong')!.textContent === 'Cierre de las demás sesiones');
    await expect(el).to.be.accessible();
  });
});
