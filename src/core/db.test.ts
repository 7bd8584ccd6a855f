import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { together, type Database } from './db';

let database: Database;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table sent_together (id int primary key, body text not null)`);
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await database.close();
});

const bodies = async () =>
  ((await database.db.execute(sql`select string_agg(body, ',' order by id) as bodies from sent_together`)) as unknown as { rows: { bodies: string | null }[] }).rows[0]!.bodies;

describe(`statements a transaction sends together (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('run in the order sent, see each other, and commit together, without a driver warning', async () => {
    const [, , read] = await database.db.transaction((tx) =>
      Promise.all([
        tx.execute(sql`insert into sent_together values (1, 'one')`),
        tx.execute(sql`insert into sent_together values (2, 'two')`),
        tx.execute(sql`select count(*)::int as n from sent_together`),
      ]),
    );
    expect((read as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
    expect(await bodies()).toBe('one,two');
    await new Promise((r) => setImmediate(r));
    expect(warnings).toEqual([]);
  });

  it('roll back together when one of them fails', async () => {
    const err = await database.db
      .transaction((tx) =>
        Promise.all([
          tx.execute(sql`insert into sent_together values (3, 'three')`),
          tx.execute(sql`insert into sent_together values (1, 'again')`),
          tx.execute(sql`insert into sent_together values (4, 'four')`),
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ cause: { code: '23505' } });
    expect(await bodies()).toBe('one,two');
  });

  it('end only after every branch has sent its statements, so a late one is never left outside the rolled-back transaction', async () => {
    const err = await database.db
      .transaction((tx) =>
        together([
          Promise.reject(new Error('the change failed')),
          (async () => {
            await tx.execute(sql`select pg_sleep(0.05)`);
            await tx.execute(sql`insert into sent_together values (5, 'late')`);
          })(),
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'the change failed' });
    // With Promise.all the transaction rolled back first; on PostgreSQL the late insert then ran on its own.
    await new Promise((r) => setTimeout(r, 100));
    expect(await bodies()).toBe('one,two');
  });

  it('keep answering a statement run again and again after its table changed shape', async () => {
    await database.db.execute(sql`create table reshaped (id int)`);
    await database.db.execute(sql`insert into reshaped values (1)`);
    const all = async () => ((await database.db.execute(sql`select * from reshaped`)) as unknown as { rows: unknown[] }).rows;
    for (let i = 0; i < 6; i += 1) expect(await all()).toEqual([{ id: 1 }]);
    await database.db.execute(sql`alter table reshaped add column label text`);
    expect(await all()).toEqual([{ id: 1, label: null }]);
    expect(await all()).toEqual([{ id: 1, label: null }]);
  });
});
