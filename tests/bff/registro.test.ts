// The production log over a whole user story: one JSON line per request with its fields, the start
// and the shutdown; no password, code, session token, link or link token anywhere in it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codigoEn } from '../../paquete/bff-real.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay } from '../helpers/bff.js';
import {
  arrancarServidor,
  ENTORNO_PRODUCCION,
  iniciarSesionApi,
  lineasJson,
  recordarSecretos,
  ultimoCorreo,
  type ServidorE2e,
} from '../helpers/e2e-servidor.js';

const NUEVO = 'tito.nuevo@example.com';
const ANTERIOR = 'tito.macay@example.com';
const CONTRASENA_NUEVA = 'Faro-Salinas-Marea-Baja-2031';
const CONTRASENA_EQUIVOCADA = 'Esta-No-Es-La-Clave-77';

describe('the production log of a full story: login, code, email change, revert link, reset page, new login', () => {
  let servidor: ServidorE2e;
  let lineas: Record<string, unknown>[];
  let secretos: string[];

  beforeAll(async () => {
    const { RESEND_API_KEY: _, ...sinResend } = ENTORNO_PRODUCCION;
    servidor = await arrancarServidor({ ...sinResend, BANDEJA_DEV: '1' }, { produccion: true });
    const pedir = async (ruta: string, init: RequestInit = {}) => {
      const cuerpo = typeof init.body === 'string' ? init.body : null;
      recordarSecretos(servidor.secretos, cuerpo);
      return fetch(`${servidor.url}${ruta}`, init);
    };
    const json = (metodo: string, cuerpo: unknown, token?: string, extra: Record<string, string> = {}): RequestInit => ({
      method: metodo,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra },
      body: JSON.stringify(cuerpo),
    });

    expect((await pedir('/api/sesiones', json('POST', { idUsuario: 'tmacay', contrasena: CONTRASENA_EQUIVOCADA }))).status).toBe(401);
    const token = await iniciarSesionApi(servidor, 'tmacay');
    expect((await pedir('/api/usuario', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await pedir('/api/correo/codigo', json('POST', { correo: NUEVO }, token))).status).toBe(202);
    const codigo = codigoEn((await ultimoCorreo(servidor, NUEVO, 'ACTIVACIÓN'))!.texto);
    const cambio = actualizacionTmacay({ mantenerCorreo: false, correo: NUEVO, confirmacionCorreo: NUEVO, codigoSeguridad: codigo });
    expect((await pedir('/api/usuario', json('PUT', cambio, token, { 'If-Match': '"1"' }))).status).toBe(200);

    const enlace = /^No reconozco este cambio: (\S+)$/m.exec((await ultimoCorreo(servidor, ANTERIOR, 'se cambió el correo'))!.texto)![1]!;
    const tokenReversion = enlace.split('/').at(-1)!;
    expect((await pedir(new URL(enlace).pathname)).status).toBe(200);
    expect((await pedir('/api/correo/revertir', json('POST', { token: tokenReversion }))).status).toBe(204);

    const restablecer = /^Crear una contraseña nueva: (\S+)$/m.exec((await ultimoCorreo(servidor, ANTERIOR, 'Desbloquee'))!.texto)![1]!;
    const tokenRestablecer = restablecer.split('/').at(-1)!;
    expect((await pedir(new URL(restablecer).pathname)).status).toBe(200);
    const formulario = new URLSearchParams({ token: tokenRestablecer, contrasena: CONTRASENA_NUEVA, confirmacion: CONTRASENA_NUEVA }).toString();
    const guardado = await pedir('/clave/restablecer', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: formulario });
    expect(guardado.status).toBe(200);
    await iniciarSesionApi(servidor, 'tmacay', CONTRASENA_NUEVA);

    await servidor.cerrar(); // adds the outbox's codes and links, stops it (SIGTERM), throws if the log holds a secret
    secretos = [...servidor.secretos];
    lineas = lineasJson(servidor.salida());
  });
  afterAll(() => servidor?.cerrar());

  test('the secrets the story used are many, and none is in the log', () => {
    // The demo and new passwords, the wrong one, both session tokens, the code, both links and their tokens.
    expect(secretos).toEqual(expect.arrayContaining([CONTRASENA_DEMO, CONTRASENA_NUEVA, CONTRASENA_EQUIVOCADA]));
    expect(secretos.filter((s) => /^https:\/\/ecuapass\.example\/(correo\/revertir|clave\/restablecer)\/[\w-]{43}$/.test(s))).toHaveLength(2);
    expect(secretos.filter((s) => /^[2-9A-HJ-NP-Z]{8}$/.test(s))).toHaveLength(1);
    expect(secretos.length).toBeGreaterThanOrEqual(10);
    const texto = servidor.salida();
    expect(secretos.filter((s) => texto.includes(s))).toEqual([]);
  });

  test('one line per request: time, level, request id, method, client address, route pattern, status, duration; the user when authenticated', () => {
    const solicitudes = lineas.filter((l) => l.msg === 'solicitud atendida');
    const vistas = solicitudes.map((l) => `${(l.req as { method: string }).method} ${String(l.ruta)} ${(l.res as { status: number }).status}`);
    // The test reads the outbox until a notice arrives (the sender delivers within a second): one
    // line per look, as many looks as it took; counted once here.
    const BANDEJA = 'GET /api/dev/correos 200';
    expect(vistas.filter((v, i) => v !== BANDEJA || vistas[i - 1] !== BANDEJA)).toEqual([
      'GET /api/salud 200',
      'POST /api/sesiones 401',
      'POST /api/sesiones 201',
      'GET /api/usuario 200',
      'POST /api/correo/codigo 202',
      'GET /api/dev/correos 200',
      'PUT /api/usuario 200',
      'GET /api/dev/correos 200',
      'GET /correo/revertir/:token 200',
      'POST /api/correo/revertir 204',
      'GET /api/dev/correos 200',
      'GET /clave/restablecer/:token 200',
      'POST /clave/restablecer 200',
      'POST /api/sesiones 201',
      'GET /api/dev/correos 200',
    ]);
    for (const linea of solicitudes) {
      expect(linea).toEqual({
        level: 30,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        pid: expect.any(Number),
        hostname: expect.any(String),
        reqId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        req: { method: expect.any(String), ip: '127.0.0.1' },
        ruta: expect.any(String),
        res: { status: expect.any(Number) },
        responseTime: expect.any(Number),
        ...(linea.idUsuario === undefined ? {} : { idUsuario: 'tmacay' }),
        msg: 'solicitud atendida',
      });
    }
    // The user's id only with a session: the GET and the PUT of /api/usuario and the code request.
    expect(solicitudes.filter((l) => l.idUsuario === 'tmacay').map((l) => l.ruta)).toEqual(['/api/usuario', '/api/correo/codigo', '/api/usuario']);
  });

  test('the start says where it listens and the shutdown says it stopped', () => {
    const mensajes = lineas.map((l) => l.msg);
    expect(mensajes).toContain(`BFF: ${servidor.url}/`);
    expect(mensajes.slice(-3)).toEqual(['SIGTERM: cerrando…', 'Envío de avisos detenido.', 'Servidor detenido.']);
    // The warnings of this setup come first, as warnings.
    expect(lineas[0]).toMatchObject({ level: 40, msg: expect.stringMatching(/^SEED_DEMO está activo en producción/) });
    expect(lineas[1]).toMatchObject({ level: 40, msg: expect.stringMatching(/^BANDEJA_DEV: /) });
  });
});
