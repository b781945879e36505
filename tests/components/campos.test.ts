import { expect } from '@open-wc/testing';
import { BffFalso, CONTRASENA, json } from '../../paquete/testing.js';
import { $, boton, campo, elegir, escribir, esperar, montar, normal, porEtiqueta, salir, todos } from './ayuda.js';

// DESIGN.md §2's labels, each the exact text of one control's label.
const ETIQUETAS = [
  'ID.usuario', 'Doc. Identificación', 'Nombre Usuario', 'Contraseña anterior', 'Contraseña', 'Confirmación de Contraseña',
  'País', 'Provincia', 'Ciudad', 'Dirección', 'Teléfono1', 'Teléfono2', 'Número de Celular', 'Operadora', 'Fax',
  'Correo Electrónico', 'Confirmación de correo electrónico', 'Ingrese código de seguridad', 'SENAE Correo Electrónico',
];
const REQUERIDOS = ['Nombre Usuario', 'País', 'Provincia', 'Ciudad', 'Dirección', 'Teléfono1', 'Número de Celular', 'Correo Electrónico'];

describe('fields of the screen (seed §5.5)', () => {
  let bff: BffFalso;
  beforeEach(() => (bff = new BffFalso().instalar()));
  afterEach(() => bff.desinstalar());

  it('shows every field and button with its label from the seed', async () => {
    const el = await montar();
    const textos = todos(el.shadowRoot!, 'label, legend, button, .etiqueta').map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
    for (const etiqueta of [
      'ID.usuario', 'Doc. Identificación', '* Nombre Usuario', 'Contraseña anterior', 'Cambio de clave', 'Contraseña',
      'Confirmación de Contraseña', '* País', '* Provincia', '* Ciudad', '* Dirección', '* Teléfono1', 'Teléfono2',
      '* Número de Celular', 'Fax', '* Desea mantener el mismo correo electrónico', '* Correo Electrónico',
      '* Confirmación de correo electrónico', 'Comprobar disponibilidad', '* Ingrese código de seguridad',
      'Solicitar código de seguridad', 'SENAE Correo Electrónico', 'Solicitud de baja', 'Modificar',
    ]) {
      expect(textos.some((t) => t === etiqueta || t === `${etiqueta} *`), etiqueta).to.be.true;
    }
  });

  it('shows the read-only data without letting it be edited', async () => {
    const el = await montar();
    expect(campo(el, 'f-idUsuario').value).to.equal('tmacay');
    expect(campo(el, 'f-idUsuario').readOnly).to.be.true;
    expect(campo(el, 'f-documento').value).to.equal('RUC (0912345675001)');
    expect(campo(el, 'f-documento').readOnly).to.be.true;
    expect(campo(el, 'f-correoSenae').value).to.equal('tmacay@correo.aduana.gob.ec');
    expect(campo(el, 'f-correoSenae').readOnly).to.be.true;
  });

  it('marks the required fields with a red asterisk and aria-required', async () => {
    const el = await montar();
    for (const id of ['f-nombre', 'f-pais', 'f-direccion', 'f-telefono1', 'f-celular-numero', 'f-correo', 'f-confirmacionCorreo']) {
      expect(campo(el, id).getAttribute('aria-required'), id).to.equal('true');
      // The asterisk sits beside the label, not inside it: the label's text is the exact name.
      expect($(el, `label[for="${id}"]`).querySelector('.req'), id).to.be.null;
      const etiqueta = $(el, `label[for="${id}"]`).parentElement!.querySelector<HTMLElement>('.req')!;
      expect(etiqueta, id).to.exist;
      expect(etiqueta.getAttribute('aria-hidden'), id).to.equal('true');
      expect(getComputedStyle(etiqueta).color).to.equal('rgb(179, 38, 30)');
    }
    expect(campo(el, 'f-telefono2').getAttribute('aria-required')).to.equal('false');
    expect(campo(el, 'f-fax').getAttribute('aria-required')).to.equal('false');
  });

  it('loads the user\'s values and leaves «No» checked by default', async () => {
    const el = await montar();
    expect(campo(el, 'f-nombre').value).to.equal('TITO MACAY');
    expect($<HTMLSelectElement>(el, '#f-pais').value).to.equal('EC');
    expect($<HTMLSelectElement>(el, '#f-provincia').value).to.equal('09');
    expect($<HTMLSelectElement>(el, '#f-ciudad').value).to.equal('0901');
    expect($<HTMLSelectElement>(el, '#f-celular-operadora').value).to.equal('MOVISTAR');
    expect($(el, 'input[name="mantenerCorreo"][value="no"]').checked).to.be.true;
  });

  it('enables Provincia and Ciudad only for Ecuador and empties them when the country changes', async () => {
    const el = await montar();
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.false;
    await elegir(el, 'f-pais', 'US');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-ciudad').disabled).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-provincia').value).to.equal('');
    expect($<HTMLSelectElement>(el, '#f-ciudad').value).to.equal('');
    await elegir(el, 'f-pais', 'EC');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.false;
    expect($<HTMLSelectElement>(el, '#f-provincia').getAttribute('aria-required')).to.equal('true');
  });

  it('loads the cities of the chosen province and resets the city', async () => {
    const el = await montar();
    expect(bff.de('GET /api/catalogos/provincias/09/ciudades')).to.have.length(1);
    await elegir(el, 'f-provincia', '17');
    expect($<HTMLSelectElement>(el, '#f-ciudad').value).to.equal('');
    await esperar(() => $<HTMLSelectElement>(el, '#f-ciudad').options.length === 3);
    const nombres = [...$<HTMLSelectElement>(el, '#f-ciudad').options].map((o) => o.textContent!.trim());
    expect(nombres).to.deep.equal(['— Seleccione —', 'Quito', 'Mejía']);
    expect(bff.de('GET /api/catalogos/provincias/17/ciudades')).to.have.length(1);
    await elegir(el, 'f-ciudad', '1703');
    expect($<HTMLSelectElement>(el, '#f-ciudad').value).to.equal('1703');
  });

  it('a late answer for the previous province neither replaces the cities of the new one nor ends its «Cargando…»', async () => {
    const el = await montar();
    const responderAzuay = bff.retener('GET /api/catalogos/provincias/01/ciudades');
    const responderPichincha = bff.retener('GET /api/catalogos/provincias/17/ciudades');
    await elegir(el, 'f-provincia', '01');
    await elegir(el, 'f-provincia', '17');
    await esperar(() => bff.de('GET /api/catalogos/provincias/17/ciudades').length === 1);
    responderAzuay(json(200, [{ codigo: '0101', nombre: 'Cuenca' }]));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const ciudad = $<HTMLSelectElement>(el, '#f-ciudad');
    expect(ciudad.disabled, 'sigue cargando Pichincha').to.be.true;
    expect([...ciudad.options].map((o) => o.textContent!.trim())).to.deep.equal(['Cargando…']);
    responderPichincha(json(200, [{ codigo: '1701', nombre: 'Quito' }]));
    await esperar(() => !$<HTMLSelectElement>(el, '#f-ciudad').disabled);
    expect([...$<HTMLSelectElement>(el, '#f-ciudad').options].map((o) => o.textContent!.trim())).to.deep.equal(['— Seleccione —', 'Quito']);
  });

  it('aborts the cities request of the province left when another one is chosen', async () => {
    const el = await montar();
    const senales = new Map<string, AbortSignal | null | undefined>();
    const falso = window.fetch;
    window.fetch = (entrada: RequestInfo | URL, init?: RequestInit) => {
      const ruta = new URL(String(entrada)).pathname;
      if (ruta.endsWith('/ciudades')) senales.set(ruta, init?.signal);
      return falso(entrada, init);
    };
    try {
      bff.retener('GET /api/catalogos/provincias/01/ciudades');
      await elegir(el, 'f-provincia', '01');
      await esperar(() => senales.has('/api/catalogos/provincias/01/ciudades'));
      await elegir(el, 'f-provincia', '17');
      await esperar(() => senales.has('/api/catalogos/provincias/17/ciudades'));
      expect(senales.get('/api/catalogos/provincias/01/ciudades')?.aborted, 'Azuay').to.be.true;
      expect(senales.get('/api/catalogos/provincias/17/ciudades')?.aborted, 'Pichincha').to.be.false;
      await esperar(() => !$<HTMLSelectElement>(el, '#f-ciudad').disabled);
      expect([...$<HTMLSelectElement>(el, '#f-ciudad').options].map((o) => o.textContent!.trim())).to.deep.equal(['— Seleccione —', 'Quito', 'Mejía']);
    } finally {
      window.fetch = falso;
    }
  });

  it('enables the new password only after the old one is verified on the server', async () => {
    const el = await montar();
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    await escribir(el, 'f-cambioClave-contrasenaAnterior', 'equivocada');
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => campo(el, 'f-cambioClave-contrasenaAnterior').getAttribute('aria-invalid') === 'true');
    expect($(el, '#f-cambioClave-contrasenaAnterior-error').textContent).to.contain('La contraseña no es correcta.');
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;

    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    expect(bff.de('POST /api/usuario/clave/verificacion').map((l) => l.cuerpo)).to.deep.equal([
      { contrasenaAnterior: 'equivocada' },
      { contrasenaAnterior: CONTRASENA },
    ]);
    expect(campo(el, 'f-cambioClave-confirmacion').disabled).to.be.false;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-cambioClave-contrasena');
  });

  it('if the old password changes while it is being verified, the late answer does not enable the new one', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    const responder = bff.retener('POST /api/usuario/clave/verificacion');
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => bff.de('POST /api/usuario/clave/verificacion').length === 1);
    await escribir(el, 'f-cambioClave-contrasenaAnterior', 'otra-cosa');
    responder(json(204, null));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(campo(el, 'f-cambioClave-contrasena').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Cambio de clave').disabled).to.be.false;
  });

  it('shows the password requirements list live and the strength meter', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    await escribir(el, 'f-cambioClave-contrasena', 'tmacay123');
    const estado = () => [...el.shadowRoot!.querySelectorAll('.checklist li')].map((li) => li.className);
    // The meter appears with zxcvbn's evaluation.
    await esperar(() => $(el, 'meter[part="medidor"]'), 'zxcvbn no evaluó');
    await el.updateComplete;
    expect(estado()).to.deep.equal(['falta', 'pendiente', 'falta', 'falta']);
    await escribir(el, 'f-cambioClave-contrasena', 'marmota-azul-cruza-el-río');
    await escribir(el, 'f-cambioClave-confirmacion', 'marmota-azul-cruza-el-río');
    await esperar(() => $<HTMLMeterElement>(el, 'meter[part="medidor"]')?.value === 4, 'zxcvbn no evaluó la clave fuerte');
    await el.updateComplete;
    expect(estado()).to.deep.equal(['cumple', 'cumple', 'cumple', 'cumple']);
    expect($<HTMLMeterElement>(el, 'meter').value).to.equal(4);
    expect(campo(el, 'f-cambioClave-contrasena').getAttribute('aria-describedby')).to.contain('clave-requisitos');
  });

  it('the list and the meter do not call strong a password made of the site\'s words, digits and symbols', async () => {
    const el = await montar();
    await escribir(el, 'f-cambioClave-contrasenaAnterior', CONTRASENA);
    boton(el.shadowRoot!, 'Cambio de clave').click();
    await esperar(() => !campo(el, 'f-cambioClave-contrasena').disabled);
    const dificil = () => el.shadowRoot!.querySelectorAll('.checklist li')[3]!;
    const medidor = () => el.shadowRoot!.querySelector<HTMLMeterElement>('meter');
    for (const [clave, cumple] of [
      ['ecuapass2026!!', false],
      ['senae2026senae', false],
      ['aduana-2026-aduana', false],
      ['Ecuador12345!', false],
      ['aduana caballo correcto batería', true],
    ] as const) {
      await escribir(el, 'f-cambioClave-contrasena', '');
      await esperar(() => !medidor());
      await escribir(el, 'f-cambioClave-contrasena', clave);
      await esperar(() => medidor(), `no se evaluó ${clave}`);
      expect(dificil().className, clave).to.equal(cumple ? 'cumple' : 'falta');
      expect(dificil().textContent, clave).to.contain(cumple ? 'cumple' : 'no cumple');
      if (cumple) expect(medidor()!.value, clave).to.be.at.least(3);
      else expect(medidor()!.value, clave).to.be.below(3);
    }
  });

  it('«Sí» on keeping the email disables the email and code fields', async () => {
    const el = await montar();
    expect(campo(el, 'f-correo').disabled).to.be.false;
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await el.updateComplete;
    expect(campo(el, 'f-correo').disabled).to.be.true;
    expect(campo(el, 'f-confirmacionCorreo').disabled).to.be.true;
    expect(campo(el, 'f-codigoSeguridad').disabled).to.be.true;
    expect(boton(el.shadowRoot!, 'Comprobar disponibilidad').disabled).to.be.true;
    expect(campo(el, 'f-correo').getAttribute('aria-required')).to.equal('false');
  });

  it('phones are typed as people write them: separators and +593 are normalised on leaving, and shown', async () => {
    const el = await montar();
    for (const [id, escrito, guardado] of [
      ['f-telefono1', '+593 (04) 234-5678', '042345678'],
      ['f-telefono2', '+593 4 234 5678', '042345678'],
      ['f-celular-numero', '099 123 4567', '0991234567'],
      ['f-fax', '(02) 234–5678', '022345678'],
    ]) {
      await escribir(el, id!, escrito!);
      expect(campo(el, id!).value, 'mientras escribe queda como lo escribió').to.equal(escrito);
      await salir(el, id!);
      expect(campo(el, id!).value, id).to.equal(guardado);
      expect(campo(el, id!).getAttribute('aria-invalid'), id).to.equal('false');
    }
    expect(campo(el, 'f-telefono1').type).to.equal('tel');
    expect(campo(el, 'f-telefono1').hasAttribute('maxlength'), 'maxlength cortaría lo pegado en silencio').to.be.false;
  });

  it('Teléfono1 takes a mobile number (0991234567) with País = Ecuador', async () => {
    const el = await montar();
    await escribir(el, 'f-telefono1', '0991234567');
    await salir(el, 'f-telefono1');
    expect($(el, '#f-telefono1-error'), 'error en un celular').to.equal(null);
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('false');
  });

  it('what cannot be part of a number is refused with a message, without erasing anything', async () => {
    const el = await montar();
    const escrito = '+593 (04) 234-5678 ext 12';
    await escribir(el, 'f-telefono1', escrito);
    await salir(el, 'f-telefono1');
    expect(campo(el, 'f-telefono1').value).to.equal(escrito);
    expect(campo(el, 'f-telefono1').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-telefono1-error').textContent).to.contain('Solo admite dígitos, espacios, guiones, paréntesis y el prefijo +593 (sin extensión)');
    await escribir(el, 'f-celular-numero', '099-123-456a');
    await salir(el, 'f-celular-numero');
    expect(campo(el, 'f-celular-numero').value).to.equal('099-123-456a');
    expect($(el, '#f-celular-numero-error').textContent).to.contain('Solo admite dígitos');
  });

  it('every label of DESIGN §2 is the exact text of the label of a single control; the asterisk stays outside', async () => {
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
});
