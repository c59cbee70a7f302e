import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,platform,native,main,central,renderer,preload,bench,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests open real files, ptys and ports: keep the 2-core machine from thrashing.
    pool: 'forks',
    maxWorkers: 2,
  },
});
