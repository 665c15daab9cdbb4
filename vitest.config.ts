import { defineConfig } from 'vitest/config';

/**
 * Four kinds of test, three projects: unit (pure functions), integration (the Worker in workerd
 * through Miniflare against a real sqld, two tenants of different kinds, plus the security suite
 * over every endpoint) and e2e (real Chromium against the same stack).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts', 'test/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-stack.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
