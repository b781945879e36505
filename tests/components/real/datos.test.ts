// The element against the real BFF, as user tmacay on a third party's page: built-in login,
// seeded data, an update with its event, a server-side field error, 412 and "Recargar",
// "Actividad reciente" and axe with real data.
import { expect, oneEvent } from '@open-wc/testing';
import { $, abrirActividad, boton, campo, elegir, escribir, eventosActividad, todos, valoresEnPantalla } from '../ayuda.js';
import { dialogosAbiertos, esperarDialogoReal, esperarReal, formularioListo, ingresarConLogin, montarReal } from './ayuda-real.js';
import { CONTRASENA, iniciarBffReal, iniciarSesion, leerUsuario, pedir } from '../../../paquete/testing.js';
import { valoresDe } from '../../../components/modificar-usuario-general/lib/formulario.js';
import { cuerpoDe } from '../../../components/modificar-usuario-general/lib/cuerpo.js';
import type { ModificarUsuarioGeneral } from '../../../components/modificar-usuario-general/modificar-usuario-general.js';
import type { Usuario } from '../../../contract/api.js';

/** The PUT body that keeps the user's data and email as they are (the element's own cuerpoDe). */
const mismosDatos = (usuario: Usuario) => cuerpoDe({ ...valoresDe(usuario), mantenerCorreo: 'si' });

const textoElegido = (el: ModificarUsuarioGeneral, id: string) => {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  return s.selectedOptions[0]?.textContent?.trim() ?? '';
};

async function modificarConSi(el: ModificarUsuarioGeneral) {
  boton(el.shadowRoot!, 'Modificar').click();
  const d = await esperarDialogoReal(el, '¿Está seguro de modificar la información?');
  boton(d, 'Sí').click();
}

describe('real BFF: data of tmacay', () => {
  let bff: string;
  let token: string;
  before(async function () {
    this.timeout(40000);
    bff = await iniciarBffReal();
    token = await iniciarSesion(bff, 'tmacay');
  });

  it('without a session shows its own login on the 401 and, after logging in, loads the seeded data', async () => {
    const el = await montarReal(bff);
    const login = await ingresarConLogin(el, 'tmacay', 'no-es-la-clave');
    await esperarReal(() => login.textContent!.includes('ID.usuario o contraseña incorrectos.'), 'no mostró el error de credenciales');
    login.querySelector<HTMLInputElement>('#login-clave')!.value = CONTRASENA;
    login.requestSubmit();
    await formularioListo(el);
    // The focus, that was on the login form, goes to the screen's title.
    await esperarReal(() => el.shadowRoot!.activeElement?.id === 'titulo', 'el foco no pasó al título');
    expect(campo(el, 'f-idUsuario').value).to.equal('tmacay');
    expect(campo(el, 'f-documento').value).to.equal('RUC (0912345675001)');
    expect(campo(el, 'f-nombre').value).to.equal('TITO MACAY');
    expect($<HTMLSelectElement>(el, '#f-pais').value).to.equal('EC');
    expect(textoElegido(el, 'f-pais')).to.equal('Ecuador');
    await esperarReal(() => textoElegido(el, 'f-ciudad') === 'Guayaquil', 'la ciudad no mostró Guayaquil');
    expect(textoElegido(el, 'f-provincia')).to.equal('Guayas');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.false;
    expect($<HTMLSelectElement>(el, '#f-ciudad').disabled).to.be.false;
    // The 24 provinces and the 25 cantons of Guayas, from the real catalogs.
    expect($<HTMLSelectElement>(el, '#f-provincia').querySelectorAll('option[value]:not([value=""])').length).to.equal(24);
    expect($<HTMLSelectElement>(el, '#f-ciudad').querySelectorAll('option[value]:not([value=""])').length).to.equal(25);
    expect(campo(el, 'f-telefono1').value).to.equal('042345678');
    expect($<HTMLSelectElement>(el, '#f-celular-operadora').value).to.equal('CLARO');
    expect(campo(el, 'f-celular-numero').value).to.equal('0991234567');
    expect(campo(el, 'f-correoSenae').value).to.equal('tmacay@correo.aduana.gob.ec');
    expect($(el, '#correo-actual').textContent).to.contain('tito.macay@example.com');
    // The session lives in memory only: nothing in the page's storage.
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('the built-in login shows the BFF\'s wait after 5 failed attempts (429 with Retry-After)', async function () {
    this.timeout(20000);
    for (let i = 1; i <= 5; i++) {
      const r = await pedir(bff, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'ocupado', contrasena: `mala-${i}` } });
      expect(r.status).to.equal(401);
    }
    const el = await montarReal(bff);
    const login = await ingresarConLogin(el, 'ocupado', CONTRASENA);
    await esperarReal(() => login.textContent!.includes('Demasiados intentos.'), 'no mostró la espera');
    expect(login.textContent).to.contain('Demasiados intentos. Espere 15 min y vuelva a intentarlo.');
  });

  it('changes a phone: Sí → success → usuario-modificado with the new data, and the GET shows them', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    const antes = await leerUsuario(bff, token);
    const nuevo = antes.usuario.telefono1 === '072345678' ? '062345678' : '072345678';
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-telefono1', nuevo);
    const evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    const e = await evento;
    expect(e.detail.telefono1).to.equal(nuevo);
    expect(e.detail.version).to.equal(antes.usuario.version + 1);
    expect(e.detail.nombre).to.equal(antes.usuario.nombre);
    const d = await esperarDialogoReal(el, 'La información se actualizó con éxito.');
    boton(d, 'Aceptar').click();
    await esperarReal(() => dialogosAbiertos(el).length === 0);
    const despues = await leerUsuario(bff, token);
    expect(despues.usuario).to.deep.equal(e.detail);
    expect(despues.etag).to.equal(`"${antes.usuario.version + 1}"`);
    expect(campo(el, 'f-telefono1').value).to.equal(nuevo);
  });

  it('a complete change of the name stays on Nombre Usuario with its message, and the server answers the same (CAMBIO_TOTAL)', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    const antes = await leerUsuario(bff, token);
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-nombre', 'PEDRO ANTONIO VELASQUEZ');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarReal(() => $(el, '#f-nombre-error'), 'no apareció el error en Nombre Usuario');
    const texto =
      'Nombre Usuario: Solo puede corregir errores de escritura del nombre con el que se registró, y las correcciones se suman. Para cambiarlo por completo use «Solicitud de baja» y registre un usuario nuevo.';
    expect($(el, '#f-nombre-error').textContent).to.equal(texto);
    expect(campo(el, 'f-nombre').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('resumen-errores');
    expect($(el, '[part="resumen-errores"] a').textContent).to.equal(texto);
    expect(dialogosAbiertos(el)).to.have.length(0);
    // The browser applies the same shared rule as the server: the server refuses that body too.
    const put = await pedir(bff, 'PUT', '/api/usuario', {
      token,
      cabeceras: { 'If-Match': antes.etag },
      cuerpo: { ...cuerpoDe(valoresEnPantalla(el)), mantenerCorreo: true },
    });
    expect(put.status).to.equal(422);
    expect(put.cuerpo.errores.map((e: { campo: string; codigo: string }) => `${e.campo}:${e.codigo}`)).to.deep.equal(['nombre:CAMBIO_TOTAL']);
    expect((await leerUsuario(bff, token)).usuario).to.deep.equal(antes.usuario);
    // A correction (a typo) is accepted by both.
    await escribir(el, 'f-nombre', 'TITO MACAI');
    expect($(el, '#f-nombre-error') === null, '#f-nombre-error no debería estar').to.be.true;
    const evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    expect((await evento).detail.nombre).to.equal('TITO MACAI');
    boton(await esperarDialogoReal(el, 'con éxito'), 'Aceptar').click();
  });

  it('País, Provincia and Ciudad with the real catalogs: to Colombia they are emptied; back to Ecuador, Pichincha → Quito', async function () {
    this.timeout(20000);
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await elegir(el, 'f-pais', 'CO');
    expect($<HTMLSelectElement>(el, '#f-provincia').disabled).to.be.true;
    expect($<HTMLSelectElement>(el, '#f-ciudad').disabled).to.be.true;
    let evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    expect((await evento).detail).to.include({ pais: 'CO', provincia: null, ciudad: null });
    boton(await esperarDialogoReal(el, 'con éxito'), 'Aceptar').click();
    await esperarReal(() => dialogosAbiertos(el).length === 0);

    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await elegir(el, 'f-pais', 'EC');
    await elegir(el, 'f-provincia', '17');
    await esperarReal(() => $<HTMLSelectElement>(el, '#f-ciudad').querySelector('option[value="1701"]'), 'no llegaron los cantones de Pichincha');
    expect($<HTMLSelectElement>(el, '#f-ciudad').querySelectorAll('option[value]:not([value=""])').length).to.equal(8);
    await elegir(el, 'f-ciudad', '1701');
    evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    expect((await evento).detail).to.include({ pais: 'EC', provincia: '17', ciudad: '1701' });
    boton(await esperarDialogoReal(el, 'con éxito'), 'Aceptar').click();
    const { usuario } = await leerUsuario(bff, token);
    expect([usuario.pais, usuario.provincia, usuario.ciudad]).to.deep.equal(['EC', '17', '1701']);
  });

  it('412 after a concurrent change made with fetch: shows what changed and «Conservar mis cambios» saves what was typed over the current version', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    const { usuario, etag } = await leerUsuario(bff, token);
    // Another window saves first.
    const otra = await pedir(bff, 'PUT', '/api/usuario', {
      token,
      cabeceras: { 'If-Match': etag },
      cuerpo: { ...mismosDatos(usuario), direccion: 'Av. Francisco de Orellana 234, edificio Centrum' },
    });
    expect(otra.status).to.equal(200);
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-fax', '042999888');
    await modificarConSi(el);
    const d = await esperarDialogoReal(el, 'Sus datos fueron modificados en otra sesión');
    expect(d.querySelector('.cambios')!.textContent).to.contain('«Av. Francisco de Orellana 234, edificio Centrum»');
    boton(d, 'Conservar mis cambios').click();
    await esperarReal(() => campo(el, 'f-direccion')?.value === 'Av. Francisco de Orellana 234, edificio Centrum', 'no tomó los datos nuevos');
    expect(campo(el, 'f-fax').value, 'lo escrito se conserva').to.equal('042999888');
    // With the new ETag the change now goes through, over the other window's address.
    const evento = oneEvent(el, 'usuario-modificado');
    await modificarConSi(el);
    const guardado = (await evento).detail;
    expect(guardado.fax).to.equal('042999888');
    expect(guardado.direccion).to.equal('Av. Francisco de Orellana 234, edificio Centrum');
    boton(await esperarDialogoReal(el, 'con éxito'), 'Aceptar').click();
  });

  it('«Actividad reciente» lists the real events with readable names', async () => {
    // Its own events first: a failed login and a change of Teléfono2 made elsewhere.
    expect((await pedir(bff, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'otra-clave-mala' } })).status).to.equal(401);
    const { usuario, etag } = await leerUsuario(bff, token);
    const cambio = await pedir(bff, 'PUT', '/api/usuario', {
      token,
      cabeceras: { 'If-Match': etag },
      cuerpo: { ...mismosDatos(usuario), telefono2: usuario.telefono2 === '052345678' ? '052345679' : '052345678' },
    });
    expect(cambio.status).to.equal(200);
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await abrirActividad(el);
    await esperarReal(() => eventosActividad(el).length > 0, 'no se listaron eventos');
    const nombres = eventosActividad(el).map((li) => li.querySelector('strong')!.textContent!.trim());
    const api = await pedir<{ evento: string; creadoEn: string }[]>(bff, 'GET', '/api/usuario/actividad', { token });
    expect(nombres).to.have.length(api.cuerpo.length);
    expect(nombres).to.include('Inicio de sesión');
    expect(nombres).to.include('Intento de inicio de sesión fallido');
    // None shown as a raw code of the server.
    for (const n of nombres) expect(n).not.to.match(/_|^[A-Z ]+$/);
    const primero = eventosActividad(el)[0]!;
    expect(primero.querySelector('strong')!.textContent).to.equal('Modificación de datos');
    expect(primero.textContent).to.contain('Teléfono2');
    expect(primero.textContent).to.match(/IP 127\.0\.0\.1/);
    expect(primero.querySelector('time')!.getAttribute('datetime')).to.equal(api.cuerpo[0]!.creadoEn);
    await expect(el).to.be.accessible();
  });

  it('is accessible (axe) with real data, also with an error in a field', async () => {
    const el = await montarReal(bff, { token });
    await formularioListo(el);
    await esperarReal(() => $<HTMLSelectElement>(el, '#f-ciudad').options.length > 1);
    await expect(el).to.be.accessible();
    $(el, 'input[name="mantenerCorreo"][value="si"]').click();
    await escribir(el, 'f-nombre', 'PEDRO ANTONIO VELASQUEZ');
    boton(el.shadowRoot!, 'Modificar').click();
    await esperarReal(() => $(el, '#f-nombre-error'));
    await expect(el).to.be.accessible();
    expect(todos(el.shadowRoot!, '[aria-invalid="true"]').map((x) => x.id)).to.deep.equal(['f-nombre']);
  });
});
