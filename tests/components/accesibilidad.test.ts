import { expect } from '@open-wc/testing';
import { BffFalso, CLAVE } from '../../paquete/testing.js';
import { $, boton, campo, escribir, esperar, esperarDialogo, montar, todos } from './ayuda.js';

describe('accesibilidad (axe) en cada estado principal', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('cargando (esqueleto)', async () => {
    bff.una('GET /api/usuario', () => new Promise(() => {}));
    const el = await montar({ esperar: false });
    expect($(el, '.esqueleto').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('formulario listo', async () => {
    const el = await montar();
    await expect(el).to.be.accessible();
  });

  it('formulario con errores tras Modificar', async () => {
    const el = await montar();
    await escribir(el, 'f-direccion', '');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperar(() => $(el, '[part="resumen-errores"]'));
    await expect(el).to.be.accessible();
  });

  it('contraseña verificada con su lista de requisitos', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CLAVE);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', 'una clave de prueba');
    await esperar(() => $(el, 'meter'));
    await expect(el).to.be.accessible();
  });

  it('diálogo de confirmación abierto', async () => {
    const el = await montar();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarDialogo(el, '¿Está seguro');
    await expect(el).to.be.accessible();
  });

  it('diálogo de baja abierto', async () => {
    const el = await montar();
    boton(el.shadowRoot!, 'Solicitud de baja').click();
    await esperarDialogo(el, 'Motivo');
    await expect(el).to.be.accessible();
  });

  it('login propio', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    await expect(el).to.be.accessible();
  });

  it('error de red', async () => {
    bff.sinRed = true;
    const el = await montar({ esperar: false });
    await esperar(() => $(el, '[part="aviso"]'));
    await expect(el).to.be.accessible();
  });
});
