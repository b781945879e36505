import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BffFalso, CONTRASENA } from '../../paquete/testing.js';
import { $, boton, campo, escribir, esperar, esperarDialogo, montar, todos } from './ayuda.js';

describe('accessibility (axe) in every main state', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('loading (skeleton)', async () => {
    bff.una('GET /api/usuario', () => new Promise(() => {}));
    const el = await montar({ esperar: false });
    expect($(el, '.esqueleto').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('form ready', async () => {
    const el = await montar();
    await expect(el).to.be.accessible();
  });

  it('form with errors after Modificar', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', '');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperar(() => $(el, '[part="resumen-errores"]'));
    await expect(el).to.be.accessible();
  });

  it('password verified with its requirements list', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', 'una clave de prueba');
    await esperar(() => $(el, 'meter'));
    await expect(el).to.be.accessible();
  });

  it('confirmation dialog open', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    await expect(el).to.be.accessible();
  });

  it('baja dialog open', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    await esperarDialogo(el, 'Motivo');
    await expect(el).to.be.accessible();
  });

  it('built-in login', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    await expect(el).to.be.accessible();
  });

  it('network error', async () => {
    bff.sinRed = true;
    const el = await montar({ esperar: false });
    await esperar(() => $(el, '[part="aviso"]'));
    await expect(el).to.be.accessible();
  });
});

/** sRGB relative luminance (WCAG 2.2) of a computed `rgb()`/`rgba()` colour. */
function luminancia(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contraste(a: string, b: string): number {
  const [x, y] = [luminancia(a), luminancia(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

const opaco = (color: string) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent';

/** The background a ring drawn outside `e` lies on: the first opaque one among its ancestors, across shadow roots. */
function fondoDebajo(e: Element): string {
  for (let x: Element | null = padre(e); x; x = padre(x)) {
    const fondo = getComputedStyle(x).backgroundColor;
    if (opaco(fondo)) return fondo;
  }
  return 'rgb(255, 255, 255)';
}

/** The focused element, inside nested shadow roots. */
function enfocadoEn(raiz: DocumentOrShadowRoot): Element | null {
  const e = raiz.activeElement;
  return e?.shadowRoot?.activeElement ? enfocadoEn(e.shadowRoot) : e;
}

function padre(e: Element): Element | null {
  return e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
}

describe('focus ring (WCAG 1.4.11): 3:1 against every background it appears on', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  function comprobar(enfocado: Element, fondos: string[]) {
    const estilo = getComputedStyle(enfocado);
    const nombre = `${enfocado.tagName} ${enfocado.id || enfocado.textContent?.trim()}`;
    expect(estilo.outlineStyle, nombre).to.equal('solid');
    expect(parseFloat(estilo.outlineWidth), nombre).to.be.at.least(2);
    // Drawn outside the control: its own fill (a dark primary button) never touches the ring.
    expect(parseFloat(estilo.outlineOffset), nombre).to.be.at.least(2);
    for (const fondo of [fondoDebajo(enfocado), ...fondos]) {
      expect(contraste(estilo.outlineColor, fondo), `${nombre} sobre ${fondo}`).to.be.at.least(3);
    }
  }

  it('on every form control reached with Tab, and against the grey of the read-only fields', async () => {
    const el = await montar();
    const gris = getComputedStyle(campo(el, 'f-idUsuario')).backgroundColor;
    expect(contraste(gris, 'rgb(255, 255, 255)')).to.be.below(1.2);
    campo(el, 'f-idUsuario').focus();
    const vistos = new Set<Element>();
    for (let i = 0; i < 80; i++) {
      const enfocado = enfocadoEn(el.shadowRoot!);
      if (!enfocado || vistos.has(enfocado)) break;
      vistos.add(enfocado);
      comprobar(enfocado, [gris]);
      // «Actividad reciente» is the element's last control: a Tab more would leave the page
      // (Firefox moves the focus to its own toolbar then).
      if (enfocado.tagName === 'SUMMARY') break;
      await sendKeys({ press: 'Tab' });
    }
    expect(vistos.size).to.be.above(20);
  });

  it('on the buttons of a dialog', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    // Opened with the keyboard, as a keyboard user does.
    boton(el.shadowRoot!, 'Modificar').focus();
    await sendKeys({ press: 'Enter' });
    const d = await esperarDialogo(el, '¿Está seguro');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const enDialogo = enfocadoEn(el.shadowRoot!)!;
    expect(d.contains(enDialogo)).to.be.true;
    comprobar(enDialogo, []);
  });
});
