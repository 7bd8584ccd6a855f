import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../core/db';
import { customersNamedQuery } from './tickets.queries';
import { createDatabase, databaseUrl, dropDatabase } from '../../testing/test-database';

// The search's migrations: an installation upgraded across 0018 (a conversation's words kept beside its
// ticket) finds the words of the messages it already had, on the suite's database kind (PGlite, or
// PostgreSQL when DATABASE_URL is set); and a database where pg_trgm cannot be created (0017) still
// migrates and finds customers by name.

interface Migrating {
  /** Applies the migrations in `folder` not applied yet. */
  migrate(folder: string): Promise<void>;
  rows<T>(query: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

async function openPglite(opts: { trigrams: boolean } = { trigrams: true }): Promise<Migrating> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create({ extensions: opts.trigrams ? { vector, pg_trgm } : { vector } });
  const db = drizzle(client);
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    rows: async <T,>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[],
    close: () => client.close(),
  };
}

async function openPostgres(serverUrl: string): Promise<Migrating> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const name = await createDatabase(serverUrl, 'clara_upgrade');
  const pool = new pg.Pool({ connectionString: databaseUrl(serverUrl, name) });
  const db = drizzle(pool);
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    rows: async <T,>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[],
    close: async () => {
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** A copy of the migrations that ends with `tag`, as an installation of that version has them. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clara-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

let db: Migrating;
let older: string;

beforeAll(async () => {
  db = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite();
  older = migrationsUpTo('0017_customer_search_indexes');
});
afterAll(async () => {
  await db?.close();
  rmSync(older, { recursive: true, force: true });
});

describe('upgrading across migration 0018', () => {
  it("makes the words of existing conversations searchable, the first message's repetition of the description left out", async () => {
    await db.migrate(older);
    const [ticket] = await db.rows<{ id: string }>(sql`
      with customer as (insert into customers (email) values ('old@upgrade.test') returning id),
           queue as (insert into queues (name) values ('Upgrades') returning id)
      insert into tickets (subject, description, channel, category, priority, customer_id, queue_id)
      select 'Boiler', 'The boiler whistles.', 'email', 'technical', 'normal', customer.id, queue.id from customer, queue
      returning id`);
    await db.rows(sql`
      insert into ticket_messages (ticket_id, author_type, channel, body) values
        (${ticket!.id}, 'customer', 'email', 'The boiler whistles.'),
        (${ticket!.id}, 'agent', 'email', 'A plumber will replace the thermostat.')`);

    await db.migrate(MIGRATIONS_DIR);

    const [after] = await db.rows<{ words: string }>(sql`select search_vector::text as words from tickets where id = ${ticket!.id}`);
    // The subject's and description's words as before (A, B); the reply's after them; the first message not again.
    expect(after!.words).toBe("'boiler':1A,3B 'plumber':6 'replac':8 'thermostat':10 'whistl':4B");
    const found = await db.rows<{ id: string }>(sql`select id from tickets where search_vector @@ websearch_to_tsquery('english', 'plumber')`);
    expect(found.map((r) => r.id)).toEqual([ticket!.id]);
  });
});

describe('a database without pg_trgm', () => {
  it('migrates, and finds customers by the start of their address or a part of their name', async () => {
    const bare = await openPglite({ trigrams: false });
    try {
      await bare.migrate(MIGRATIONS_DIR);
      const [trigrams] = await bare.rows<{ n: number }>(sql`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`);
      expect(trigrams!.n).toBe(0);
      const [dana] = await bare.rows<{ id: string }>(sql`insert into customers (email, name) values ('dana@bare.test', 'Dana Whitfield') returning id`);
      await bare.rows(sql`insert into customers (email, name) values ('eli@bare.test', 'Eli Moss')`);
      expect(await bare.rows<{ id: string }>(customersNamedQuery('dana@'))).toEqual([{ id: dana!.id }]);
      expect(await bare.rows<{ id: string }>(customersNamedQuery('whitf'))).toEqual([{ id: dana!.id }]);
    } finally {
      await bare.close();
    }
  });
});
