import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/core/db';

/** Runs `fn` on a fresh, migrated PostgreSQL database that is dropped afterwards. */
export async function withTempPostgres<T>(adminUrl: string, prefix: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
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
