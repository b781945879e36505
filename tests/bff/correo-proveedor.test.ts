// The real Resend SDK against tests/helpers/resend-falso.ts, through the HTTP API.
import { codigoEn } from '../../paquete/bff-real.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { actualizacionTmacay, actualizarUsuario, erroresDe, iniciarSesion, MINUTO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';
import { iniciarResendFalso, type ResendFalso } from '../helpers/resend-falso.js';

// Hooks run in this order: the fake Resend starts before the environment that points to it, and
// (after hooks run in reverse) stops after the environment is closed.
let falso: ResendFalso;
beforeEach(async () => {
  falso = await iniciarResendFalso();
});
afterEach(() => falso.cerrar().catch(() => undefined));
const e = usarEntorno(() => ({
  entorno: { RESEND_API_KEY: 're_prueba_123', RESEND_BASE_URL: falso.url, CORREO_REMITENTE: 'Ecuapass <no-responder@correo.aduana.gob.ec>' },
}));
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const NUEVO = 'tito.nuevo@example.com';

function pedirCodigo() {
  return pedir(e.app, '/api/correo/codigo', { cuerpo: { correo: NUEVO }, token });
}

function cambioCorreo(codigo: string) {
  return actualizacionTmacay({ mantenerCorreo: false, correo: NUEVO, confirmacionCorreo: NUEVO, codigoSeguridad: codigo });
}

interface Envio {
  from: string;
  to: string | string[];
  subject: string;
  text: string;
}

describe('with RESEND_API_KEY', () => {
  test('200: the code goes through Resend with the idempotency key codigo:<id>; the PUT then works', async () => {
    const r = await pedirCodigo();
    expect(r.status).toBe(202);
    expect(falso.solicitudes).toHaveLength(1);
    const [solicitud] = falso.solicitudes;
    const envio = solicitud!.cuerpo as Envio;
    expect(envio).toMatchObject({ from: 'Ecuapass <no-responder@correo.aduana.gob.ec>', to: NUEVO, subject: 'ACTIVACIÓN DE CORREO ELECTRÓNICO' });
    expect(solicitud!.headers.authorization).toBe('Bearer re_prueba_123');
    const fila = await e.db.execute('SELECT id FROM codigos_seguridad');
    expect(solicitud!.headers['idempotency-key']).toBe(`codigo:${String(fila.rows[0]?.id)}`);
    const codigo = codigoEn(envio.text);
    const put = await actualizarUsuario(e.app, token, cambioCorreo(codigo));
    expect(put.status).toBe(200);
    // The notice was queued with the change and leaves through the sender, with its own key.
    expect(falso.solicitudes).toHaveLength(1);
    const [pendiente] = (await e.db.execute('SELECT id FROM avisos_pendientes')).rows;
    expect(await e.despachador.entregarPendientes()).toBe(1);
    const aviso = falso.solicitudes[1]!;
    expect(aviso.cuerpo).toMatchObject({ to: 'tito.macay@example.com', subject: 'Aviso: se cambió el correo electrónico de su usuario de Ecuapass' });
    expect(aviso.headers['idempotency-key']).toBe(`aviso:${String(pendiente?.id)}`);
    expect((await e.db.execute('SELECT count(*) AS n FROM avisos_pendientes')).rows[0]?.n).toBe(0);
  });

  test('the dev outbox answers 404 (JSON and page)', async () => {
    expect((await pedir(e.app, '/api/dev/correos')).status).toBe(404);
    const pagina = await pedir(e.app, '/dev/correos');
    expect(pagina.status).toBe(404);
    expect(await pagina.json()).toMatchObject({ codigo: 'NO_ENCONTRADO' });
  });

  test('429 from the provider → 503 SERVICIO_CORREO_NO_DISPONIBLE with its Retry-After; the cooldown is not charged', async () => {
    falso.programar({ tipo: 'limite', retryAfter: 7 });
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBe('7');
    expect(await r.json()).toEqual({
      status: 503,
      title: 'Servicio no disponible',
      detail: 'El servicio de correo no está disponible en este momento; no se envió ningún código. Intente nuevamente en 7 segundos.',
      codigo: 'SERVICIO_CORREO_NO_DISPONIBLE',
    });
    expect((await e.db.execute('SELECT count(*) AS n FROM codigos_seguridad')).rows[0]?.n).toBe(0);
    expect((await pedirCodigo()).status).toBe(202);
  });

  test('500 twice → 503 with Retry-After 30', async () => {
    falso.programar({ tipo: 'error' }, { tipo: 'error' });
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBe('30');
    expect(falso.solicitudes).toHaveLength(2);
  });

  test('a refused connection → 503', async () => {
    await falso.cerrar();
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBe('30');
  });

  test('a provider slower than the 5 s budget → 503, and the code does not count', async () => {
    falso.programar({ tipo: 'lento', ms: 8000 });
    const r = await pedirCodigo();
    expect(r.status).toBe(503);
    expect((await e.db.execute('SELECT count(*) AS n FROM codigos_seguridad')).rows[0]?.n).toBe(0);
  });

  test('an address the provider refuses → 422 on correo; the code is not kept and does not count for the limits', async () => {
    falso.programar({ tipo: 'destinatario-invalido' });
    const r = await pedirCodigo();
    expect(r.status).toBe(422);
    expect((await erroresDe(r))[0]).toMatchObject({ campo: 'correo', codigo: 'FORMATO' });
    expect((await e.db.execute('SELECT count(*) AS n FROM codigos_seguridad')).rows[0]?.n).toBe(0);
    // The request still counted in the 20 per hour of the availability check, which bounds refused sends.
    expect((await pedirCodigo()).status).toBe(202);
  });

  test('a notice whose recipient the provider refuses is given up at once; the change stands, recorded and visible in the activity', async () => {
    expect((await pedirCodigo()).status).toBe(202);
    const codigo = codigoEn((falso.solicitudes[0]!.cuerpo as Envio).text);
    falso.programar({ tipo: 'destinatario-invalido' });
    const put = await actualizarUsuario(e.app, token, cambioCorreo(codigo));
    expect(put.status).toBe(200);
    await e.despachador.entregarPendientes();
    expect(falso.solicitudes).toHaveLength(2);
    const fallidos = await e.db.execute('SELECT id_usuario, tipo, para FROM avisos_fallidos');
    expect(fallidos.rows.map((f) => ({ ...f }))).toEqual([{ id_usuario: 'tmacay', tipo: 'CORREO_MODIFICADO', para: 'tito.macay@example.com' }]);
    const actividad = (await (await pedir(e.app, '/api/usuario/actividad', { token })).json()) as { evento: string; campos: string[] }[];
    expect(actividad.slice(0, 2).map((a) => a.evento)).toEqual(['AVISO_NO_ENVIADO', 'CORREO_MODIFICADO']);
  });

  test('a baja confirmation the provider cannot take (connection refused) does not undo the baja; it waits in the outbox', async () => {
    await falso.cerrar();
    e.reloj.avanzar(MINUTO);
    const r = await pedir(e.app, '/api/usuario/baja', { cuerpo: { motivo: 'Ya no importo mercadería' }, token });
    expect(r.status).toBe(202);
    expect((await e.db.execute("SELECT estado FROM usuarios WHERE id_usuario = 'tmacay'")).rows[0]?.estado).toBe('BAJA');
    await e.despachador.entregarPendientes();
    const pendiente = await e.db.execute('SELECT tipo, intentos, ultimo_error FROM avisos_pendientes');
    expect(pendiente.rows.map((f) => ({ ...f }))).toEqual([
      { tipo: 'BAJA_SOLICITADA', intentos: 1, ultimo_error: expect.stringContaining('sin respuesta') },
    ]);
    expect((await e.db.execute('SELECT count(*) AS n FROM avisos_fallidos')).rows[0]?.n).toBe(0);
  });
});
