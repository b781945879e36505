import { describe, expect, test } from 'vitest';
import { codigoEn } from '../../paquete/bff-real.js';
import { iniciarSesion, MINUTO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();

describe('dev outbox (no RESEND_API_KEY)', () => {
  test('GET /api/dev/correos: [] at first, then [{id, para, asunto, texto, html, creadoEn}] newest first', async () => {
    expect(await (await pedir(e.app, '/api/dev/correos')).json()).toEqual([]);
    const token = await iniciarSesion(e.app);
    await pedir(e.app, '/api/correo/codigo', { cuerpo: { correo: 'uno@example.com' }, token });
    e.reloj.avanzar(MINUTO);
    await pedir(e.app, '/api/correo/codigo', { cuerpo: { correo: 'dos@example.com' }, token });
    const r = await pedir(e.app, '/api/dev/correos');
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    const lista = (await r.json()) as Record<string, string>[];
    expect(lista.map((c) => [c.para, c.creadoEn])).toEqual([
      ['dos@example.com', '2026-03-02T15:01:00.000Z'],
      ['uno@example.com', '2026-03-02T15:00:00.000Z'],
    ]);
    expect(Object.keys(lista[0]!).sort()).toEqual(['asunto', 'creadoEn', 'html', 'id', 'para', 'texto']);
  });

  test('GET /dev/correos: a Spanish page with subject, recipient, time, text and the code highlighted; no inline script or style; user data escaped', async () => {
    await e.db.execute("UPDATE usuarios SET nombre = 'TITO <b>MACAY</b>' WHERE id_usuario = 'tmacay'");
    const token = await iniciarSesion(e.app);
    await pedir(e.app, '/api/correo/codigo', { cuerpo: { correo: 'nuevo@example.com' }, token });
    const [correo] = (await (await pedir(e.app, '/api/dev/correos')).json()) as { texto: string }[];
    const codigo = codigoEn(correo!.texto);
    const r = await pedir(e.app, '/dev/correos');
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(r.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const html = await r.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1>Bandeja de correos de desarrollo</h1>');
    expect(html).toContain('<h2 id="asunto-');
    expect(html).toContain('ACTIVACIÓN DE CORREO ELECTRÓNICO</h2>');
    expect(html).toContain('<dt>Para</dt><dd>nuevo@example.com</dd>');
    expect(html).toContain('<time datetime="2026-03-02T15:00:00.000Z">');
    expect(html).toContain(`<strong class="codigo" aria-label="Código de seguridad">${codigo}</strong>`);
    expect(html).toContain('TITO &lt;b&gt;MACAY&lt;/b&gt;');
    expect(html).not.toMatch(/<script|style=|<iframe/);
    const css = await pedir(e.app, '/correo/estilos.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=UTF-8');
  });

  test('an empty outbox says so', async () => {
    const html = await (await pedir(e.app, '/dev/correos')).text();
    expect(html).toContain('Todavía no hay correos');
  });
});
