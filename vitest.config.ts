import { defineConfig } from 'vitest/config';

// Three projects: `bff` (app.request and a real listening server on real temp libSQL files),
// `e2e` (the real server and pages in Chromium) and `paquete` (the installable package: manifest,
// packed files, OpenAPI lint). The element's tests run in @web/test-runner. `bff` and `e2e` build
// the element and the production entry first (tests/helpers/construir.ts); `paquete` the whole
// package (npm run build).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'bff',
          include: ['tests/bff/**/*.test.ts'],
          globalSetup: ['tests/helpers/construir.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/construir.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'paquete',
          include: ['tests/paquete/**/*.test.ts'],
          globalSetup: ['tests/helpers/construir-paquete.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
