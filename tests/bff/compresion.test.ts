// Issue 10, bytes on the wire: the widget's files in the brotli or gzip form the build left beside
// them, hashed files immutable; the catalogs precompressed with one ETag per form and 304 kept;
// dynamic JSON answers of 1 KB or more compressed, smaller ones and the user's version ETag as they are.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rutasWidget } from '../../bff/routes/widget.js';
import { elegirCodificacion } from '../../bff/compresion.js';
import { iniciarSesion, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno({}, 'todo el archivo');

function descomprimir(r: Response, cuerpo: ArrayBuffer): string {
  const bytes = Buffer.from(cuerpo);
  const codificacion = r.headers.get('Content-Encoding');
  const plano = codificacion === 'br' ? brotliDecompressSync(bytes) : codificacion === 'gzip' ? gunzipSync(bytes) : bytes;
  return plano.toString('utf8');
}

describe('Accept-Encoding', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;q=0.5, gzip;q=0.1', 'br'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', null],
    ['gzip;q=0, br;q=0', null],
    ['deflate', null],
  ])('%s → %s', (cabecera, esperada) => {
    expect(elegirCodificacion(cabecera)).toBe(esperada);
  });

  test('without the header, identity', () => {
    expect(elegirCodificacion(undefined)).toBeNull();
  });
});

describe('the widget folder, precompressed', () => {
  const ENTRADA = `export const texto = ${JSON.stringify('Modificar información de registro '.repeat(200))};\n`;
  const PARTE = `export const parte = ${JSON.stringify('Solicitud de baja '.repeat(200))};\n`;
  let carpeta: string;
  let app: Hono;

  beforeAll(async () => {
    carpeta = await mkdtemp(join(tmpdir(), 'mug-widget-'));
    for (const [nombre, contenido] of [
      ['modificar-usuario-general.js', ENTRADA],
      ['dialogo-baja.Cc_glUBY.js', PARTE],
    ] as const) {
      await writeFile(join(carpeta, nombre), contenido);
      await writeFile(join(carpeta, `${nombre}.br`), brotliCompressSync(contenido));
      await writeFile(join(carpeta, `${nombre}.gz`), gzipSync(contenido));
    }
    app = new Hono().route('/widget', rutasWidget(carpeta));
  });
  afterAll(() => rm(carpeta, { recursive: true, force: true }));

  test('brotli to a browser that takes it, gzip to one that takes only gzip, identity otherwise; always Vary', async () => {
    const identidad = await app.request('/widget/modificar-usuario-general.js');
    expect(identidad.headers.get('Content-Encoding')).toBeNull();
    expect(identidad.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await identidad.text()).toBe(ENTRADA);

    for (const [aceptadas, codificacion] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
    ]) {
      const r = await app.request('/widget/modificar-usuario-general.js', { headers: { 'Accept-Encoding': aceptadas! } });
      expect(r.status).toBe(200);
      expect(r.headers.get('Content-Encoding')).toBe(codificacion);
      expect(r.headers.get('Vary')).toBe('Accept-Encoding');
      expect(r.headers.get('Content-Type')).toBe('text/javascript; charset=UTF-8');
      const cuerpo = await r.arrayBuffer();
      expect(cuerpo.byteLength).toBeLessThan(ENTRADA.length / 5);
      expect(descomprimir(r, cuerpo)).toBe(ENTRADA);
      // A strong ETag of its own per form, and 304 for any form of the same content.
      expect(r.headers.get('ETag')).not.toBe(identidad.headers.get('ETag'));
      for (const etag of [r.headers.get('ETag')!, identidad.headers.get('ETag')!]) {
        const otra = await app.request('/widget/modificar-usuario-general.js', { headers: { 'Accept-Encoding': aceptadas!, 'If-None-Match': etag } });
        expect(otra.status).toBe(304);
        expect(otra.headers.get('ETag')).toBe(r.headers.get('ETag'));
      }
    }
  });

  test('the entry keeps 5 minutes and its ETag; a hashed part is immutable for a year', async () => {
    const entrada = await app.request('/widget/modificar-usuario-general.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(entrada.headers.get('Cache-Control')).toBe('public, max-age=300');
    const parte = await app.request('/widget/dialogo-baja.Cc_glUBY.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(parte.headers.get('Content-Encoding')).toBe('br');
    expect(parte.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(descomprimir(parte, await parte.arrayBuffer())).toBe(PARTE);
  });

  test('the compressed forms are not files of their own, and there is no source map without `build:mapas`', async () => {
    expect((await app.request('/widget/modificar-usuario-general.js.br')).status).toBe(404);
    expect((await app.request('/widget/modificar-usuario-general.js.gz')).status).toBe(404);
    expect((await app.request('/widget/modificar-usuario-general.js.map')).status).toBe(404);
  });
});

describe('JSON on the wire', () => {
  test('a large catalog goes in brotli or gzip, with an ETag per form; 304 still answers its revalidation', async () => {
    const plano = await pedir(e.app, '/api/catalogos/paises');
    const json = await plano.text();
    expect(json.length).toBeGreaterThan(9_000);
    expect(plano.headers.get('Vary')?.split(', ').filter((x) => x === 'Accept-Encoding')).toEqual(['Accept-Encoding']);
    for (const codificacion of ['br', 'gzip']) {
      const r = await pedir(e.app, '/api/catalogos/paises', { cabeceras: { 'Accept-Encoding': codificacion } });
      expect(r.headers.get('Content-Encoding')).toBe(codificacion);
      expect(r.headers.get('Cache-Control')).toBe('public, max-age=86400');
      const cuerpo = await r.arrayBuffer();
      expect(cuerpo.byteLength).toBeLessThan(json.length / 2);
      expect(descomprimir(r, cuerpo)).toBe(json);
      const etag = r.headers.get('ETag')!;
      expect(etag).toMatch(new RegExp(`^"[A-Za-z0-9_-]{27}-${codificacion}"$`));
      const otra = await pedir(e.app, '/api/catalogos/paises', { cabeceras: { 'Accept-Encoding': codificacion, 'If-None-Match': etag } });
      expect(otra.status).toBe(304);
      expect(await otra.text()).toBe('');
    }
  });

  test('a small catalog goes as it is', async () => {
    const r = await pedir(e.app, '/api/catalogos/operadoras', { cabeceras: { 'Accept-Encoding': 'br, gzip' } });
    expect(r.headers.get('Content-Encoding')).toBeNull();
    expect(r.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  test('a dynamic answer of 1 KB or more (the OpenAPI document) is compressed', async () => {
    const plano = await (await pedir(e.app, '/api/openapi.json')).text();
    for (const codificacion of ['br', 'gzip']) {
      const r = await pedir(e.app, '/api/openapi.json', { cabeceras: { 'Accept-Encoding': `${codificacion}, deflate` } });
      expect(r.headers.get('Content-Encoding')).toBe(codificacion);
      expect(r.headers.get('Vary')).toContain('Accept-Encoding');
      expect(r.headers.get('Content-Length')).toBeNull();
      expect(descomprimir(r, await r.arrayBuffer())).toBe(plano);
    }
  });

  test("the user (under 1 KB) goes as it is, with its version ETag for If-Match; so does a problem", async () => {
    const token = await iniciarSesion(e.app);
    const r = await pedir(e.app, '/api/usuario', { token, cabeceras: { 'Accept-Encoding': 'br, gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Encoding')).toBeNull();
    expect(r.headers.get('ETag')).toMatch(/^"\d+"$/);
    expect(((await r.json()) as { idUsuario: string }).idUsuario).toBe('tmacay');
    const problema = await pedir(e.app, '/api/usuario', { cabeceras: { 'Accept-Encoding': 'br' } });
    expect(problema.status).toBe(401);
    expect(problema.headers.get('Content-Encoding')).toBeNull();
    expect(((await problema.json()) as { codigo: string }).codigo).toBe('NO_AUTENTICADO');
  });
});
