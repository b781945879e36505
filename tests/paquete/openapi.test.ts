// The HTTP API for hosts that skip the element: dist/openapi.json is the document the BFF serves,
// passes Redocly's recommended rules, and its openapi-typescript types are the ones shipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { crearEntorno, pedir } from '../helpers/bff.js';
import { RAIZ } from '../helpers/e2e-servidor.js';

const enDist = JSON.parse(readFileSync(join(RAIZ, 'dist/openapi.json'), 'utf8'));

describe('dist/openapi.json', () => {
  it('is what GET /api/openapi.json serves', async () => {
    const e = await crearEntorno();
    try {
      expect(await (await pedir(e.app, '/api/openapi.json')).json()).toEqual(enDist);
    } finally {
      await e.cerrar();
    }
  });

  it('passes `redocly lint` with the recommended rules: no error, no warning (the exceptions have their reason in .redocly.lint-ignore.yaml)', () => {
    const redocly = join(RAIZ, 'node_modules/@redocly/cli/bin/cli.js');
    const salida = execFileSync(process.execPath, [redocly, 'lint', 'dist/openapi.json', '--format=json'], {
      cwd: RAIZ,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const { totals, problems } = JSON.parse(salida.slice(salida.indexOf('{'))) as { totals: { errors: number; warnings: number; ignored: number }; problems: unknown[] };
    expect(problems).toEqual([]);
    expect(totals).toMatchObject({ errors: 0, warnings: 0, ignored: 5 });
  });

  it('names every operation, declares its security, and has a server', () => {
    expect(enDist.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const operaciones = Object.values(enDist.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>).flatMap((p) => Object.values(p));
    const ids = operaciones.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operaciones.every((o) => Array.isArray(o.security))).toBe(true);
  });

  it('dist/tipos/api-http.d.ts holds the types openapi-typescript makes from it', async () => {
    const tipos = readFileSync(join(RAIZ, 'dist/tipos/api-http.d.ts'), 'utf8');
    expect(tipos).toContain(astToString(await openapiTS(enDist)));
  });
});
