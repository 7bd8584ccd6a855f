import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file opens its own database; more workers than cores only adds contention.
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
