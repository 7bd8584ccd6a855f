import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app imports the server's pure schemas through @shared, in tests as in its Vite build.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file opens its own database; more workers than cores only adds contention.
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
    projects: [
      {
        extends: true,
        // One migrated database per run; each test file opens a copy (src/testing/test-database.ts).
        test: { name: 'server', include: ['src/**/*.test.ts', 'ai/**/*.test.ts'], globalSetup: ['src/testing/global-setup.ts'] },
      },
      { extends: true, test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // Builds web/dist once (only when stale); runs only when e2e files are part of the run.
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          // One Clara server and one Chromium at a time, after the other projects: the machine has two cores,
          // and a browser plus a server next to the database tests would slow both past their timeouts.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
