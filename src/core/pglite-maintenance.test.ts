import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from './db';
import { maintainEmbeddedDatabase } from './pglite-maintenance';
import { openTestDatabase } from '../testing/test-database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const reltuples = async (table: string) =>
  (await queryRows<{ n: number }>(database.db, sql`select reltuples::float8 as n from pg_class where relname = ${table}`))[0]!.n;

describe.runIf(!process.env.DATABASE_URL)('embedded database maintenance (autovacuum’s work, which PGlite lacks)', () => {
  it('analyzes the tables that were never analyzed, then leaves unchanged tables alone', async () => {
    expect(await reltuples('tickets')).toBe(-1);
    const first = await maintainEmbeddedDatabase(database.db);
    expect(first.analyzed).toContain('tickets');
    expect(await reltuples('tickets')).toBeGreaterThanOrEqual(0);
    const second = await maintainEmbeddedDatabase(database.db);
    expect(second.analyzed).not.toContain('tickets');
  });

  it('vacuums a table once a fifth of its rows are dead, and analyzes one whose rows changed', async () => {
    await queryRows(database.db, sql`create table maintenance_probe (id int primary key, n int not null)`);
    await queryRows(database.db, sql`insert into maintenance_probe select g, 0 from generate_series(1, 400) g`);
    expect((await maintainEmbeddedDatabase(database.db)).analyzed).toContain('maintenance_probe');
    await queryRows(database.db, sql`update maintenance_probe set n = n + 1`);
    const after = await maintainEmbeddedDatabase(database.db);
    expect(after.vacuumed).toContain('maintenance_probe');
    expect(after.analyzed).toContain('maintenance_probe');
    expect((await maintainEmbeddedDatabase(database.db)).vacuumed).not.toContain('maintenance_probe');
  });
});
