// The email faults of issue 14 at the worst moments for the process: the real server
// (bff/server.ts as a child process) killed with SIGKILL or stopped with SIGTERM while the fake
// provider (tests/helpers/resend-falso.ts) hangs or is slow, then restarted on the same database.
// The figures (time to answer, time until the notice owed arrives) are printed for the record and
// asserted only against generous bounds.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { ASUNTO_CONTRASENA_CAMBIADA } from '../../bff/mail/index.js';
import { ARRIENDO_MS } from '../../bff/services/despachador.js';
import { EN_VUELO_MS } from '../../bff/db/codigos.js';
import { codigoEn } from '../../paquete/bff-real.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionDemo, erroresDe } from '../helpers/bff.js';
import { arrancarServidor, iniciarSesionApi, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { iniciarResendFalso, type ResendFalso, type SolicitudRegistrada } from '../helpers/resend-falso.js';

const NUEVA = 'caballo correcto batería grapa';
const NUEVO = 'john.nuevo@example.org';

let falso: ResendFalso;
let carpeta: string;
let url: string;
const servidores: ServidorE2e[] = [];
beforeEach(async () => {
  falso = await iniciarResendFalso();
  carpeta = await mkdtemp(join(tmpdir(), 'mug-fallas-correo-'));
  url = `file:${join(carpeta, 'e2e.db')}`;
});
afterEach(async () => {
  for (const s of servidores.splice(0)) await s.cerrar();
  await falso.cerrar();
  await rm(carpeta, { recursive: true, force: true });
});

/** The server on this test's database file (the same one after a restart), mail through the fake. */
async function arrancar(entorno: Record<string, string> = {}): Promise<ServidorE2e> {
  const servidor = await arrancarServidor({ RESEND_API_KEY: 're_prueba_123', RESEND_BASE_URL: falso.url, DATABASE_URL: url, ...entorno });
  servidores.push(servidor);
  return servidor;
}

function pedir(s: ServidorE2e, ruta: string, token: string, metodo: string, cuerpo: unknown, cabeceras: Record<string, string> = {}): Promise<Response> {
  return fetch(`${s.url}${ruta}`, {
    method: metodo,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...cabeceras },
    body: JSON.stringify(cuerpo),
  });
}

const cambioClave = (s: ServidorE2e, token: string) =>
  pedir(s, '/api/usuario', token, 'PUT', actualizacionDemo('jsmith', { cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: NUEVA, confirmacion: NUEVA } }), {
    'If-Match': '"1"',
  });
const pedirCodigo = (s: ServidorE2e, token: string) => pedir(s, '/api/correo/codigo', token, 'POST', { correo: NUEVO });
const cambioCorreo = (s: ServidorE2e, token: string, codigo: string) =>
  pedir(s, '/api/usuario', token, 'PUT', actualizacionDemo('jsmith', { mantenerCorreo: false, correo: NUEVO, confirmacionCorreo: NUEVO, codigoSeguridad: codigo }), {
    'If-Match': '"1"',
  });

const esAviso = (s: SolicitudRegistrada) => s.headers['idempotency-key']?.startsWith('aviso:') === true;
const esCodigo = (s: SolicitudRegistrada) => s.headers['idempotency-key']?.startsWith('codigo:') === true;
const codigoDe = (s: SolicitudRegistrada) => codigoEn((s.cuerpo as { text: string }).text);
const ms = (desde: number) => Math.round(performance.now() - desde);

/** The outbox as the server left it (read with a client of our own). */
async function avisosPendientes(): Promise<Record<string, unknown>[]> {
  const db = await abrirBaseDeDatos(url, { tiempoLimiteMs: 5000 });
  try {
    return (await db.execute('SELECT id, intentos, reservado_por, reservado_hasta_ms FROM avisos_pendientes')).rows.map((f) => ({ ...f }));
  } finally {
    db.close();
  }
}

describe('kill -9 at the worst moment', () => {
  test('item 1: killed while the provider hangs on a notice; after a restart the notice arrives, once, with the same Idempotency-Key', async () => {
    falso.fijar({ tipo: 'colgado' });
    let servidor = await arrancar();
    const token = await iniciarSesionApi(servidor, 'jsmith');
    const inicio = performance.now();
    const put = await cambioClave(servidor, token);
    const msPut = ms(inicio);
    expect(put.status).toBe(200);
    expect(put.headers.get('X-Token-Sesion')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const primera = await falso.esperarSolicitud(esAviso);
    const clave = primera.headers['idempotency-key']!;
    servidor.senal('SIGKILL');
    expect(await servidor.fin()).toEqual({ codigo: null, senal: 'SIGKILL' });
    const muerte = performance.now();
    // The change is saved and the notice still owed, claimed by the dead process.
    expect(await avisosPendientes()).toEqual([
      { id: clave.slice('aviso:'.length), intentos: 0, reservado_por: expect.any(String), reservado_hasta_ms: expect.any(Number) },
    ]);

    falso.fijar({ tipo: 'ok' });
    servidor = await arrancar();
    const arranque = performance.now();
    const entrega = await falso.esperarSolicitud((s) => s !== primera && esAviso(s), ARRIENDO_MS + 15_000);
    console.log(
      `kill -9 con el proveedor colgado: PUT 200 en ${msPut} ms (antes, 5 439 ms); el aviso llegó ${ms(muerte)} ms después del kill (${ms(arranque)} ms después del nuevo arranque; la reserva del proceso muerto dura ${ARRIENDO_MS} ms)`,
    );
    expect(msPut).toBeLessThan(3000);
    expect(entrega.headers['idempotency-key']).toBe(clave);
    expect(entrega.cuerpo).toMatchObject({ to: 'john.smith@example.org', subject: ASUNTO_CONTRASENA_CAMBIADA });
    expect([...falso.aceptados().keys()]).toEqual([clave]);
    // The login with the new password works: nothing of the change was lost.
    await iniciarSesionApi(servidor, 'jsmith', NUEVA);
  }, 90_000);

  test('item 2: killed while the provider hangs on a code; after a restart that code is never usable and holds the cooldown only while it could still be in flight', async () => {
    falso.fijar({ tipo: 'colgado' });
    let servidor = await arrancar();
    const token = await iniciarSesionApi(servidor, 'jsmith');
    const pedido = pedirCodigo(servidor, token).catch((error: unknown) => error);
    const perdido = await falso.esperarSolicitud(esCodigo);
    const muerte = performance.now();
    servidor.senal('SIGKILL');
    await servidor.fin();
    expect(await pedido).toBeInstanceOf(Error); // the client saw the connection drop, not a 500

    falso.fijar({ tipo: 'ok' });
    servidor = await arrancar();
    // The session survived the restart (it lives in the database).
    const rechazado = await cambioCorreo(servidor, token, codigoDe(perdido));
    expect(rechazado.status).toBe(422);
    expect(await erroresDe(rechazado)).toMatchObject([
      { campo: 'codigoSeguridad', codigo: 'INCORRECTO' },
    ]);

    let r = await pedirCodigo(servidor, token);
    let esperaS = 0;
    if (r.status === 429) {
      esperaS = Number(r.headers.get('Retry-After'));
      expect(esperaS).toBeLessThanOrEqual(EN_VUELO_MS / 1000);
      await new Promise((listo) => setTimeout(listo, esperaS * 1000));
      r = await pedirCodigo(servidor, token);
    }
    console.log(
      `kill -9 durante el envío de un código: otro código se pudo pedir ${ms(muerte)} ms después del kill (espera indicada tras el arranque: ${esperaS} s; antes, 60 s y un código vivo que nadie recibió)`,
    );
    expect(r.status).toBe(202);
    const nuevo = await falso.esperarSolicitud((s) => s !== perdido && esCodigo(s));
    expect((await cambioCorreo(servidor, token, codigoDe(nuevo))).status).toBe(200);
  }, 90_000);
});

describe('SIGTERM at the worst moment (item 7)', () => {
  test('a code request waiting on a slow provider completes and the client gets its 202; the sender stops and the process exits 0', async () => {
    falso.fijar({ tipo: 'lento', ms: 3000 });
    const servidor = await arrancar();
    const token = await iniciarSesionApi(servidor, 'jsmith');
    const inicio = performance.now();
    const pedido = pedirCodigo(servidor, token);
    await falso.esperarSolicitud(esCodigo);
    servidor.senal('SIGTERM');
    const r = await pedido;
    const msRespuesta = ms(inicio);
    const respuesta = performance.now();
    const fin = await servidor.fin();
    console.log(
      `SIGTERM con una solicitud de código en curso (proveedor lento, 3 s): ${r.status} en ${msRespuesta} ms; el proceso terminó ${ms(respuesta)} ms después de la respuesta`,
    );
    expect(r.status).toBe(202);
    expect(await r.json()).toMatchObject({ expiraEn: expect.any(String), reenviarDesde: expect.any(String) });
    expect(fin).toEqual({ codigo: 0, senal: null });
    expect(servidor.salida()).toContain('Envío de avisos detenido.');
    expect(servidor.salida()).not.toContain('LIMITE_CIERRE_MS');
  }, 60_000);

  test('with the sender waiting on a hanging provider: the PUT answered at once, the process exits 0 without waiting, the claim is released, and the next start sends the notice', async () => {
    falso.fijar({ tipo: 'colgado' });
    let servidor = await arrancar();
    const token = await iniciarSesionApi(servidor, 'jsmith');
    const put = await cambioClave(servidor, token);
    expect(put.status).toBe(200);
    expect(put.headers.get('X-Token-Sesion')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const primera = await falso.esperarSolicitud(esAviso);

    const senal = performance.now();
    servidor.senal('SIGTERM');
    expect(await servidor.fin()).toEqual({ codigo: 0, senal: null });
    const msCierre = ms(senal);
    expect(servidor.salida()).toContain('Envío de avisos detenido.');
    // Released, no try counted: due again at once for whoever looks next.
    expect(await avisosPendientes()).toEqual([{ id: expect.any(String), intentos: 0, reservado_por: null, reservado_hasta_ms: 0 }]);

    falso.fijar({ tipo: 'ok' });
    const arranque = performance.now();
    servidor = await arrancar();
    const entrega = await falso.esperarSolicitud((s) => s !== primera && esAviso(s));
    console.log(
      `SIGTERM con el envío de un aviso colgado: el proceso terminó en ${msCierre} ms; el aviso llegó ${ms(arranque)} ms después de lanzar el nuevo proceso (arranque incluido)`,
    );
    expect(msCierre).toBeLessThan(5000);
    expect(entrega.headers['idempotency-key']).toBe(primera.headers['idempotency-key']);
  }, 60_000);

  test('LIMITE_CIERRE_MS bounds the drain: a client that never finishes its request does not hold the process longer', async () => {
    const servidor = await arrancar({ DB_TIEMPO_LIMITE_MS: '100', LIMITE_CIERRE_MS: '5200' });
    // Headers and a body that never comes: the request stays in flight as long as the client wants.
    const socket = connect(servidor.puerto, '127.0.0.1');
    await new Promise<void>((listo) => socket.once('connect', () => listo()));
    socket.on('error', () => undefined);
    socket.write('POST /api/sesiones HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((listo) => setTimeout(listo, 200));
    const senal = performance.now();
    servidor.senal('SIGTERM');
    const fin = await servidor.fin();
    const msCierre = ms(senal);
    socket.destroy();
    console.log(`SIGTERM con una solicitud que el cliente nunca termina: el proceso salió a los ${msCierre} ms (LIMITE_CIERRE_MS = 5200)`);
    expect(fin).toEqual({ codigo: 1, senal: null });
    expect(servidor.salida()).toContain('Cierre: pasaron LIMITE_CIERRE_MS = 5200 ms con solicitudes en curso; se cortan.');
    expect(msCierre).toBeGreaterThanOrEqual(5000);
  }, 60_000);
});
