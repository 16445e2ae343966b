import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite takes ~300 MB per instance: keep the parallelism at the machine's 2 cores.
    maxWorkers: 2,
  },
});
