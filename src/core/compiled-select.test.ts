import { and, eq, gt, sql } from 'drizzle-orm';
import { alias, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { compiledSelect } from './compiled-select';
import type { Database } from './db';

const owners = pgTable('selected_owners', { id: uuid('id').primaryKey(), name: text('name').notNull() });
const items = pgTable('selected_items', {
  id: uuid('id').primaryKey(),
  ownerId: uuid('owner_id').notNull(),
  helperId: uuid('helper_id'),
  label: text('label').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>(),
  due: timestamp('due', { withTimezone: true }).notNull(),
});
const helper = alias(owners, 'helper');
const fields = {
  item: { id: items.id, label: items.label, data: items.data, due: items.due },
  owner: { name: owners.name },
  helper: { id: helper.id, name: helper.name },
};

// Drizzle's select for the same values, to compare with.
const drizzleSelect = (database: Database, label: string, after: Date) =>
  database.db
    .select(fields)
    .from(items)
    .innerJoin(owners, eq(owners.id, items.ownerId))
    .leftJoin(helper, eq(helper.id, items.helperId))
    .where(and(eq(items.label, label), gt(items.due, after)));
const compiled = compiledSelect((b, param) =>
  b
    .select(fields)
    .from(items)
    .innerJoin(owners, eq(owners.id, items.ownerId))
    .leftJoin(helper, eq(helper.id, items.helperId))
    .where(and(eq(items.label, param('label')), gt(items.due, param('after')))),
);

let database: Database;
const ann = crypto.randomUUID();
const ben = crypto.randomUUID();
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table selected_owners (id uuid primary key, name text not null)`);
  await database.db.execute(sql`create table selected_items (id uuid primary key, owner_id uuid not null, helper_id uuid, label text not null,
    data jsonb, due timestamptz not null)`);
  await database.db.insert(owners).values([
    { id: ann, name: 'Ann' },
    { id: ben, name: 'Ben' },
  ]);
  await database.db.insert(items).values([
    { id: crypto.randomUUID(), ownerId: ann, helperId: ben, label: 'kettle', data: { watts: 2000 }, due: new Date('2026-03-01T10:00:00.000Z') },
    { id: crypto.randomUUID(), ownerId: ben, helperId: null, label: 'toaster', data: null, due: new Date('2026-04-01T10:00:00.000Z') },
    { id: crypto.randomUUID(), ownerId: ben, helperId: null, label: 'kettle', data: null, due: new Date('2026-01-01T10:00:00.000Z') },
  ]);
});
afterAll(() => database.close());

describe(`selects built once (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("answers what Drizzle's own select answers: joined objects, a left join's missing row as null, dates and JSON", async () => {
    const after = new Date('2026-02-01T00:00:00.000Z');
    const mine = await compiled(database.db, { label: 'kettle', after });
    expect(mine).toEqual(await drizzleSelect(database, 'kettle', after));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.item.due).toBeInstanceOf(Date);
    expect(mine[0]!.helper).toEqual({ id: ben, name: 'Ben' });

    const toaster = await compiled(database.db, { label: 'toaster', after });
    expect(toaster).toEqual(await drizzleSelect(database, 'toaster', after));
    expect(toaster[0]!.helper).toBeNull();
    expect(toaster[0]!.item.data).toBeNull();
  });

  it('runs each call with its own values, the parameter dates compared as instants', async () => {
    expect(await compiled(database.db, { label: 'kettle', after: new Date('2025-12-01T00:00:00.000Z') })).toHaveLength(2);
    expect(await compiled(database.db, { label: 'kettle', after: new Date('2026-03-01T10:00:00.000Z') })).toHaveLength(0);
    expect(await compiled(database.db, { label: 'kettle', after: new Date('2026-03-01T09:59:59.999Z') })).toHaveLength(1);
    expect(await compiled(database.db, { label: 'nothing', after: new Date(0) })).toEqual([]);
  });

  it('runs inside a transaction, seeing its uncommitted rows', async () => {
    let inside: unknown[] = [];
    await database.db
      .transaction(async (tx) => {
        await tx.insert(items).values({ id: crypto.randomUUID(), ownerId: ann, label: 'blender', due: new Date('2027-01-01T00:00:00.000Z') });
        inside = await compiled(tx, { label: 'blender', after: new Date(0) });
        tx.rollback();
      })
      .catch(() => undefined);
    expect(inside).toHaveLength(1);
    expect(await compiled(database.db, { label: 'blender', after: new Date(0) })).toEqual([]);
  });
});
