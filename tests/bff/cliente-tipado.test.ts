import { hc } from 'hono/client';
import { describe, expect, test } from 'vitest';
import type { AppType } from '../../bff/app.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { ORIGEN_BFF } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// `AppType` types the Hono client (hono/client) from the routes and their validators: the bodies
// are the contract's inputs and the answers its outputs. `npm run typecheck` checks this file, so
// a body the contract refuses is a compile error here before it is a 422 there.

const e = usarEntorno();
const cliente = () => hc<AppType>(ORIGEN_BFF, { fetch: (entrada: RequestInfo | URL, init?: RequestInit) => e.app.request(entrada, init) }).api;

describe('AppType: a typed client of the BFF', () => {
  test('login, read and update through the typed client; the answers have the contract types', async () => {
    const api = cliente();
    const login = await api.sesiones.$post({ json: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO } });
    if (login.status !== 201) throw new Error(`login: ${login.status}`);
    const { token, expiraEn } = await login.json();
    expect(Date.parse(expiraEn)).toBeGreaterThan(0);
    const sesion = { headers: { Authorization: `Bearer ${token}` } };

    const lectura = await api.usuario.$get({}, sesion);
    if (lectura.status !== 200) throw new Error(`lectura: ${lectura.status}`);
    const usuario = await lectura.json();
    expect(usuario.celular.operadora).toBe('CLARO');

    const { nombre, pais, provincia, ciudad, telefono1, telefono2, celular, fax } = usuario;
    const cuerpo = { nombre, pais, provincia, ciudad, direccion: 'Av. 9 de Octubre 500', telefono1, telefono2, celular, fax, mantenerCorreo: true };
    const cambio = await api.usuario.$put({ json: cuerpo }, { headers: { ...sesion.headers, 'If-Match': `"${usuario.version}"` } });
    if (cambio.status !== 200) throw new Error(`cambio: ${cambio.status}`);
    expect((await cambio.json()).direccion).toBe('Av. 9 de Octubre 500');
  });

  test('a key the contract does not know does not compile, and the server refuses it with NO_MODIFICABLE', async () => {
    // @ts-expect-error `rol` is not a key of SesionInputSchema
    const r = await cliente().sesiones.$post({ json: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO, rol: 'admin' } });
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({ errores: [{ campo: 'rol', codigo: 'NO_MODIFICABLE' }] });
  });
});
