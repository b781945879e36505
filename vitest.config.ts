import { defineConfig } from 'vitest/config';

// Two projects: `bff` (app.request and a real listening server on real temp libSQL files) and
// `e2e` (the real server and pages in Chromium). The element's tests run in @web/test-runner.
// Both build dist/ first (tests/helpers/construir.ts): the element and the production entry.
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
    ],
  },
});
