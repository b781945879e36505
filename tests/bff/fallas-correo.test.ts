// Faults of the email provider that do not go away at once (issue 14), against the app with the
// real Resend SDK aimed at the fake provider (tests/helpers/resend-falso.ts), which hangs, resets
// connections, answers garbage and refuses. The process-level faults (kill -9, SIGTERM) are in
// fallas-correo-proceso.test.ts. None of them answers 500.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { mensajeBaja } from '../../bff/mail/index.js';
import { reservarAvisos, sentenciaAviso } from '../../bff/db/avisos.js';
import { ARRIENDO_MS, crearDespachador, esperaTrasIntento, MAXIMO_INTENTOS_AVISO } from '../../bff/services/despachador.js';
import { codigoEn } from '../../paquete/bff-real.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay, actualizarUsuario, iniciarSesion, MINUTO, pedir, versionActual } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';
import { iniciarResendFalso, type ResendFalso, type SolicitudRegistrada } from '../helpers/resend-falso.js';

let falso: ResendFalso;
beforeEach(async () => {
  falso = await iniciarResendFalso();
});
afterEach(() => falso.cerrar());
const e = usarEntorno(() => ({ entorno: { RESEND_API_KEY: 're_prueba_123', RESEND_BASE_URL: falso.url } }));
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const NUEVO = 'tito.nuevo@example.com';
const NUEVA = 'caballo correcto batería grapa';
const HORA = 60 * MINUTO;

const pedirCodigo = (correo = NUEVO) => pedir(e.app, '/api/correo/codigo', { cuerpo: { correo }, token });
const cambioCorreo = (codigo: string) =>
  actualizacionTmacay({ mantenerCorreo: false, correo: NUEVO, confirmacionCorreo: NUEVO, codigoSeguridad: codigo });
const cambioClave = () => actualizacionTmacay({ cambioClave: { contrasenaAnterior: CONTRASENA_DEMO, contrasena: NUEVA, confirmacion: NUEVA } });

/** The security code in a request the fake received. */
const codigoDe = (s: SolicitudRegistrada) => codigoEn((s.cuerpo as { text: string }).text);
const pendientes = async () => (await e.db.execute('SELECT tipo, intentos FROM avisos_pendientes')).rows.map((f) => ({ ...f }));
const contar = async (tabla: string) => Number((await e.db.execute(`SELECT count(*) AS n FROM ${tabla}`)).rows[0]?.n);

describe('item 1: notices through the outbox', () => {
  test('a PUT does not wait for a hanging provider: the change and its notice are saved together, the provider is not even called', async () => {
    falso.fijar({ tipo: 'colgado' });
    const inicio = performance.now();
    const r = await actualizarUsuario(e.app, token, cambioClave());
    const ms = Math.round(performance.now() - inicio);
    console.log(`PUT con cambio de contraseña y el proveedor colgado: ${r.status} en ${ms} ms (antes, 5 439 ms)`);
    expect(r.status).toBe(200);
    expect(r.headers.get('X-Token-Sesion')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(falso.solicitudes).toHaveLength(0);
    expect(await pendientes()).toEqual([{ tipo: 'CLAVE_MODIFICADA', intentos: 0 }]);
  });

  test('a notice is retried with growing waits and the same Idempotency-Key through resets, an HTML 502 and a 200 of garbage, and delivered once', async () => {
    expect((await pedir(e.app, '/api/usuario/baja', { cuerpo: { motivo: 'Cierre de la empresa importadora' }, token })).status).toBe(202);
    falso.programar({ tipo: 'reinicio' }, { tipo: 'reinicio' }, { tipo: 'error-html' }, { tipo: 'error-html' }, { tipo: 'basura' });
    expect(await e.despachador.entregarPendientes()).toBe(1);
    expect(await pendientes()).toEqual([{ tipo: 'BAJA_SOLICITADA', intentos: 1 }]);
    // Not due again before its wait (5 s ± 10 %).
    e.reloj.avanzar(4000);
    expect(await e.despachador.entregarPendientes()).toBe(0);
    e.reloj.avanzar(1600);
    expect(await e.despachador.entregarPendientes()).toBe(1);
    expect(await pendientes()).toEqual([{ tipo: 'BAJA_SOLICITADA', intentos: 2 }]);
    e.reloj.avanzar(11_000);
    expect(await e.despachador.entregarPendientes()).toBe(1);
    expect(await pendientes()).toEqual([]);
    const claves = falso.solicitudes.map((s) => s.headers['idempotency-key']);
    expect(claves).toHaveLength(5);
    expect(new Set(claves).size).toBe(1);
    expect(claves[0]).toMatch(/^aviso:[0-9a-f-]{36}$/);
    expect(falso.aceptados().size).toBe(1);
    expect(await contar('avisos_fallidos')).toBe(0);
  });

  test('waits double from 5 s up to 1 h, ±10 %, and honour a longer Retry-After', () => {
    for (const [intento, base] of [[1, 5000], [2, 10_000], [5, 80_000], [11, HORA], [12, HORA]] as const) {
      const espera = esperaTrasIntento(intento);
      expect(espera).toBeGreaterThanOrEqual(base * 0.9);
      expect(espera).toBeLessThanOrEqual(base * 1.1);
    }
    expect(esperaTrasIntento(1, 120)).toBe(120_000);
  });

  test('a refused configuration (403 invalid_api_key) is retried on that schedule, not forever: after 12 tries AVISO_NO_ENVIADO', async () => {
    expect((await actualizarUsuario(e.app, token, cambioClave())).status).toBe(200);
    falso.fijar({ tipo: 'clave-invalida' });
    for (let i = 1; i <= MAXIMO_INTENTOS_AVISO; i++) {
      expect(await e.despachador.entregarPendientes()).toBe(1);
      e.reloj.avanzar(HORA + 10 * MINUTO);
    }
    expect(await e.despachador.entregarPendientes()).toBe(0);
    expect(falso.solicitudes).toHaveLength(MAXIMO_INTENTOS_AVISO);
    expect(await pendientes()).toEqual([]);
    const fallidos = await e.db.execute('SELECT tipo, para, detalle FROM avisos_fallidos');
    expect(fallidos.rows.map((f) => ({ ...f }))).toEqual([
      { tipo: 'CLAVE_MODIFICADA', para: 'tito.macay@example.com', detalle: expect.stringContaining('403 invalid_api_key') },
    ]);
    const actividad = await e.db.execute("SELECT campos FROM auditoria WHERE evento = 'AVISO_NO_ENVIADO'");
    expect(actividad.rows.map((f) => f.campos)).toEqual(['["CLAVE_MODIFICADA"]']);
  });

  test('two senders on one database never send one row at the same time; a dead claimer\'s lease runs out', async () => {
    const otraDb = await abrirBaseDeDatos(e.url, { tiempoLimiteMs: 5000 });
    try {
      const otro = crearDespachador({ db: otraDb, mailer: e.mailer, reloj: e.reloj.ahora, secreto: e.config.secretoCodigos, registro: e.registro.registro, metricas: e.metricas });
      const ahora = e.reloj.ahora();
      const contenido = mensajeBaja({ nombre: 'TITO MACAY', idSolicitud: 'x', motivo: 'Cierre de la empresa importadora' });
      const filas = Array.from({ length: 12 }, (_, i) =>
        sentenciaAviso(e.config.secretoCodigos, { idUsuario: 'tmacay', tipo: 'BAJA_SOLICITADA', para: `p${i}@example.com`, contenido, ahora, idSolicitud: null }, { sql: '1', args: [] }),
      );
      await e.db.batch(filas, 'write');
      // One row claimed by a process that then died (it never answers for it).
      const [muerta] = await reservarAvisos(e.db, { ahoraMs: ahora.getTime(), hastaMs: ahora.getTime() + ARRIENDO_MS, por: 'proceso-muerto', lote: 1 });
      falso.fijar({ tipo: 'lento', ms: 50 });
      const [a, b] = await Promise.all([e.despachador.entregarPendientes(), otro.entregarPendientes()]);
      expect(a + b).toBe(11);
      const claves = falso.solicitudes.map((s) => s.headers['idempotency-key']);
      expect(new Set(claves).size).toBe(11);
      expect(claves).not.toContain(`aviso:${muerta!.id}`);
      e.reloj.avanzar(ARRIENDO_MS);
      expect(await otro.entregarPendientes()).toBe(1);
      expect(falso.solicitudes.at(-1)?.headers['idempotency-key']).toBe(`aviso:${muerta!.id}`);
      expect(await contar('avisos_pendientes')).toBe(0);
    } finally {
      otraDb.close();
    }
  });

  test('the outbox keeps no plain link: the revert link is sealed until sent, and the row goes once it is', async () => {
    expect((await pedirCodigo()).status).toBe(202);
    expect((await actualizarUsuario(e.app, token, cambioCorreo(codigoDe(falso.solicitudes[0]!)))).status).toBe(200);
    const sellado = JSON.stringify((await e.db.execute('SELECT * FROM avisos_pendientes')).rows);
    await e.despachador.entregarPendientes();
    const aviso = (falso.solicitudes[1]!.cuerpo as { text: string }).text;
    const enlace = aviso.match(/\/correo\/revertir\/([A-Za-z0-9_-]{43})$/m)![1]!;
    expect(sellado).not.toContain(enlace);
    expect(sellado).toContain('tito.macay@example.com');
    expect(await contar('avisos_pendientes')).toBe(0);
  });

  test('a notice sealed under another SECRETO_CODIGOS is given up at once, not retried', async () => {
    expect((await actualizarUsuario(e.app, token, cambioClave())).status).toBe(200);
    const otro = crearDespachador({ db: e.db, mailer: e.mailer, reloj: e.reloj.ahora, secreto: 'o'.repeat(32), registro: e.registro.registro, metricas: e.metricas });
    expect(await otro.entregarPendientes()).toBe(1);
    expect(falso.solicitudes).toHaveLength(0);
    expect(e.registro.lineas().filter((l) => l.level === 50).map((l) => l.msg)).toEqual([
      'aviso CLAVE_MODIFICADA a tmacay no enviado: no se puede abrir su contenido: SECRETO_CODIGOS no es el que lo selló',
    ]);
    expect((await e.db.execute('SELECT detalle FROM avisos_fallidos')).rows[0]?.detalle).toBe(
      'no se puede abrir su contenido: SECRETO_CODIGOS no es el que lo selló',
    );
  });
});

describe('item 2: a code counts only once the provider took it', () => {
  test.each(['basura', 'corte-tras-200'] as const)('a 200 whose body cannot be read (%s) is accepted: 202, once, and the code works', async (tipo) => {
    falso.programar({ tipo });
    const r = await pedirCodigo();
    expect(r.status).toBe(202);
    expect(falso.solicitudes).toHaveLength(1);
    expect((await actualizarUsuario(e.app, token, cambioCorreo(codigoDe(falso.solicitudes[0]!)))).status).toBe(200);
  });

  test('a code the provider did not take (connection reset twice) is not kept and holds no cooldown', async () => {
    falso.programar({ tipo: 'reinicio' }, { tipo: 'reinicio' });
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBe('30');
    expect(await contar('codigos_seguridad')).toBe(0);
    expect((await actualizarUsuario(e.app, token, cambioCorreo(codigoDe(falso.solicitudes[0]!)))).status).toBe(422);
    expect((await pedirCodigo()).status).toBe(202);
  });
});

describe('item 8: a failed code request keeps the code already received', () => {
  test('503 on a second request: the first code still changes the address', async () => {
    expect((await pedirCodigo()).status).toBe(202);
    const primero = codigoDe(falso.solicitudes[0]!);
    e.reloj.avanzar(MINUTO + 1000);
    falso.programar({ tipo: 'error' }, { tipo: 'error-html' });
    expect((await pedirCodigo()).status).toBe(503);
    falso.programar({ tipo: 'clave-invalida' });
    expect((await pedirCodigo()).status).toBe(503);
    const put = await actualizarUsuario(e.app, token, cambioCorreo(primero), await versionActual(e.app, token));
    expect(put.status).toBe(200);
    expect(((await put.json()) as { correo: string }).correo).toBe(NUEVO);
  });
});

describe('item 3: a permanent refusal is not a transient one', () => {
  test('403 invalid_api_key: 503 SERVICIO_CORREO_MAL_CONFIGURADO with no time promised, nothing kept or counted, logged once, in /api/salud until a send goes through', async () => {
    falso.programar({ tipo: 'clave-invalida' }, { tipo: 'clave-invalida' });
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBeNull();
    expect(await r.json()).toEqual({
      status: 503,
      title: 'Servicio no disponible',
      detail:
        'Por un problema de configuración, ya informado, el portal no puede enviar correos por ahora: no se envió ningún código y su correo no cambió. Puede guardar sus demás datos con «Sí» en «Desea mantener el mismo correo electrónico»; para cambiar el correo con urgencia, acuda a Soporte al Cliente del SENAE.',
      codigo: 'SERVICIO_CORREO_MAL_CONFIGURADO',
    });
    expect(await contar('codigos_seguridad')).toBe(0);
    // Not counted: a second request reaches the provider again (no 429).
    expect((await pedirCodigo()).status).toBe(503);
    expect(falso.solicitudes).toHaveLength(2);
    const configuracion = e.registro.lineas().filter((l) => String(l.msg).startsWith('Error de configuración del correo'));
    expect(configuracion.map((l) => [l.level, l.msg])).toEqual([
      [
        50,
        'Error de configuración del correo: el proveedor rechaza los envíos (El proveedor de correo rechazó el mensaje (403 invalid_api_key): API key is invalid); revise RESEND_API_KEY y CORREO_REMITENTE. GET /api/salud lo informa hasta que un envío salga.',
      ],
    ]);
    const salud = await pedir(e.app, '/api/salud');
    expect(salud.status).toBe(200);
    const cuerpo = JSON.stringify(await salud.json());
    expect(JSON.parse(cuerpo)).toEqual({
      estado: 'degradado',
      correo: {
        estado: 'rechazado',
        detalle:
          'El proveedor de correo rechaza la configuración desde 2026-03-02T15:00:00.000Z (403 invalid_api_key): no salen códigos ni avisos. Revise RESEND_API_KEY y CORREO_REMITENTE.',
      },
    });
    expect(cuerpo).not.toContain('re_prueba_123');
    expect((await pedirCodigo()).status).toBe(202);
    expect(await (await pedir(e.app, '/api/salud')).json()).toEqual({ estado: 'ok', correo: { estado: 'ok' } });
  });
});
