// Several instances (docs/operacion.md, «Escalar»): two production BFF processes on one libSQL
// database share every piece of state — sessions, the login, code and password-check limits, the
// single use of codes and links, the optimistic lock — because all of it lives in the database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codigoEn } from '../../paquete/bff-real.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionDemo } from '../helpers/bff.js';
import { arrancarServidor, ENTORNO_PRODUCCION, iniciarSesionApi, secretosDeCorreos, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { arrancarHranaFalso, type HranaFalso } from '../helpers/hrana-falso.js';
import { iniciarResendFalso, type ResendFalso, type SolicitudRegistrada } from '../helpers/resend-falso.js';

let carpeta: string;
let resend: ResendFalso;
let a: ServidorE2e;
let b: ServidorE2e;
let remota: HranaFalso | undefined;

/** The shared database: a libSQL file both processes open, or a server (a small sqld over HTTP) both reach. */
const BASES = [
  ['an embedded file', async (archivo: string) => `file:${archivo}`],
  ['a database server (sqld over HTTP, DATABASE_URL=http://…)', async (archivo: string) => (remota = await arrancarHranaFalso(`file:${archivo}`)).url],
] as const;

async function arrancarAmbas(url: (archivo: string) => Promise<string>): Promise<void> {
  carpeta = await mkdtemp(join(tmpdir(), 'mug-instancias-'));
  resend = await iniciarResendFalso();
  const entorno = { ...ENTORNO_PRODUCCION, RESEND_BASE_URL: resend.url, SEED_DEMO: '1', DATABASE_URL: await url(join(carpeta, 'compartida.db')) };
  // Both start at once on the same new database: one migrates, the other waits and finds it done.
  [a, b] = await Promise.all([arrancarServidor(entorno, { produccion: true }), arrancarServidor(entorno, { produccion: true })]);
}

async function cerrarAmbas(): Promise<void> {
  const enviados = resend?.solicitudes.map((s) => ({ asunto: (s.cuerpo as { subject: string }).subject, texto: (s.cuerpo as { text: string }).text })) ?? [];
  for (const servidor of [a, b]) for (const secreto of secretosDeCorreos(enviados)) servidor?.secretos.add(secreto);
  await Promise.all([a?.cerrar(), b?.cerrar()]);
  await remota?.cerrar();
  remota = undefined;
  await resend?.cerrar();
  await rm(carpeta, { recursive: true, force: true });
}

/** A JSON request to one instance, with a Bearer token and extra headers. */
async function api(servidor: ServidorE2e, metodo: string, ruta: string, o: { token?: string; cuerpo?: unknown; cabeceras?: Record<string, string> } = {}) {
  const r = await fetch(`${servidor.url}${ruta}`, {
    method: metodo,
    headers: {
      ...(o.cuerpo === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
      ...o.cabeceras,
    },
    ...(o.cuerpo === undefined ? {} : { body: JSON.stringify(o.cuerpo) }),
  });
  const texto = await r.text();
  return { status: r.status, cuerpo: texto ? (JSON.parse(texto) as Record<string, unknown>) : null };
}

/**
 * The text of the newest message the Resend fake received for `para` whose subject contains
 * `asunto`, waiting for one (notices leave after the answer, through a sender of either instance).
 */
async function ultimoEnviado(para: string, asunto: string): Promise<string> {
  const cumple = (s: SolicitudRegistrada) => {
    const m = s.cuerpo as { to: string; subject: string };
    return m.to === para && m.subject.includes(asunto);
  };
  await resend.esperarSolicitud(cumple);
  return (resend.solicitudes.filter(cumple).at(-1)!.cuerpo as { text: string }).text;
}

/** Sends `n` requests at once, alternating between the two instances. */
function repartir<T>(n: number, enviar: (servidor: ServidorE2e, i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => enviar(i % 2 === 0 ? a : b, i)));
}

describe.each(BASES)('two BFF processes on one database: %s', (_, url) => {
  beforeAll(() => arrancarAmbas(url));
  afterAll(cerrarAmbas);

  test('both started on the same new file: the migrations ran once, each demo user was created once', () => {
    const migraron = [a, b].filter((s) => s.salida().includes('"msg":"Migraciones aplicadas: 001_esquema.sql'));
    expect(migraron).toHaveLength(1);
    // Each seeded user was created by one of them (both may have seeded part).
    const sembrados = [a, b].flatMap((s) => [...s.salida().matchAll(/"msg":"Usuarios de demostración creados: ([^"]+)"/g)].flatMap((m) => m[1]!.split(', ')));
    expect(sembrados.sort()).toEqual(['jsmith', 'mzambrano', 'ocupado', 'tmacay']);
  });

  test('a session opened on one works on the other, and ending it on the other ends it on both', async () => {
    const token = await iniciarSesionApi(a, 'tmacay');
    expect((await api(b, 'GET', '/api/usuario', { token })).cuerpo).toMatchObject({ idUsuario: 'tmacay' });
    const otra = await iniciarSesionApi(b, 'tmacay');
    expect((await api(b, 'DELETE', '/api/sesiones/actual', { token: otra })).status).toBe(204);
    expect((await api(a, 'GET', '/api/usuario', { token: otra })).status).toBe(401);
    expect((await api(a, 'GET', '/api/usuario', { token })).status).toBe(200);
  });

  test('the login limit is shared: 5 failures spread over both, then both refuse with 429', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await api(i % 2 ? b : a, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'ocupado', contrasena: `equivocada-${i}` } })).status).toBe(401);
    }
    for (const servidor of [a, b]) {
      expect((await api(servidor, 'POST', '/api/sesiones', { cuerpo: { idUsuario: 'ocupado', contrasena: CONTRASENA_DEMO } })).status).toBe(429);
    }
  });

  test('the code limit is shared: a code requested on one, the next on the other within 60 s is refused', async () => {
    const token = await iniciarSesionApi(a, 'mzambrano');
    expect((await api(a, 'POST', '/api/correo/codigo', { token, cuerpo: { correo: 'maria.nueva@example.com' } })).status).toBe(202);
    const segundo = await api(b, 'POST', '/api/correo/codigo', { token, cuerpo: { correo: 'maria.nueva@example.com' } });
    expect(segundo.status).toBe(429);
    expect(segundo.cuerpo).toMatchObject({ codigo: 'DEMASIADAS_SOLICITUDES' });
  });

  test('the password-check limit is shared: 5 wrong checks spread over both, then both refuse with 429', async () => {
    const token = await iniciarSesionApi(b, 'mzambrano');
    for (let i = 0; i < 5; i++) {
      const r = await api(i % 2 ? b : a, 'POST', '/api/usuario/clave/verificacion', { token, cuerpo: { contrasenaAnterior: `equivocada-${i}` } });
      expect(r.status).toBe(422);
    }
    for (const servidor of [a, b]) {
      expect((await api(servidor, 'POST', '/api/usuario/clave/verificacion', { token, cuerpo: { contrasenaAnterior: CONTRASENA_DEMO } })).status).toBe(429);
    }
  });

  test('16 concurrent PUTs with one ETag, spread over both: exactly one 200, the other 15 are 412', async () => {
    const token = await iniciarSesionApi(a, 'jsmith');
    const estados = await repartir(16, (servidor, i) =>
      api(servidor, 'PUT', '/api/usuario', { token, cabeceras: { 'If-Match': '"1"' }, cuerpo: actualizacionDemo('jsmith', { telefono2: `0${String(4_000_000 + i).padStart(8, '0')}`.slice(0, 9) }) }),
    );
    expect(estados.map((r) => r.status).sort()).toEqual([200, ...Array(15).fill(412)]);
    expect((await api(b, 'GET', '/api/usuario', { token })).cuerpo).toMatchObject({ version: 2 });
  });

  test('a security code is used once across both: 16 concurrent PUTs carrying it, one changes the email', async () => {
    const token = await iniciarSesionApi(b, 'tmacay');
    const nuevo = 'tito.nuevo@example.com';
    expect((await api(b, 'POST', '/api/correo/codigo', { token, cuerpo: { correo: nuevo } })).status).toBe(202);
    const codigo = codigoEn(await ultimoEnviado(nuevo, 'ACTIVACIÓN'));
    const cuerpo = actualizacionDemo('tmacay', { mantenerCorreo: false, correo: nuevo, confirmacionCorreo: nuevo, codigoSeguridad: codigo });
    const respuestas = await repartir(16, (servidor) => api(servidor, 'PUT', '/api/usuario', { token, cabeceras: { 'If-Match': '"1"' }, cuerpo }));
    expect(respuestas.filter((r) => r.status === 200)).toHaveLength(1);
    // The losers were stopped by the version (412) or by the code, already spent by the winner (422).
    for (const r of respuestas.filter((r) => r.status !== 200)) {
      if (r.status === 412) continue;
      expect(r).toMatchObject({ status: 422, cuerpo: { errores: [expect.objectContaining({ campo: 'codigoSeguridad' })] } });
    }
    expect((await api(a, 'GET', '/api/usuario', { token })).cuerpo).toMatchObject({ correo: nuevo, version: 2 });
    const actividad = (await api(a, 'GET', '/api/usuario/actividad', { token })).cuerpo as unknown as { evento: string }[];
    expect(actividad.filter((f) => f.evento === 'CORREO_MODIFICADO')).toHaveLength(1);
  });

  test('the revert and reset links are used once across both: the second use, on the other instance, is 410', async () => {
    const revertir = /^No reconozco este cambio: \S+\/([\w-]{43})$/m.exec(await ultimoEnviado('tito.macay@example.com', 'se cambió el correo'))![1]!;
    expect((await api(a, 'POST', '/api/correo/revertir', { cuerpo: { token: revertir } })).status).toBe(204);
    expect((await api(b, 'POST', '/api/correo/revertir', { cuerpo: { token: revertir } })).status).toBe(410);

    const restablecer = /^Crear una contraseña nueva: \S+\/([\w-]{43})$/m.exec(await ultimoEnviado('tito.macay@example.com', 'Desbloquee'))![1]!;
    const contrasena = 'Faro-Salinas-Marea-Baja-2031';
    const formulario = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: restablecer, contrasena, confirmacion: contrasena }) };
    for (const servidor of [a, b]) servidor.secretos.add(contrasena);
    expect((await fetch(`${b.url}/clave/restablecer`, formulario)).status).toBe(200);
    expect((await fetch(`${a.url}/clave/restablecer`, formulario)).status).toBe(410);
    await iniciarSesionApi(a, 'tmacay', contrasena);
  });

  test('the purge ran on one of them only (the hour\'s lease in the database)', () => {
    expect([a, b].filter((s) => s.salida().includes('Purga de datos vencidos'))).toHaveLength(1);
  });
});
