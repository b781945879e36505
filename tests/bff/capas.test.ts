import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The BFF's layers (docs/decisiones.md, "Capas del BFF"): routes own HTTP (cookies, headers,
// status), services take plain data (who: ip, agent, request id) and return data or a typed
// failure, SQL lives in bff/db/, and middleware calls no service.

const BFF = fileURLToPath(new URL('../../bff/', import.meta.url));

/** `[path under bff/, text]` of every TypeScript module in these folders of bff/. */
async function modulos(...carpetas: string[]): Promise<[string, string][]> {
  const lista: [string, string][] = [];
  for (const carpeta of carpetas) {
    for (const archivo of await readdir(join(BFF, carpeta))) {
      if (archivo.endsWith('.ts')) lista.push([`${carpeta}/${archivo}`, await readFile(join(BFF, carpeta, archivo), 'utf8')]);
    }
  }
  return lista;
}

const importa = (texto: string, modulo: RegExp) =>
  [...texto.matchAll(/^import[^;]*?from '([^']+)';/gms)].some(([, de]) => modulo.test(de!));

describe('the BFF keeps its layers apart', () => {
  test('no service or persistence module imports Hono: a request Context never reaches them', async () => {
    const conHono = (await modulos('services', 'db')).filter(([, texto]) => importa(texto, /^hono(\/|$)/));
    expect(conHono.map(([ruta]) => ruta)).toEqual([]);
  });

  test('middleware imports no service and no route', async () => {
    const acoplados = (await modulos('middleware')).filter(([, texto]) => importa(texto, /\/(services|routes)\//));
    expect(acoplados.map(([ruta]) => ruta)).toEqual([]);
  });

  test('routes hand whole flows to services: they run no batch, write no audit row, hash no password, send no mail, count no metric', async () => {
    const flujo = /\b(db\.(batch|execute|transaction)\(|argon2\(|mailer\.enviar\(|registrarEvento\b|sentencia[A-Z]\w*|metricas\.\w+\()/;
    const conFlujo = (await modulos('routes')).filter(([, texto]) => flujo.test(texto));
    expect(conFlujo.map(([ruta]) => ruta)).toEqual([]);
  });

  test('routes, services and middleware hold no SQL: it lives in bff/db/', async () => {
    const sql = /\b(INSERT INTO|UPDATE \w+ SET|DELETE FROM|SELECT [\w*, ]+ FROM)\b/;
    const conSql = (await modulos('routes', 'services', 'middleware')).filter(([, texto]) => sql.test(texto));
    expect(conSql.map(([ruta]) => ruta)).toEqual([]);
  });
});
