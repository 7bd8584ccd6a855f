import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from './db';
import { maintainTables, needsOwnMaintenance } from './table-maintenance';
import { openTestDatabase } from '../testing/test-database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const reltuples = async (table: string) =>
  (await queryRows<{ n: number }>(database.db, sql`select reltuples::float8 as n from pg_class where relname = ${table}`))[0]!.n;

describe('table maintenance (autovacuum’s work, where nothing else does it)', () => {
  it('runs on PGlite always, and on PostgreSQL only when its autovacuum is off', async () => {
    const [setting] = await queryRows<{ v: string }>(database.db, sql`select current_setting('autovacuum') as v`);
    expect(await needsOwnMaintenance(database)).toBe(database.driver === 'pglite' || setting!.v === 'off');
  });
});

// On PostgreSQL with autovacuum on, the daemon would race these checks.
describe.runIf(!process.env.DATABASE_URL)('table maintenance on PGlite', () => {
  it('analyzes the tables that were never analyzed, then leaves unchanged tables alone', async () => {
    expect(await reltuples('tickets')).toBe(-1);
    const first = await maintainTables(database);
    expect(first.analyzed).toContain('tickets');
    expect(await reltuples('tickets')).toBeGreaterThanOrEqual(0);
    const second = await maintainTables(database);
    expect(second.analyzed).not.toContain('tickets');
  });

  it('vacuums a table once a fifth of its rows are dead, and analyzes one whose rows changed', async () => {
    await queryRows(database.db, sql`create table maintenance_probe (id int primary key, n int not null)`);
    await queryRows(database.db, sql`insert into maintenance_probe select g, 0 from generate_series(1, 400) g`);
    expect((await maintainTables(database)).analyzed).toContain('maintenance_probe');
    await queryRows(database.db, sql`update maintenance_probe set n = n + 1`);
    const after = await maintainTables(database);
    expect(after.vacuumed).toContain('maintenance_probe');
    expect(after.analyzed).toContain('maintenance_probe');
    expect((await maintainTables(database)).vacuumed).not.toContain('maintenance_probe');
  });
});
