import { openDatabase, type Database } from '../src/core/db';
import { createDatabase, databaseUrl, dropDatabase } from '../src/testing/test-database';

/** Runs `fn` on a fresh, migrated PostgreSQL database that is dropped afterwards. */
export async function withTempPostgres<T>(adminUrl: string, prefix: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const name = await createDatabase(adminUrl, prefix);
  const db = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name), dataDir: '' });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await dropDatabase(adminUrl, name);
  }
}

/** The p50 and p95 of `runs` timed calls (after one warm-up call). */
export async function latency(fn: (i: number) => Promise<unknown>, runs: number): Promise<{ p50: number; p95: number }> {
  await fn(runs);
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length * 0.5)]!, p95: ms[Math.floor(ms.length * 0.95)]! };
}
