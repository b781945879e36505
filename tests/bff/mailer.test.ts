import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ASUNTO_CODIGO,
  CorreoNoDisponibleError,
  CorreoRechazadoError,
  crearBandejaDev,
  crearMailer,
  crearMailerResend,
  escaparHtml,
  listarBandeja,
  mensajeAvisoCambioCorreo,
  mensajeBaja,
  mensajeContrasenaCambiada,
  mensajeCodigo,
  type MensajeCorreo,
} from '../../bff/mail/index.js';
import { iniciarResendFalso, type ResendFalso } from '../helpers/resend-falso.js';

const REMITENTE = 'Ecuapass <no-responder@correo.aduana.gob.ec>';
const API_KEY = 're_prueba_123';

function mensaje(clave = 'codigo:1'): MensajeCorreo {
  return {
    para: 'nuevo@example.com',
    asunto: ASUNTO_CODIGO,
    html: '<p>Código: ABCD2345</p>',
    texto: 'Código: ABCD2345',
    claveIdempotencia: clave,
  };
}

async function baseTemporal(): Promise<{ db: Client; cerrar: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mug-mailer-'));
  const db = createClient({ url: `file:${join(dir, 'prueba.db')}` });
  const sql = await readFile(new URL('../../bff/db/migraciones/002_correo.sql', import.meta.url), 'utf8');
  const tx = await db.transaction('write');
  await tx.executeMultiple(sql);
  await tx.commit();
  return {
    db,
    cerrar: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('Resend mailer (real SDK against a local fake API)', () => {
  let falso: ResendFalso;
  beforeEach(async () => {
    falso = await iniciarResendFalso();
  });
  afterEach(async () => {
    await falso.cerrar();
    vi.unstubAllEnvs();
  });

  const mailer = (extra: { plazoMs?: number; esperaMs?: number } = {}) =>
    crearMailerResend({ apiKey: API_KEY, remitente: REMITENTE, baseUrl: falso.url, esperaMs: 20, ...extra });

  it('posts the message with the API key and the idempotency key', async () => {
    await mailer().enviar(mensaje('codigo:abc'));
    expect(falso.solicitudes).toHaveLength(1);
    const [solicitud] = falso.solicitudes;
    expect(solicitud?.metodo).toBe('POST');
    expect(solicitud?.ruta).toBe('/emails');
    expect(solicitud?.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(solicitud?.headers['idempotency-key']).toBe('codigo:abc');
    expect(solicitud?.cuerpo).toEqual({
      from: REMITENTE,
      to: 'nuevo@example.com',
      subject: 'ACTIVACIÓN DE CORREO ELECTRÓNICO',
      html: '<p>Código: ABCD2345</p>',
      text: 'Código: ABCD2345',
    });
  });

  it('retries a 500 once with the same idempotency key and succeeds', async () => {
    falso.programar({ tipo: 'error' });
    await mailer().enviar(mensaje('codigo:reintento'));
    expect(falso.solicitudes).toHaveLength(2);
    expect(falso.solicitudes.map((s) => s.headers['idempotency-key'])).toEqual(['codigo:reintento', 'codigo:reintento']);
  });

  it('gives up after two 5xx answers with CorreoNoDisponibleError and Retry-After 30', async () => {
    falso.programar({ tipo: 'error' }, { tipo: 'error', estado: 503 });
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoNoDisponibleError);
    expect((error as CorreoNoDisponibleError).reintentarEnS).toBe(30);
    expect(falso.solicitudes).toHaveLength(2);
  });

  it('takes Retry-After from a 429 and does not wait for a long one', async () => {
    falso.programar({ tipo: 'limite', retryAfter: 7 });
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoNoDisponibleError);
    expect((error as CorreoNoDisponibleError).reintentarEnS).toBe(7);
    expect(falso.solicitudes).toHaveLength(1);
  });

  it('waits a short Retry-After and retries', async () => {
    falso.programar({ tipo: 'limite', retryAfter: 1 });
    await mailer().enviar(mensaje());
    expect(falso.solicitudes).toHaveLength(2);
  });

  it('uses 30 s when a 429 carries no Retry-After', async () => {
    falso.programar({ tipo: 'limite' }, { tipo: 'limite' });
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect((error as CorreoNoDisponibleError).reintentarEnS).toBe(30);
    expect(falso.solicitudes).toHaveLength(2);
  });

  it('stops a slow provider at the time budget', async () => {
    falso.programar({ tipo: 'lento', ms: 3000 }, { tipo: 'lento', ms: 3000 });
    const error = await mailer({ plazoMs: 600 }).enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoNoDisponibleError);
    expect((error as CorreoNoDisponibleError).reintentarEnS).toBe(30);
    // The budget ran out during the first try: no second one was started.
    expect(falso.solicitudes).toHaveLength(1);
  });

  it('reports a refused connection as unavailable', async () => {
    await falso.cerrar();
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoNoDisponibleError);
    expect((error as CorreoNoDisponibleError).reintentarEnS).toBe(30);
  });

  it.each(['basura', 'corte-tras-200'] as const)('takes a 200 whose body cannot be read (%s) as sent, without retrying', async (tipo) => {
    falso.programar({ tipo });
    await mailer().enviar(mensaje('codigo:ilegible'));
    expect(falso.solicitudes).toHaveLength(1);
  });

  it.each(['reinicio', 'error-html'] as const)('retries a %s once with the same key, then reports the provider unavailable', async (tipo) => {
    falso.programar({ tipo }, { tipo });
    const error = await mailer().enviar(mensaje('codigo:x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoNoDisponibleError);
    expect(error).toMatchObject({ reintentarEnS: 30, indicado: false });
    expect(falso.solicitudes.map((s) => s.headers['idempotency-key'])).toEqual(['codigo:x', 'codigo:x']);
  });

  it('abandons a hanging send as soon as its signal aborts (the server is stopping), without a second try', async () => {
    falso.fijar({ tipo: 'colgado' });
    const parada = new AbortController();
    // A budget longer than the test's timeout: only the signal can end it in time.
    const envio = mailer({ plazoMs: 60_000 }).enviar(mensaje(), parada.signal).catch((e: unknown) => e);
    await falso.esperarSolicitud();
    parada.abort();
    expect(await envio).toBeInstanceOf(CorreoNoDisponibleError);
    expect(falso.solicitudes).toHaveLength(1);
  });

  it('refuses an invalid recipient for good, without retrying', async () => {
    falso.programar({ tipo: 'destinatario-invalido' });
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoRechazadoError);
    expect(error).toMatchObject({ estado: 422, codigoProveedor: 'validation_error', destinatarioInvalido: true });
    expect(falso.solicitudes).toHaveLength(1);
  });

  it('refuses a bad API key as a configuration error, not the recipient', async () => {
    falso.programar({ tipo: 'clave-invalida' });
    const error = await mailer().enviar(mensaje()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorreoRechazadoError);
    expect(error).toMatchObject({ estado: 403, codigoProveedor: 'invalid_api_key', destinatarioInvalido: false });
  });

  it('crearMailer picks Resend when an API key is set, honouring RESEND_BASE_URL', async () => {
    vi.stubEnv('RESEND_BASE_URL', falso.url);
    const { db, cerrar } = await baseTemporal();
    try {
      const elegido = crearMailer({ resendApiKey: API_KEY, resendBaseUrl: null, correoRemitente: REMITENTE }, db, () => new Date());
      expect(elegido.tipo).toBe('resend');
      await elegido.enviar(mensaje());
      expect(falso.solicitudes).toHaveLength(1);
      expect(await listarBandeja(db)).toEqual([]);
    } finally {
      await cerrar();
    }
  });
});

describe('dev outbox in libSQL', () => {
  let db: Client;
  let cerrar: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cerrar } = await baseTemporal());
  });
  afterEach(() => cerrar());

  it('stores messages and lists them newest first', async () => {
    let ahora = new Date('2026-03-01T10:00:00.000Z');
    const bandeja = crearBandejaDev(db, () => ahora);
    await bandeja.enviar({ ...mensaje('a'), para: 'uno@example.com', asunto: 'Primero' });
    ahora = new Date('2026-03-01T10:05:00.000Z');
    await bandeja.enviar({ ...mensaje('b'), para: 'dos@example.com', asunto: 'Segundo' });
    await bandeja.enviar({ ...mensaje('c'), para: 'tres@example.com', asunto: 'Tercero' });
    const lista = await listarBandeja(db);
    expect(lista.map((m) => m.asunto)).toEqual(['Tercero', 'Segundo', 'Primero']);
    expect(lista[2]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      para: 'uno@example.com',
      asunto: 'Primero',
      texto: 'Código: ABCD2345',
      html: '<p>Código: ABCD2345</p>',
      creadoEn: '2026-03-01T10:00:00.000Z',
    });
  });

  it('stores a message sent twice with the same idempotency key once', async () => {
    const bandeja = crearBandejaDev(db, () => new Date('2026-03-01T10:00:00.000Z'));
    await bandeja.enviar(mensaje('codigo:igual'));
    await bandeja.enviar(mensaje('codigo:igual'));
    expect(await listarBandeja(db)).toHaveLength(1);
  });

  it('is what crearMailer picks without an API key', async () => {
    const elegido = crearMailer({ resendApiKey: null, resendBaseUrl: null, correoRemitente: REMITENTE }, db, () => new Date());
    expect(elegido.tipo).toBe('bandeja');
    await elegido.enviar(mensaje());
    expect(await listarBandeja(db)).toHaveLength(1);
  });
});

describe('messages', () => {
  const hostil = `<script>alert("x")</script> & O'Brien`;

  it('the code message has the exact subject, the code, 15 minutes, spam and "ignore it"', () => {
    const m = mensajeCodigo({ nombre: 'TITO MACAY', correo: 'tito@example.com', codigo: 'ABCD2345' });
    expect(m.asunto).toBe('ACTIVACIÓN DE CORREO ELECTRÓNICO');
    for (const parte of [m.texto, m.html]) {
      expect(parte).toContain('ABCD2345');
      expect(parte).toContain('TITO MACAY');
      expect(parte).toContain('tito@example.com');
      expect(parte).toContain('15 minutos');
      expect(parte).toContain('correo no deseado (spam)');
      expect(parte).toContain('no solicitó este código, ignore este mensaje');
    }
    expect(m.html).toMatch(/^<!doctype html>\n<html lang="es">/);
  });

  it('escapes every user value in the HTML of every message and keeps it as typed in the text', () => {
    const mensajes = [
      mensajeCodigo({ nombre: hostil, correo: `a"b<c>@example.com`, codigo: 'ABCD2345' }),
      mensajeAvisoCambioCorreo({ nombre: hostil, correoNuevo: `x<y>@example.com`, enlace: 'https://e.ec/r?t=1&u="><img src=x onerror=alert(1)>' }),
      mensajeContrasenaCambiada({ nombre: hostil }),
      mensajeBaja({ nombre: hostil, idSolicitud: '<b>42</b>', motivo: `Cierro la empresa <img src=x onerror="alert(1)">` }),
    ];
    for (const m of mensajes) {
      expect(m.html).not.toMatch(/<script|<img|<b>|<y>|<c>/);
      expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien');
      expect(m.texto).toContain(hostil);
    }
    expect(mensajes[1]?.html).toContain('href="https://e.ec/r?t=1&amp;u=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(mensajes[3]?.html).toContain('Cierro la empresa &lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('escaparHtml covers the five special characters', () => {
    expect(escaparHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('the change notice goes with the one-time link valid 7 days', () => {
    const m = mensajeAvisoCambioCorreo({ nombre: 'MARIA ZAMBRANO', correoNuevo: 'nueva@example.com', enlace: 'https://bff.ec/r/TOKEN' });
    expect(m.html).toContain('<a href="https://bff.ec/r/TOKEN"');
    expect(m.html).toContain('No reconozco este cambio</a>');
    expect(m.texto).toContain('No reconozco este cambio: https://bff.ec/r/TOKEN');
    for (const parte of [m.texto, m.html]) {
      expect(parte).toContain('nueva@example.com');
      expect(parte).toContain('7 días');
      expect(parte).toContain('una sola vez');
    }
  });

  it('the password and baja notices name the user and what happened', () => {
    const clave = mensajeContrasenaCambiada({ nombre: 'JOHN SMITH' });
    expect(clave.asunto).toContain('contraseña');
    expect(clave.texto).toContain('JOHN SMITH');
    const baja = mensajeBaja({ nombre: 'JOHN SMITH', idSolicitud: 'B-0001', motivo: 'Ya no importo mercancías.' });
    expect(baja.texto).toContain('B-0001');
    expect(baja.texto).toContain('Motivo indicado: Ya no importo mercancías.');
    expect(baja.texto).toContain('no se eliminaron');
  });
});
