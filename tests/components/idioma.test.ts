import { expect } from '@open-wc/testing';
import { BffFalso, problema } from '../../paquete/testing.js';
import { $, abrirActividad, boton, campo, escribir, esperar, eventosActividad, montar, parteActividad, salir, todos } from './ayuda.js';
import { getLocale } from '../../components/modificar-usuario-general/localization.js';

describe('idioma (es por defecto, en) y actividad reciente', () => {
  let bff: BffFalso;
  const langDocumento = document.documentElement.lang;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => {
    bff.desinstalar();
    document.documentElement.lang = langDocumento;
  });

  it('cambiar lang a en vuelve a pintar en inglés, también los errores; y de vuelta a es', async () => {
    const el = await montar();
    expect($(el, 'label[for="f-direccion"]').textContent).to.contain('Dirección');
    await escribir(el, 'f-direccion', 'x');
    await salir(el, 'f-direccion');
    el.lang = 'en';
    await esperar(() => $(el, 'label[for="f-direccion"]').textContent!.includes('Address'), 'no cambió a inglés');
    expect(getLocale()).to.equal('en');
    expect($(el, '#f-direccion-error').textContent).to.equal('Address: Must be 5 to 200 characters long.');
    expect(boton(el.shadowRoot!, 'Modify')).to.exist;
    expect($(el, 'h2').textContent).to.equal('Modify registration information for General User');
    el.lang = 'es';
    await esperar(() => $(el, 'label[for="f-direccion"]').textContent!.includes('Dirección'));
  });

  it('en inglés los países salen en inglés y en orden inglés; OTROS se traduce; provincias y ciudades quedan marcadas lang="es"', async () => {
    const el = await montar({ lang: 'en' });
    await esperar(() => $(el, 'label[for="f-pais"]').textContent!.includes('Country'));
    const opciones = () => [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#f-pais option')].slice(1);
    expect(opciones().map((o) => [o.value, o.textContent])).to.deep.equal([
      ['CO', 'Colombia'],
      ['EC', 'Ecuador'],
      ['US', 'United States'],
    ]);
    expect(opciones().every((o) => !o.hasAttribute('lang'))).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-pais').value).to.equal('EC');
    const operadoras = [...el.shadowRoot!.querySelectorAll('#f-celular-operadora option')].map((o) => o.textContent);
    expect(operadoras).to.include('OTHER');
    expect(operadoras).not.to.include('OTROS');
    for (const id of ['f-provincia', 'f-ciudad']) {
      const conNombre = [...el.shadowRoot!.querySelectorAll(`#${id} option`)].filter((o) => (o as HTMLOptionElement).value);
      expect(conNombre.length, id).to.be.above(0);
      expect(conNombre.every((o) => o.getAttribute('lang') === 'es'), id).to.be.true;
    }
    await expect(el).to.be.accessible();
  });

  it('cada código del catálogo de países tiene nombre en inglés en este navegador (Intl.DisplayNames)', async () => {
    bff.desinstalar();
    const { paises } = (await (await fetch('/catalogs/paises.json')).json()) as { paises: { codigo: string; nombre: string }[] };
    expect(paises).to.have.length(249);
    const nombres = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const sinNombre = paises.filter((p) => !nombres.of(p.codigo) || nombres.of(p.codigo) === p.codigo).map((p) => p.codigo);
    expect(sinNombre).to.deep.equal([]);
    expect(nombres.of('DE')).to.equal('Germany');
  });

  it('un error ya mostrado en el login propio también cambia de idioma', async () => {
    bff.autenticado = false;
    const el = await montar({ esperar: false });
    await esperar(() => todos(el.shadowRoot!, 'form[part="login"]').length === 1);
    const login = todos(el.shadowRoot!, 'form[part="login"]')[0] as HTMLFormElement;
    boton(login, 'Ingresar').click();
    await esperar(() => login.textContent!.includes('Escriba su ID.usuario y su contraseña.'));
    el.lang = 'en';
    await esperar(() => login.textContent!.includes('Type your user ID and your password.'), 'el error quedó en español');
    el.lang = 'es';
    await esperar(() => getLocale() === 'es');
  });

  it('sin lang propio sigue el lang del documento', async () => {
    document.documentElement.lang = 'en-US';
    const el = await montar({ lang: '' });
    await esperar(() => $(el, 'label[for="f-telefono1"]').textContent!.includes('Phone 1'));
    document.documentElement.lang = 'es';
    await esperar(() => $(el, 'label[for="f-telefono1"]').textContent!.includes('Teléfono1'));
  });

  it('«Actividad reciente» se despliega y lista los eventos, el más reciente primero, con fechas locales', async () => {
    const el = await montar();
    expect(el.shadowRoot!.querySelector<HTMLDetailsElement>('details.actividad')!.open).to.be.false;
    expect(bff.de('GET /api/usuario/actividad')).to.have.length(0);
    const panel = await abrirActividad(el);
    // It replaced the closed stand-in already open, with the keyboard focus on its summary.
    expect(panel.shadowRoot!.querySelector('details')!.open).to.be.true;
    expect(panel.shadowRoot!.activeElement?.tagName).to.equal('SUMMARY');
    await esperar(() => eventosActividad(el).length === 2);
    const items = eventosActividad(el);
    expect(items[0]!.querySelector('strong')!.textContent).to.equal('Inicio de sesión');
    expect(items[1]!.querySelector('strong')!.textContent).to.equal('Modificación de datos');
    expect(items[1]!.textContent).to.contain('Teléfono1');
    expect(items[1]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-20T15:04:00.000Z');
    expect(items[1]!.querySelector('time')!.textContent).to.contain('noviembre');
    el.lang = 'en';
    await esperar(() => eventosActividad(el)[0]!.querySelector('strong')!.textContent === 'Login');
    expect(eventosActividad(el)[1]!.querySelector('time')!.textContent).to.contain('November');
    el.lang = 'es';
    await esperar(() => getLocale() === 'es');
  });

  it('una fila que agrupa intentos repetidos muestra cuántas veces ocurrió (es y en); las demás, nada', async () => {
    bff.una('GET /api/usuario/actividad', () =>
      new Response(
        JSON.stringify([
          { evento: 'LIMITE_EXCEDIDO', campos: ['sesion'], creadoEn: '2026-11-28T10:00:00.000Z', ip: '203.0.113.66', conteo: 55 },
          { evento: 'INICIO_SESION', campos: [], creadoEn: '2026-11-27T10:00:00.000Z', ip: '127.0.0.1', conteo: 1 },
        ]),
        { headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const el = await montar();
    await abrirActividad(el);
    await esperar(() => eventosActividad(el).length === 2);
    const [agrupada, sola] = eventosActividad(el);
    expect(agrupada!.textContent!.replace(/\s+/g, ' ')).to.contain('Demasiados intentos (55 veces)');
    expect(sola!.textContent).not.to.contain('veces');
    el.lang = 'en';
    await esperar(() => agrupada!.textContent!.includes('(55 times)'));
    el.lang = 'es';
    await esperar(() => getLocale() === 'es');
  });

  it('si la actividad no carga, lo dice y permite reintentar', async () => {
    const el = await montar();
    bff.una('GET /api/usuario/actividad', () => problema(500, 'ERROR_INTERNO'));
    await abrirActividad(el);
    await esperar(() => parteActividad(el, 'mug-lista-actividad')?.querySelector('.error'));
    boton(parteActividad(el, 'mug-lista-actividad')!, 'Reintentar').click();
    await esperar(() => eventosActividad(el).length === 2);
    expect(campo(el, 'f-nombre')).to.exist;
  });
});
