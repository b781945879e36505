// The element tests' own variables (web-test-runner.config.mjs): a bad value stops the runner at
// once with one line naming the variable, before any browser starts.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { RAIZ } from '../helpers/e2e-servidor.js';

function correr(entorno: Record<string, string | undefined>) {
  const env = { ...process.env, ...entorno };
  for (const [k, v] of Object.entries(entorno)) if (v === undefined) delete env[k];
  return spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { cwd: RAIZ, env, encoding: 'utf8', timeout: 30_000 });
}

describe('WTR_NAVEGADOR and WTR_PORT', () => {
  test.each([
    [{ WTR_NAVEGADOR: 'safari' }, 'WTR_NAVEGADOR debe ser chromium, firefox o webkit, no «safari»'],
    [{ WTR_PORT: '99999' }, 'WTR_PORT debe ser un puerto (1–65535), no «99999»'],
    [{ WTR_NAVEGADOR: 'webkit', DISPLAY: undefined }, 'WTR_NAVEGADOR=webkit necesita una pantalla: ejecútelo con xvfb-run (npm run test:webkit)'],
  ])('%o se rechaza con una línea', (entorno, linea) => {
    const r = correr(entorno);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(linea);
  });
});
