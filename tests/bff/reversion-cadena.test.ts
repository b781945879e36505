// Security review, finding 2: an attacker who knows the password changes the address M0 → M1 → M2.
// Using any "No reconozco este cambio" link must void the account's others, restore M0 and keep
// the account blocked until the reset link mailed to M0 is used (never the old password alone).
import { describe, expect, test } from 'vitest';
import { buscarUsuario } from '../../bff/db/usuarios.js';
import { ASUNTO_AVISO_CAMBIO_CORREO, ASUNTO_RESTABLECIMIENTO } from '../../bff/mail/index.js';
import { DETALLE_CUENTA_BLOQUEADA } from '../../bff/middleware/cuenta.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import {
  actualizacionTmacay,
  actualizarUsuario,
  cambiarCorreo,
  correosEntregados,
  iniciarSesion,
  MINUTO,
  pedir,
  pedirSesion,
} from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();

const M0 = 'tito.macay@example.com';
const M1 = 'atacante.uno@example.com';
const M2 = 'atacante.dos@example.com';
const NUEVA = 'mi perro come tortugas azules';
const DIA = 24 * 60 * MINUTO;

/** The attacker's session changes tmacay's address to `nuevo`; returns the revert token mailed to the previous address. */
async function cambiarCorreoA(token: string, nuevo: string): Promise<string> {
  const anterior = (await buscarUsuario(e.db, 'tmacay'))!.correo;
  await cambiarCorreo(e, token, nuevo);
  const aviso = (await correosEntregados(e)).find((m) => m.para === anterior && m.asunto === ASUNTO_AVISO_CAMBIO_CORREO)!;
  // The link is on the configured public origin (ORIGEN_PUBLICO, here the default).
  return aviso.texto.match(/^No reconozco este cambio: http:\/\/127\.0\.0\.1:8787\/correo\/revertir\/([A-Za-z0-9_-]{43})$/m)![1]!;
}

/** M0 → M1 → M2 by an attacker who knows the password; the links L1 (mailed to M0) and L2 (mailed to M1). */
async function cadena(): Promise<{ atacante: string; L1: string; L2: string }> {
  const atacante = await iniciarSesion(e.app);
  const L1 = await cambiarCorreoA(atacante, M1);
  e.reloj.avanzar(MINUTO + 1000); // one code a minute
  const L2 = await cambiarCorreoA(atacante, M2);
  return { atacante, L1, L2 };
}

const revertir = (token: string) => pedir(e.app, '/api/correo/revertir', { cuerpo: { token } });

/** The reset links mailed so far, newest first, with their recipients. */
async function enlacesRestablecimiento(): Promise<{ para: string; token: string }[]> {
  return (await correosEntregados(e))
    .filter((m) => m.asunto === ASUNTO_RESTABLECIMIENTO)
    .map((m) => ({
      para: m.para,
      token: m.texto.match(/^Crear una contraseña nueva: http:\/\/127\.0\.0\.1:8787\/clave\/restablecer\/([A-Za-z0-9_-]{43})$/m)![1]!,
    }));
}

/** The reset page's form, as a browser posts it. */
function restablecer(token: string, contrasena: string, confirmacion = contrasena) {
  return e.app.request('http://127.0.0.1:8787/clave/restablecer', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, contrasena, confirmacion }).toString(),
  });
}

describe('"No reconozco este cambio" after a chain of changes', () => {
  test('the owner uses L1; the attacker\'s L2 is refused, the address stays M0, the account blocked; the old password cannot unblock it; the reset link mailed to M0 does, once', async () => {
    const { atacante, L1, L2 } = await cadena();
    expect((await buscarUsuario(e.db, 'tmacay'))!.correo).toBe(M2);

    // The owner of M0 uses L1.
    expect((await revertir(L1)).status).toBe(204);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M0, estado: 'BLOQUEADO' });
    expect((await pedir(e.app, '/api/usuario', { token: atacante })).status).toBe(401);

    // The attacker then uses L2 (mailed to M1): refused on the API, the page and its form; nothing changes.
    const r = await revertir(L2);
    expect(r.status).toBe(410);
    expect(await r.json()).toMatchObject({ codigo: 'ENLACE_NO_VALIDO', detail: expect.stringContaining('se anuló porque se usó otro enlace') });
    expect((await pedir(e.app, `/correo/revertir/${L2}`)).status).toBe(410);
    const formulario = await e.app.request('http://127.0.0.1:8787/correo/revertir', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: L2 }).toString(),
    });
    expect(formulario.status).toBe(410);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M0, estado: 'BLOQUEADO' });
    const enlaces = await e.db.execute("SELECT correo_anterior, usado_en, anulado_en FROM enlaces_reversion WHERE id_usuario = 'tmacay' ORDER BY creado_en");
    expect(enlaces.rows.map((f) => ({ ...f }))).toEqual([
      { correo_anterior: M0, usado_en: '2026-03-02T15:01:01.000Z', anulado_en: null },
      { correo_anterior: M1, usado_en: null, anulado_en: '2026-03-02T15:01:01.000Z' },
    ]);

    // The old password alone: no session (403 CUENTA_BLOQUEADA with what to do).
    const login = await pedirSesion(e.app, 'tmacay', CONTRASENA_DEMO);
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ codigo: 'CUENTA_BLOQUEADA', detail: DETALLE_CUENTA_BLOQUEADA });

    // One reset link, to M0 only.
    const [enlace, ...otros] = await enlacesRestablecimiento();
    expect(enlace!.para).toBe(M0);
    expect(otros).toEqual([]);

    // The page refuses the rules the screen refuses, and changes nothing.
    const pagina = await pedir(e.app, `/clave/restablecer/${enlace!.token}`);
    expect(pagina.status).toBe(200);
    const html = await pagina.text();
    expect(html).toContain('<form method="post" action="/clave/restablecer" novalidate>');
    expect(html).toContain(`<input type="hidden" name="token" value="${enlace!.token}">`);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    for (const [contrasena, confirmacion, mensaje] of [
      [CONTRASENA_DEMO, CONTRASENA_DEMO, 'Contraseña: no puede ser la contraseña actual'],
      ['corta', 'corta', 'Contraseña: debe tener entre 12 y 128 caracteres.'],
      ['contraseña1234', 'contraseña1234', 'Contraseña: es demasiado fácil de adivinar.'],
      [NUEVA, `${NUEVA}!`, 'Confirmación de Contraseña: debe ser igual a la Contraseña.'],
      ['', '', 'Contraseña: es obligatorio.'],
    ] as const) {
      const fallo = await restablecer(enlace!.token, contrasena, confirmacion);
      expect(fallo.status, contrasena).toBe(422);
      const texto = await fallo.text();
      expect(texto).toContain(mensaje);
      expect(texto).toContain('role="alert"');
      expect(texto).not.toContain(contrasena || '\u0000');
    }
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('BLOQUEADO');

    // A good one: ACTIVO, the old password is dead, the new one works and sees M0.
    const hecho = await restablecer(enlace!.token, NUEVA);
    expect(hecho.status).toBe(200);
    expect(await hecho.text()).toContain('Su contraseña se cambió y su usuario quedó desbloqueado');
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M0, estado: 'ACTIVO' });
    expect((await pedirSesion(e.app, 'tmacay', CONTRASENA_DEMO)).status).toBe(401);
    const duenio = await iniciarSesion(e.app, 'tmacay', NUEVA);
    expect(((await (await pedir(e.app, '/api/usuario', { token: duenio })).json()) as { correo: string }).correo).toBe(M0);
    expect((await correosEntregados(e)).filter((m) => m.asunto === 'Aviso: se cambió la contraseña de su usuario de Ecuapass').map((m) => m.para)).toEqual([M0]);

    // Single use.
    expect((await restablecer(enlace!.token, 'otra frase bastante larga y rara')).status).toBe(410);
    expect((await pedir(e.app, `/clave/restablecer/${enlace!.token}`)).status).toBe(410);
    const eventos = await e.db.execute("SELECT evento, campos FROM auditoria WHERE evento IN ('CORREO_REVERTIDO', 'CLAVE_RESTABLECIDA') ORDER BY id");
    expect(eventos.rows.map((f) => [f.evento, f.campos])).toEqual([
      ['CORREO_REVERTIDO', '["correo","estado"]'],
      ['CLAVE_RESTABLECIDA', '["contrasena","estado"]'],
    ]);
  });

  test('the attacker uses L2 (mailed to M1) first: the address goes back to M0, not M1, the reset link goes to M0, and L1 is void', async () => {
    const { L1, L2 } = await cadena();
    expect((await revertir(L2)).status).toBe(204);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M0, estado: 'BLOQUEADO' });
    expect((await enlacesRestablecimiento()).map((m) => m.para)).toEqual([M0]);
    expect((await revertir(L1)).status).toBe(410);
  });

  test('L1 and L2 used at the same moment: exactly one wins, one reset link is mailed', async () => {
    const { L1, L2 } = await cadena();
    const estados = (await Promise.all([revertir(L1), revertir(L2)])).map((r) => r.status).sort();
    expect(estados).toEqual([204, 410]);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M0, estado: 'BLOQUEADO' });
    expect((await enlacesRestablecimiento()).map((m) => m.para)).toEqual([M0]);
  });

  test('the reset link expires after 1 hour of the app\'s clock: then it neither shows the form nor unblocks', async () => {
    const { L1 } = await cadena();
    expect((await revertir(L1)).status).toBe(204);
    const [enlace] = await enlacesRestablecimiento();
    e.reloj.avanzar(60 * MINUTO - 1);
    expect((await pedir(e.app, `/clave/restablecer/${enlace!.token}`)).status).toBe(200);
    e.reloj.avanzar(1);
    expect((await pedir(e.app, `/clave/restablecer/${enlace!.token}`)).status).toBe(410);
    const tarde = await restablecer(enlace!.token, NUEVA);
    expect(tarde.status).toBe(410);
    expect(await tarde.text()).toContain('venció (dura 1 hora)');
    expect((await buscarUsuario(e.db, 'tmacay'))!.estado).toBe('BLOQUEADO');
  });

  test('a change left unchallenged for 7 days is acknowledged: a later link restores the address before the first change still pending', async () => {
    const atacante = await iniciarSesion(e.app);
    await cambiarCorreoA(atacante, M1);
    e.reloj.avanzar(7 * DIA);
    const L2 = await cambiarCorreoA(await iniciarSesion(e.app), M2);
    expect((await revertir(L2)).status).toBe(204);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: M1, estado: 'BLOQUEADO' });
    expect((await enlacesRestablecimiento()).map((m) => m.para)).toEqual([M1]);
  });

  test('a failure on the reset page logs its route pattern, never the token (a secret in the URL)', async () => {
    const secreto = 'B'.repeat(43);
    await e.db.execute('DROP TABLE enlaces_restablecimiento');
    const r = await pedir(e.app, `/clave/restablecer/${secreto}`);
    expect(r.status).toBe(500);
    expect(e.registro.lineas().slice(-2)).toEqual([
      expect.objectContaining({ level: 50, reqId: r.headers.get('X-Request-Id'), msg: 'error interno' }),
      expect.objectContaining({ ruta: '/clave/restablecer/:token', res: { status: 500 } }),
    ]);
    expect(e.registro.texto()).not.toContain(secreto);
  });

  test('the removed path: a blocked account cannot change its password with the old one, even with a live session', async () => {
    const sesion = await iniciarSesion(e.app);
    // As if a login had slipped in while the revert ran.
    await e.db.execute("UPDATE usuarios SET estado = 'BLOQUEADO' WHERE id_usuario = 'tmacay'");
    const r = await actualizarUsuario(
      e.app,
      sesion,
      actualizacionTmacay({ cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: NUEVA, confirmacion: NUEVA } }),
    );
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ codigo: 'CUENTA_BLOQUEADA', detail: DETALLE_CUENTA_BLOQUEADA });
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ estado: 'BLOQUEADO', version: 1 });
    expect((await pedirSesion(e.app, 'tmacay', NUEVA)).status).toBe(401);
  });
});
