import { describe, expect, it } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { portalDemo } from '../../demo/portal.js';
import { terceroApp } from '../../demo/tercero.js';

const portal = portalDemo();

async function pagina(ruta: string): Promise<string> {
  const respuesta = await portal.request(ruta);
  expect(respuesta.status).toBe(200);
  expect(respuesta.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return respuesta.text();
}

/** Every attribute value (src, href) of `html` that points to a resource. */
function referencias(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('portal demo: pages', () => {
  it('serves the login page with RUC, ID. USUARIO, CONTRASEÑA, the checkbox checked and the demo users', async () => {
    const html = await pagina('/');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('ECUAPASS');
    for (const seccion of ['TRÁMITES OPERATIVOS', 'SERVICIOS INFORMATIVOS', 'VENTANILLA ÚNICA']) {
      expect(html).toContain(seccion);
    }
    expect(html).toMatch(/<label for="ruc">RUC<\/label>/);
    expect(html).toMatch(/<label for="id-usuario">ID\. USUARIO<\/label>/);
    expect(html).toMatch(/<label for="contrasena">CONTRASEÑA<\/label>/);
    expect(html).toMatch(/<input id="usuario-general"[^>]*type="checkbox" checked>/);
    expect(html).toContain('>USUARIO GENERAL / ORGANISMO INTERNACIONAL</label>');
    expect(html).toContain('>NUEVO REGISTRO</button>');
    expect(html).toContain('>REINICIAR CLAVE</button>');
    expect(html).toMatch(/<button type="submit"[^>]*>INICIAR SESIÓN<\/button>/);
    expect(html).toMatch(/id="error-inicio"[^>]*aria-live="assertive"/);
    for (const usuario of ['tmacay', 'mzambrano', 'jsmith', 'ocupado', CONTRASENA_DEMO]) {
      expect(html).toContain(`<code>${usuario}</code>`);
    }
    expect(html).toContain('<a href="/dev/correos">Correos enviados (demostración)</a>');
    expect(html).toContain('<a class="saltar" href="#contenido">');
    expect(html).toContain('<main id="contenido"');
  });

  it('serves the portal with its three disclosure menus and the 3.2 Registro de usuario submenu', async () => {
    const html = await pagina('/portal');
    expect(html).toContain('<h1>Bienvenido al portal Ecuapass</h1>');
    for (const [id, texto] of [
      ['menu-tramites', 'Trámites Operativos'],
      ['menu-informativos', 'Servicios Informativos'],
      ['menu-soporte', 'Soporte al Cliente'],
      ['menu-registro', '3.2 Registro de usuario'],
    ]) {
      expect(html).toMatch(new RegExp(`aria-expanded="false" aria-controls="${id}">${texto}</button>`));
      expect(html).toMatch(new RegExp(`<ul id="${id}" class="menu__lista[^"]*" hidden>`));
    }
    for (const opcion of [
      '3.2.1 Solicitud de registro de usuario',
      '3.2.2 Solicitud de reinicio de clave automática',
      '3.2.4 Administración de empleado',
      '3.2.5 Administración de entidad',
      '3.2.6 Resultado de solicitud de registro de usuario',
      '3.2.9 Solicitud de Reposición/Renovación',
    ]) {
      expect(html).toContain(`data-no-demo="${opcion}">${opcion}</button>`);
    }
    expect(html).toContain('<a class="menu__opcion" href="/portal/3.2.3">3.2.3 Modificar información de registro de usuario</a>');
    expect(html).toContain('id="cerrar-sesion"');
    expect(html).toContain('<a href="/dev/correos">Correos enviados (demostración)</a>');
    expect(html).toContain('<script type="module" src="/demo/marco.js"></script>');
  });

  it('serves 3.2.3 with the seven options of seed §5.4, only the third one a link', async () => {
    const html = await pagina('/portal/3.2.3');
    expect(html).toContain('<h1>Modificar información de registro de usuario</h1>');
    expect(html).toContain('Gracias por visitar al Portal del SENAE.');
    const opciones = [...html.matchAll(/<span class="opcion__numero" aria-hidden="true">(\d)<\/span>([^<]+)<\/(a|button)>/g)];
    expect(opciones.map((o) => [o[1], o[2], o[3]])).toEqual([
      ['1', 'Modificar información de registro de Representante de Comercio Exterior', 'button'],
      ['2', 'Modificar información de registro de Empleado', 'button'],
      ['3', 'Modificar información de registro para Usuario General', 'a'],
      ['4', 'Modificar información de registro de usuario para Representantes de Entidades Públicas', 'button'],
      ['5', 'Modificar información de registro para Funcionarios de Entidades Públicas', 'button'],
      ['6', 'Modificar información de registro de usuario para ORGANISMOS INTERNACIONALES', 'button'],
      ['7', 'Modificar registro de usuario para Personas Naturales con Discapacidad', 'button'],
    ]);
    expect(html).toContain('href="/portal/3.2.3/usuario-general"');
    // The "not part of this demo" notice of an option is announced next to the options.
    expect(html).toContain('<div data-aviso="aviso-opciones">');
    expect(html).toMatch(/<div id="aviso-opciones" class="[^"]*" role="status"><\/div>/);
  });

  it('serves the Usuario General page hosting the element from the same origin', async () => {
    const html = await pagina('/portal/3.2.3/usuario-general');
    expect(html).toContain('<script type="module" src="/widget/modificar-usuario-general.js"></script>');
    // The "loading" text sits inside the element: it shows only until the element is defined.
    expect(html).toMatch(/<modificar-usuario-general>\s*<p class="widget-cargando" id="widget-cargando" role="status">Cargando el formulario…<\/p>\s*<\/modificar-usuario-general>/);
    expect(html).toContain('<script type="module" src="/demo/usuario-general.js"></script>');
    expect(html).toContain('<title>Modificar información de registro para Usuario General — Ecuapass (demostración)</title>');
  });

  it('uses no inline script or style and no external resource on any page (strict CSP)', async () => {
    for (const ruta of ['/', '/portal', '/portal/3.2.3', '/portal/3.2.3/usuario-general']) {
      const html = await pagina(ruta);
      expect(html, ruta).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, ruta).not.toMatch(/\sstyle=/);
      expect(html, ruta).not.toMatch(/<style/);
      expect(html, ruta).not.toMatch(/\son[a-z]+=/);
      expect(html, ruta).not.toContain('{{');
      for (const ref of referencias(html)) expect(ref, ruta).toMatch(/^(\/|#)/);
    }
  });

  it('serves every asset the pages reference, with its content type', async () => {
    const tipos: Record<string, string> = {
      '/demo/estilos.css': 'text/css; charset=utf-8',
      '/demo/inicio.js': 'text/javascript; charset=utf-8',
      '/demo/marco.js': 'text/javascript; charset=utf-8',
      '/demo/aviso.js': 'text/javascript; charset=utf-8',
      '/demo/usuario-general.js': 'text/javascript; charset=utf-8',
      '/demo/icono.svg': 'image/svg+xml',
    };
    for (const [ruta, tipo] of Object.entries(tipos)) {
      const respuesta = await portal.request(ruta);
      expect(respuesta.status, ruta).toBe(200);
      expect(respuesta.headers.get('content-type'), ruta).toBe(tipo);
      expect((await respuesta.text()).length, ruta).toBeGreaterThan(50);
    }
    const usadas = new Set<string>();
    for (const ruta of ['/', '/portal', '/portal/3.2.3', '/portal/3.2.3/usuario-general']) {
      for (const ref of referencias(await pagina(ruta))) if (ref.startsWith('/demo/')) usadas.add(ref);
    }
    for (const ruta of usadas) expect(Object.keys(tipos), ruta).toContain(ruta);
    // Modules imported by other modules are assets too.
    expect(await (await portal.request('/demo/marco.js')).text()).toContain("from './aviso.js'");
  });

  it('answers 404 to unknown paths and leaves /api, /widget and /dev to the BFF', async () => {
    for (const ruta of ['/nada', '/portal/3.2.4', '/portal/3.2.3/empleado', '/demo/secreto.txt', '/demo/portal.ts',
      '/demo/../package.json', '/api/usuario', '/widget/modificar-usuario-general.js', '/dev/correos']) {
      expect((await portal.request(ruta)).status, ruta).toBe(404);
    }
  });
});

describe('third-party host', () => {
  const origen = 'http://127.0.0.1:8787';
  const tercero = terceroApp({ bffOrigen: origen });

  it('embeds the element from the BFF origin with api-base and no token', async () => {
    const respuesta = await tercero.request('/');
    expect(respuesta.status).toBe(200);
    expect(respuesta.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await respuesta.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Agencia de Aduanas Pacífico S.A.');
    expect(html).toContain(`<script type="module" src="${origen}/widget/modificar-usuario-general.js"></script>`);
    expect(html).toContain(`<modificar-usuario-general api-base="${origen}"></modificar-usuario-general>`);
    expect(html).not.toMatch(/token=/);
    expect(html).toContain(`<a href="${origen}/dev/correos">Correos enviados (demostración)</a>`);
    for (const usuario of ['tmacay', 'mzambrano', 'jsmith', 'ocupado', CONTRASENA_DEMO]) {
      expect(html).toContain(`<code>${usuario}</code>`);
    }
    expect(html).not.toMatch(/\sstyle=|<style|<script(?![^>]*\ssrc=)/);
  });

  it('allows scripts and requests only to itself and the BFF', async () => {
    const csp = (await tercero.request('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`script-src 'self' ${origen};`);
    expect(csp).toContain(`connect-src 'self' ${origen};`);
  });

  it('normalises the origin (no trailing slash) and cannot be used to inject markup', async () => {
    const conBarra = await (await terceroApp({ bffOrigen: 'http://localhost:9000/' }).request('/')).text();
    expect(conBarra).toContain('api-base="http://localhost:9000"');
    const raro = await (await terceroApp({ bffOrigen: 'http://a.example:8787/"><script>alert(1)</script>' }).request('/')).text();
    expect(raro).toContain('api-base="http://a.example:8787"');
    expect(raro).not.toContain('alert(1)');
    expect(() => terceroApp({ bffOrigen: 'no es un origen' })).toThrow(/bffOrigen no es una URL válida/);
    expect(() => terceroApp({ bffOrigen: 'javascript:alert(1)' })).toThrow(/http o https/);
  });

  it('serves its own assets and 404 elsewhere', async () => {
    const css = await tercero.request('/estilos.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const js = await tercero.request('/tercero.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await tercero.request('/icono.svg')).headers.get('content-type')).toBe('image/svg+xml');
    for (const ruta of ['/portal', '/api/usuario', '/pagina.html']) {
      expect((await tercero.request(ruta)).status, ruta).toBe(404);
    }
  });
});
