// «Actividad reciente» › Sesiones abiertas (ASVS 7.5.2) against the fake BFF: the list, the
// button «Cerrar las demás sesiones», the re-authentication it may ask for, English, and axe.
import { expect } from '@open-wc/testing';
import { BffFalso, CONTRASENA, problema } from '../../paquete/testing.js';
import { abrirActividad, boton, esperar, esperarDialogo, eventosActividad, montar, normal, parteActividad } from './ayuda.js';
import type { ModificarUsuarioGeneral } from '../../components/modificar-usuario-general/modificar-usuario-general.js';

const sesiones = (el: ModificarUsuarioGeneral) => parteActividad(el, 'mug-sesiones-abiertas');
const items = (el: ModificarUsuarioGeneral) => [...(sesiones(el)?.querySelectorAll('li') ?? [])];

describe('open sessions in «Actividad reciente»', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('lists the sessions (device, last use, IP, which one is this) and is accessible', async () => {
    const el = await montar();
    expect(bff.de('GET /api/sesiones')).to.have.length(0);
    await abrirActividad(el);
    await esperar(() => items(el).length === 2);
    const [actual, telefono] = items(el);
    expect(normal(actual!.querySelector('strong')!.textContent)).to.equal('Chrome 126 · Windows 10');
    expect(normal(actual!.textContent)).to.contain('Esta sesión');
    expect(normal(actual!.textContent)).to.contain('IP 127.0.0.1');
    expect(normal(telefono!.querySelector('strong')!.textContent)).to.equal('Safari 17.5 · iOS 17.5');
    expect(normal(telefono!.textContent)).not.to.contain('Esta sesión');
    expect(normal(telefono!.textContent)).to.contain('IP 190.152.10.20');
    expect(telefono!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-27T09:30:00.000Z');
    expect(normal(telefono!.textContent)).to.contain('Último uso: 27 de noviembre de 2026');
    expect(normal(sesiones(el)!.querySelector('h3')!.textContent)).to.equal('Sesiones abiertas');
    await esperar(() => eventosActividad(el).length === 2);
    await expect(el).to.be.accessible();
  });

  it('«Cerrar las demás sesiones» closes them, announces it, leaves only this one and reloads the events', async () => {
    const el = await montar();
    await abrirActividad(el);
    await esperar(() => items(el).length === 2 && eventosActividad(el).length === 2);
    boton(sesiones(el)!, 'Cerrar las demás sesiones').click();
    await esperar(() => normal(sesiones(el)!.querySelector('[role="status"]')!.textContent) === 'Se cerró 1 sesión.');
    expect(bff.de('DELETE /api/sesiones/otras')).to.have.length(1);
    await esperar(() => items(el).length === 1);
    expect(normal(items(el)[0]!.textContent)).to.contain('Esta sesión');
    expect(normal(sesiones(el)!.textContent)).to.contain('No hay otras sesiones abiertas.');
    expect(() => boton(sesiones(el)!, 'Cerrar las demás sesiones')).to.throw();
    expect(bff.de('GET /api/usuario/actividad')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('asks for the password if the last proof is older than 15 minutes, and then closes them', async () => {
    bff.reautenticacionRequerida = true;
    const el = await montar();
    await abrirActividad(el);
    await esperar(() => items(el).length === 2);
    boton(sesiones(el)!, 'Cerrar las demás sesiones').click();
    const d = await esperarDialogo(el, 'Confirme su identidad');
    const campo = d.querySelector('input')!;
    campo.value = CONTRASENA;
    boton(d, 'Continuar').click();
    await esperar(() => items(el).length === 1);
    expect(bff.de('DELETE /api/sesiones/otras')).to.have.length(2);
  });

  it('if the server fails, says so and the list stays as it was', async () => {
    const el = await montar();
    await abrirActividad(el);
    await esperar(() => items(el).length === 2);
    bff.una('DELETE /api/sesiones/otras', () => problema(503, 'SERVICIO_NO_DISPONIBLE'));
    boton(sesiones(el)!, 'Cerrar las demás sesiones').click();
    await esperar(() => sesiones(el)!.querySelector('[role="status"].error')?.textContent);
    expect(normal(sesiones(el)!.querySelector('[role="status"]')!.textContent)).to.equal('Ocurrió un error inesperado. Inténtelo de nuevo más tarde.');
    expect(items(el)).to.have.length(2);
  });

  it('in English', async () => {
    const el = await montar({ lang: 'en' });
    await abrirActividad(el);
    await esperar(() => items(el).length === 2 && normal(sesiones(el)!.querySelector('h3')!.textContent) === 'Open sessions');
    expect(normal(items(el)[0]!.textContent)).to.contain('This session');
    expect(normal(items(el)[1]!.textContent)).to.contain('Last used: November 27, 2026');
    boton(sesiones(el)!, 'Sign out the other sessions').click();
    await esperar(() => normal(sesiones(el)!.querySelector('[role="status"]')!.textContent) === '1 session was closed.');
    el.lang = 'es';
  });
});
