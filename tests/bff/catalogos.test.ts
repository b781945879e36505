import { describe, expect, test } from 'vitest';
import { ORIGEN_TERCERO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno({ sembrar: false }, 'todo el archivo');

type Opcion = { codigo: string; nombre: string };

async function lista(ruta: string): Promise<Opcion[]> {
  const r = await pedir(e.app, ruta);
  expect(r.status).toBe(200);
  return (await r.json()) as Opcion[];
}

describe('catalogs', () => {
  test('countries: all 249 ISO codes, Spanish names, Ecuador among them', async () => {
    const paises = await lista('/api/catalogos/paises');
    expect(paises).toHaveLength(249);
    expect(paises).toContainEqual({ codigo: 'EC', nombre: 'Ecuador' });
    expect(paises).toContainEqual({ codigo: 'US', nombre: 'Estados Unidos' });
    expect(new Set(paises.map((p) => p.codigo)).size).toBe(249);
  });

  test("provinces: INEC's 24, codes 01…24", async () => {
    const provincias = await lista('/api/catalogos/provincias');
    expect(provincias).toHaveLength(24);
    expect(provincias.map((p) => p.codigo)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(provincias).toContainEqual({ codigo: '09', nombre: 'Guayas' });
    expect(provincias).toContainEqual({ codigo: '17', nombre: 'Pichincha' });
  });

  test("cantons: INEC's 221 in all, with Guayaquil, Quito and La Concordia", async () => {
    const provincias = await lista('/api/catalogos/provincias');
    let total = 0;
    for (const provincia of provincias) {
      const cantones = await lista(`/api/catalogos/provincias/${provincia.codigo}/ciudades`);
      expect(cantones.every((c) => c.codigo.startsWith(provincia.codigo) && c.codigo.length === 4)).toBe(true);
      total += cantones.length;
    }
    expect(total).toBe(221);
    expect(await lista('/api/catalogos/provincias/09/ciudades')).toContainEqual({ codigo: '0901', nombre: 'Guayaquil' });
    expect(await lista('/api/catalogos/provincias/17/ciudades')).toContainEqual({ codigo: '1701', nombre: 'Quito' });
    expect(await lista('/api/catalogos/provincias/23/ciudades')).toContainEqual({ codigo: '2302', nombre: 'La Concordia' });
  });

  test('operators: Claro, Movistar, CNT, Tuenti, OTROS', async () => {
    expect(await lista('/api/catalogos/operadoras')).toEqual([
      { codigo: 'CLARO', nombre: 'Claro' },
      { codigo: 'MOVISTAR', nombre: 'Movistar' },
      { codigo: 'CNT', nombre: 'CNT' },
      { codigo: 'TUENTI', nombre: 'Tuenti' },
      { codigo: 'OTROS', nombre: 'OTROS' },
    ]);
  });

  test.each(['/api/catalogos/paises', '/api/catalogos/provincias', '/api/catalogos/provincias/09/ciudades', '/api/catalogos/operadoras'])(
    '%s: strong ETag, a day of public caching, 304 on If-None-Match',
    async (ruta) => {
      const r = await pedir(e.app, ruta);
      const etag = r.headers.get('ETag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(r.headers.get('Cache-Control')).toBe('public, max-age=86400');
      expect(r.headers.get('Content-Type')).toBe('application/json; charset=UTF-8');
      const otra = await pedir(e.app, ruta, { cabeceras: { 'If-None-Match': etag! } });
      expect(otra.status).toBe(304);
      expect(otra.headers.get('ETag')).toBe(etag);
      expect(await otra.text()).toBe('');
      expect((await pedir(e.app, ruta, { cabeceras: { 'If-None-Match': '"otra"' } })).status).toBe(200);
    },
  );

  const variantes = (r: Response) => r.headers.get('Vary')?.split(', ').sort();

  test.each([
    ['/api/catalogos/paises', 'br'],
    ['/api/catalogos/paises', 'identity'],
    ['/api/catalogos/provincias/09/ciudades', 'gzip'],
    ['/api/catalogos/operadoras', 'gzip'],
  ])("%s (%s): a revalidation from the page's own origin gets a 304 with only what updates the stored answer (RFC 9110 §15.4.5)", async (ruta, codificacion) => {
    const completa = await pedir(e.app, ruta, { cabeceras: { 'Accept-Encoding': codificacion } });
    expect(completa.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const etag = completa.headers.get('ETag')!;
    const r = await pedir(e.app, ruta, { cabeceras: { 'Accept-Encoding': codificacion, 'If-None-Match': etag } });
    expect(r.status).toBe(304);
    // Answered ahead of the rest of the middleware: logged and counted like every request (its request id), nothing else.
    expect(Object.fromEntries(r.headers)).toEqual({
      etag,
      'cache-control': 'public, max-age=86400',
      vary: 'Accept-Encoding, Origin',
      'x-request-id': expect.any(String),
    });
    expect(variantes(r)).toEqual(variantes(completa));
  });

  test("a revalidation from another site's page goes the usual way: a 304 with its CORS headers, still no security headers", async () => {
    const completa = await pedir(e.app, '/api/catalogos/paises', { cabeceras: { Origin: ORIGEN_TERCERO, 'Accept-Encoding': 'br' } });
    const r = await pedir(e.app, '/api/catalogos/paises', {
      cabeceras: { Origin: ORIGEN_TERCERO, 'Accept-Encoding': 'br', 'If-None-Match': completa.headers.get('ETag')! },
    });
    expect(r.status).toBe(304);
    expect(r.headers.get('Access-Control-Allow-Origin')).toBe(ORIGEN_TERCERO);
    expect(r.headers.get('ETag')).toBe(completa.headers.get('ETag'));
    expect(variantes(r)).toEqual(variantes(completa));
    expect(r.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('Content-Security-Policy')).toBeNull();
  });

  test('different lists have different ETags', async () => {
    const a = (await pedir(e.app, '/api/catalogos/provincias/09/ciudades')).headers.get('ETag');
    const b = (await pedir(e.app, '/api/catalogos/provincias/17/ciudades')).headers.get('ETag');
    expect(a).not.toBe(b);
  });

  test.each(['25', '00', '9', 'XX'])('an unknown province (%s) → 404 problem', async (codigo) => {
    const r = await pedir(e.app, `/api/catalogos/provincias/${codigo}/ciudades`);
    expect(r.status).toBe(404);
    expect(r.headers.get('Content-Type')).toBe('application/problem+json; charset=UTF-8');
    expect(await r.json()).toEqual({
      status: 404,
      title: 'No encontrado',
      detail: `No existe la provincia con código "${codigo}".`,
      codigo: 'NO_ENCONTRADO',
    });
  });
});
