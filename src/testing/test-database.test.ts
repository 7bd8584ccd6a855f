import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { queryRows } from '../core/db';
import { openTestDatabase } from './test-database';

describe('test databases', () => {
  it('come from one migrated template per run, of the kind the run uses', () => {
    expect(inject('claraDatabaseTemplate')?.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('are migrated copies that do not share rows', async () => {
    const [a, b] = [await openTestDatabase(), await openTestDatabase()];
    try {
      await a.db.execute(sql`insert into settings (key, value, updated_at) values ('copy.check', '1'::jsonb, now())`);
      const count = async (d: typeof a) => (await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from settings where key = 'copy.check'`))[0].n;
      expect([await count(a), await count(b)]).toEqual([1, 0]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
