// The container files (Dockerfile, deploy/) cannot be run on these machines (no Docker): this checks
// they agree with the code, and that every variable the BFF reads is documented for operators.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { leerConfig } from '../../bff/config.js';
import { RAIZ } from '../helpers/e2e-servidor.js';

const leer = (archivo: string) => readFile(join(RAIZ, archivo), 'utf8');

/** The variables bff/config.ts reads (`leer(entorno, 'NOMBRE'` and `entorno.NOMBRE`). */
async function variablesDelBff(): Promise<string[]> {
  const config = await leer('bff/config.ts');
  const nombres = [...config.matchAll(/leer\(\s*entorno,\s*'([A-Z_]+)'/g), ...config.matchAll(/entorno\.([A-Z_]+)/g)].map((m) => m[1]!);
  return [...new Set(nombres)].sort();
}

let variablesDeBff: string[];
beforeAll(async () => {
  variablesDeBff = await variablesDelBff();
});

describe('the container files', () => {
  test('Dockerfile: Node 20 slim, a build stage and a run stage with production packages, the built dist/, a non-root user, a health check on /api/salud', async () => {
    const dockerfile = await leer('Dockerfile');
    const etapas = dockerfile.split(/^FROM /m).slice(1);
    expect(etapas).toHaveLength(2);
    expect(etapas[0]).toMatch(/^node:20-[\w-]*slim AS construccion\n[^]*RUN npm ci\n[^]*RUN npm run build\n/);
    const ejecucion = etapas[1]!;
    expect(ejecucion).toMatch(/^node:20-[\w-]*slim\n/);
    expect(ejecucion).toContain('RUN npm ci --omit=dev');
    expect(ejecucion).toContain('COPY --from=construccion /app/dist ./dist');
    expect(ejecucion).toMatch(/^USER node$/m);
    expect(ejecucion).toMatch(/^HEALTHCHECK [^]*\/api\/salud/m);
    expect(ejecucion).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/server\.js"\]$/m);
    expect(JSON.parse(await leer('package.json')).scripts.serve).toBe('node --enable-source-maps dist/server.js');
    expect((await leer('.dockerignore')).split('\n')).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });

  test('compose: the libSQL server, two BFF replicas reaching it, Caddy in front as the only trusted proxy; every variable given is one the BFF reads', async () => {
    const compose = await leer('deploy/compose.yaml');
    expect(compose).toMatch(/^\s+image: ghcr\.io\/tursodatabase\/libsql-server:v[\d.]+$/m);
    expect(compose).toMatch(/^ {2}bff-1:\n {4}<<: \*bff$/m);
    expect(compose).toMatch(/^ {2}bff-2:\n {4}<<: \*bff$/m);
    const bff = compose.slice(compose.indexOf('x-bff: &bff'), compose.indexOf('\nservices:'));
    const dadas = [...bff.matchAll(/^ {4}([A-Z_]+):/gm)].map((m) => m[1]!);
    expect(dadas.filter((v) => !variablesDeBff.includes(v))).toEqual([]);
    expect(dadas).toEqual(expect.arrayContaining(['DATABASE_URL', 'ORIGEN_PUBLICO', 'SECRETO_CODIGOS', 'RESEND_API_KEY', 'PROXY_CONFIABLE']));
    expect(bff).toContain('DATABASE_URL: http://base:8080');
    const proxy = /^ {4}PROXY_CONFIABLE: ([\d.]+)$/m.exec(bff)![1];
    expect(compose).toContain(`ipv4_address: ${proxy}`);
    const caddy = await leer('deploy/Caddyfile');
    expect(caddy).toMatch(/reverse_proxy bff-1:8787 bff-2:8787 \{/);
    expect(caddy).toMatch(/health_uri \/api\/salud/);
  });

  test('compose: Docker waits for the drain (LIMITE_CIERRE_MS by default) before it kills a replica', async () => {
    const bff = (await leer('deploy/compose.yaml')).split('\nservices:')[0]!;
    const gracia = /^ {2}stop_grace_period: (\d+)s$/m.exec(bff);
    expect(gracia).not.toBeNull();
    expect(Number(gracia![1]) * 1000).toBeGreaterThan(leerConfig({}).config.limiteCierreMs);
  });
});

describe('documentation of the configuration', () => {
  test('every variable the BFF reads is in the README and in docs/operacion.md', async () => {
    expect(variablesDeBff).toEqual(expect.arrayContaining(['PORT', 'ORIGENES_PERMITIDOS', 'PORT_METRICAS', 'NIVEL_REGISTRO', 'RETENCION_AUDITORIA_DIAS', 'BANDEJA_DEV', 'LIMITE_CIERRE_MS']));
    expect(variablesDeBff).toHaveLength(19);
    const [readme, operacion] = [await leer('README.md'), await leer('docs/operacion.md')];
    expect(variablesDeBff.filter((v) => !readme.includes(`\`${v}\``))).toEqual([]);
    expect(variablesDeBff.filter((v) => !operacion.includes(`\`${v}\``))).toEqual([]);
  });
});
