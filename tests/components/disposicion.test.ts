import { expect } from '@open-wc/testing';
import { BffFalso } from '../../paquete/testing.js';
import { $, abrirActividad, elegir, esperar, montar, todos } from './ayuda.js';

describe('disposición y personalización', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  const columnas = (el: HTMLElement) => getComputedStyle($(el as never, '.rejilla')).gridTemplateColumns.split(' ').length;

  it('una columna a 360 px y dos a 1280 px', async () => {
    const el = await montar();
    el.style.display = 'block';
    el.style.width = '360px';
    await el.updateComplete;
    expect(columnas(el)).to.equal(1);
    const movil = $(el, 'form').scrollWidth;
    expect(movil).to.be.at.most(360);
    el.style.width = '1280px';
    expect(columnas(el)).to.equal(2);
  });

  it('las leyendas de las secciones y de Sí/No empiezan en el borde izquierdo de los campos', async () => {
    const el = await montar();
    const izquierdaTexto = (e: Element) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return r.getBoundingClientRect().left;
    };
    const borde = $(el, '#f-nombre').getBoundingClientRect().left;
    const leyendas = [...el.shadowRoot!.querySelectorAll('legend')];
    expect(leyendas.length).to.be.at.least(3);
    for (const l of leyendas) expect(izquierdaTexto(l), l.textContent!.trim()).to.be.closeTo(borde, 0.5);
  });

  it('los campos deshabilitados (Provincia fuera de Ecuador) no se desvanecen', async () => {
    const el = await montar();
    await elegir(el, 'f-pais', 'US');
    const provincia = $<HTMLSelectElement>(el, '#f-provincia');
    expect(provincia.disabled).to.be.true;
    expect(getComputedStyle(provincia).opacity).to.equal('1');
    expect(getComputedStyle($(el, '#f-cambioClave-contrasena')).opacity).to.equal('1');
  });

  it('el resumen de errores no deja un hueco sobre su título', async () => {
    const el = await montar();
    $(el, 'button[part~="boton-modificar"]').click();
    await esperar(() => $(el, '[part="resumen-errores"]'));
    const caja = $(el, '[part="resumen-errores"]').getBoundingClientRect();
    const titulo = $(el, '.resumen .subtitulo').getBoundingClientRect();
    const arriba = titulo.top - caja.top;
    const abajo = caja.bottom - $(el, '.resumen ul').getBoundingClientRect().bottom;
    expect(arriba).to.be.closeTo(abajo, 2);
  });

  it('expone las partes principales y acepta propiedades CSS del anfitrión', async () => {
    const el = await montar();
    for (const parte of ['formulario', 'titulo', 'seccion', 'campo', 'boton', 'boton-modificar', 'boton-baja', 'botones']) {
      expect(todos(el.shadowRoot!, `[part~="${parte}"]`).length, parte).to.be.greaterThan(0);
    }
    expect(el.shadowRoot!.querySelector('details.actividad')!.getAttribute('part')).to.equal('actividad');
    expect((await abrirActividad(el)).getAttribute('exportparts')).to.equal('actividad');
    el.style.setProperty('--mug-color-primario', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part~="boton-modificar"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
    el.style.fontFamily = 'serif';
    expect(getComputedStyle($(el, '#f-nombre')).fontFamily).to.equal('serif');
  });

  it('usa el origen de la página si no hay api-base', async () => {
    const el = document.createElement('modificar-usuario-general');
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(bff.llamadas[0]!.ruta).to.equal('/api/usuario');
    expect(bff.llamadas.map((l) => l.origen)).to.include(location.origin);
    expect(bff.llamadas.every((l) => l.origen === location.origin)).to.be.true;
    el.remove();
  });
});
