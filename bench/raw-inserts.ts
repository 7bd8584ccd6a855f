
import { openDatabase } from '../src/core/db';
import { queryRows } from '../src/core/db';
import { sql } from 'drizzle-orm';

export type RawTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

// The floor: the same ticket + message + history inserts Clara does per create, without HTTP,
// validation, auth or classification. Run with 10 concurrent writers on PostgreSQL (pool size),
// one on PGlite (it is single-connection anyway).
export async function rawInsertRate(target: RawTarget, seconds: number): Promise<number> {
  const database = await openDatabase(target.kind === 'pglite' ? { dataDir: target.dir } : { databaseUrl: target.url, dataDir: '' });
  const db = database.db;
  await db.execute(sql`insert into queues (name) values ('Bench') on conflict do nothing`);
  await db.execute(sql`insert into customers (email) values ('raw@example.com') on conflict do nothing`);
  const [queue] = await queryRows<{ id: string }>(db, sql`select id from queues where name = 'Bench'`);
  const [customer] = await queryRows<{ id: string }>(db, sql`select id from customers where email = 'raw@example.com'`);
  const end = Date.now() + seconds * 1000;
  let count = 0;
  const writer = async () => {
    while (Date.now() < end) {
      await db.transaction(async (tx) => {
        const [t] = await queryRows<{ id: string }>(
          tx,
          sql`insert into tickets (subject, description, channel, category, priority, customer_id, queue_id)
              values ('Raw ticket', 'The dashboard shows an error when exporting the monthly report.', 'web', 'technical', 'normal', ${customer!.id}, ${queue!.id})
              returning id`,
        );
        await tx.execute(sql`insert into ticket_messages (ticket_id, author_type, channel, body) values (${t!.id}, 'customer', 'web', 'body')`);
        await tx.execute(sql`insert into ticket_history (ticket_id, actor_type, action) values (${t!.id}, 'system', 'created')`);
      });
      count += 1;
    }
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: target.kind === 'postgres' ? 10 : 1 }, writer));
  const rate = count / ((Date.now() - start) / 1000);
  await database.close();
  return rate;
}

