import { eq, sql } from 'drizzle-orm';
import { bigserial, boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { compiledInsert } from './compiled-insert';
import { together, type Database } from './db';

const notes = pgTable('compiled_notes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ref: uuid('ref').notNull(),
  body: text('body').notNull(),
  urgent: boolean('urgent').notNull().default(false),
  data: jsonb('data').$type<unknown>(),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
const parents = pgTable('compiled_parents', { ref: uuid('ref').primaryKey(), label: text('label').notNull() });
const children = pgTable('compiled_children', { id: bigserial('id', { mode: 'number' }).primaryKey(), parentRef: uuid('parent_ref').notNull() });
const returned = { id: notes.id, ref: notes.ref, body: notes.body, urgent: notes.urgent, data: notes.data, tags: notes.tags, at: notes.at };
const insertNotes = compiledInsert(notes);
const insertParents = compiledInsert(parents);
const insertChildren = compiledInsert(children);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table compiled_notes (id bigserial primary key, ref uuid not null, body text not null,
    urgent boolean not null default false, data jsonb, tags text[] not null default '{}', at timestamptz not null default now())`);
  await database.db.execute(sql`create table compiled_parents (ref uuid primary key, label text not null)`);
  await database.db.execute(sql`create table compiled_children (id bigserial primary key, parent_ref uuid not null references compiled_parents (ref))`);
});
afterAll(() => database.close());

const without = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);

describe(`inserts built once (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('returns what Drizzle’s own insert returns, for every kind of column', async () => {
    const row = { ref: crypto.randomUUID(), body: 'first', urgent: true, data: { a: [1, 'two'], b: null }, tags: ['x', 'y'], at: new Date('2026-01-02T03:04:05.678Z') };
    const mine = await insertNotes<typeof notes.$inferSelect>(database.db, [row], returned);
    const theirs = await database.db.insert(notes).values(row).returning(returned);
    expect(without(mine)).toEqual(without(theirs));
    expect(mine[0]!.at).toBeInstanceOf(Date);
  });

  it('sends each call its own values through one shape, defaults for what is left out', async () => {
    const a = await insertNotes<typeof notes.$inferSelect>(database.db, [{ ref: crypto.randomUUID(), body: 'a' }], returned);
    const b = await insertNotes<typeof notes.$inferSelect>(database.db, [{ ref: crypto.randomUUID(), body: 'b' }], returned);
    expect([a[0]!.body, b[0]!.body]).toEqual(['a', 'b']);
    expect(b[0]).toMatchObject({ urgent: false, data: null, tags: [] });
    expect(b[0]!.ref).not.toBe(a[0]!.ref);
  });

  it('writes a null as SQL null, not as JSON null, and tells it from a JSON value of the same shape', async () => {
    const ref = crypto.randomUUID();
    await insertNotes(database.db, [{ ref, body: 'null data', data: null }]);
    await insertNotes(database.db, [{ ref, body: 'some data', data: { k: 1 } }]);
    const rows = (await database.db.execute(sql`select body, data is null as missing from compiled_notes where ref = ${ref} order by id`)) as unknown as {
      rows: { body: string; missing: boolean }[];
    };
    expect(rows.rows).toEqual([
      { body: 'null data', missing: true },
      { body: 'some data', missing: false },
    ]);
  });

  it('inserts several rows at once, and rows that give other columns or an SQL value through Drizzle’s insert', async () => {
    const ref = crypto.randomUUID();
    const rows = await insertNotes<typeof notes.$inferSelect>(
      database.db,
      [
        { ref, body: 'one', urgent: true },
        { ref, body: 'two', urgent: false },
      ],
      returned,
    );
    expect(rows.map((r) => [r.body, r.urgent])).toEqual([
      ['one', true],
      ['two', false],
    ]);
    await insertNotes(database.db, [
      { ref, body: 'three', urgent: true },
      { ref, body: 'four' },
    ]);
    await insertNotes(database.db, [{ ref, body: sql`'fi' || 've'` }]);
    const bodies = await database.db.select({ body: notes.body, urgent: notes.urgent }).from(notes).where(eq(notes.ref, ref)).orderBy(notes.id);
    expect(bodies).toEqual([
      { body: 'one', urgent: true },
      { body: 'two', urgent: false },
      { body: 'three', urgent: true },
      { body: 'four', urgent: false },
      { body: 'five', urgent: false },
    ]);
  });

  it('sends each insert when it is called, also one Drizzle builds for an SQL value: a batch keeps its order', async () => {
    const ref = crypto.randomUUID();
    await database.db.transaction((tx) =>
      together([insertParents(tx, [{ ref, label: sql`'made by ' || 'SQL'` }]), insertChildren(tx, [{ parentRef: ref }]), insertChildren(tx, [{ parentRef: ref }])]),
    );
    expect(await database.db.select({ label: parents.label }).from(parents).where(eq(parents.ref, ref))).toEqual([{ label: 'made by SQL' }]);
    expect(await database.db.select().from(children).where(eq(children.parentRef, ref))).toHaveLength(2);
  });

  it('runs in the transaction it is given: a rollback takes its rows too', async () => {
    const ref = crypto.randomUUID();
    await database.db
      .transaction(async (tx) => {
        await insertNotes(tx, [{ ref, body: 'rolled back' }]);
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(await database.db.select().from(notes).where(eq(notes.ref, ref))).toEqual([]);
  });
});
