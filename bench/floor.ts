import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/core/db';

// The floor: the writes Clara's create path must make — customer upsert, ticket, first message and
// history row in one transaction — with no HTTP, validation, auth, classification or follow-ups.
// PostgreSQL: pgbench at the same client counts as the API run. PGlite: one writer through the
// database thread, as Clara writes (it has one connection, so more writers only queue).

export type FloorTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

const SUBJECT = 'Cannot export the monthly report';
const BODY = 'The dashboard shows an error when exporting the monthly report to CSV.';

// Migrates the target (the floor writes into Clara's real schema, indexes and constraints) and
// returns the default queue's id.
async function prepare(target: FloorTarget): Promise<string> {
  const database = await openDatabase(target.kind === 'pglite' ? { dataDir: target.dir } : { databaseUrl: target.url, dataDir: '' });
  try {
    await database.db.execute(sql`insert into queues (name) values ('Bench') on conflict do nothing`);
    const [queue] = await queryRows<{ id: string }>(database.db, sql`select id from queues where name = 'Bench'`);
    return queue!.id;
  } finally {
    await database.close();
  }
}

const PGBENCH_SCRIPT = (queueId: string) => `\\set c random(1, 500)
BEGIN;
INSERT INTO customers (email, created_at, updated_at) VALUES ('floor' || :c || '@example.com', now(), now())
  ON CONFLICT (email) DO UPDATE SET name = coalesce(customers.name, excluded.name) RETURNING id AS cid \\gset
INSERT INTO tickets (subject, description, channel, category, priority, customer_id, queue_id, created_at, updated_at)
  VALUES ('${SUBJECT}', '${BODY}', 'web', 'technical', 'normal', ':cid', '${queueId}', now(), now()) RETURNING id AS tid \\gset
INSERT INTO ticket_messages (ticket_id, author_type, author_customer_id, channel, body) VALUES (':tid', 'customer', ':cid', 'web', '${BODY}');
INSERT INTO ticket_history (ticket_id, actor_type, action) VALUES (':tid', 'api_token', 'created');
END;
`;

/** Transactions per second of the floor at each client count (`seconds` each). */
export async function floorRates(target: FloorTarget, clients: number[], seconds: number): Promise<Map<number, number>> {
  const queueId = await prepare(target);
  const rates = new Map<number, number>();
  if (target.kind === 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'clara-floor-'));
    const script = join(dir, 'create.sql');
    writeFileSync(script, PGBENCH_SCRIPT(queueId));
    try {
      for (const c of clients) rates.set(c, await pgbench(target.url, script, c, seconds));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rates;
  }
  const rate = await pgliteFloor(target.dir, queueId, seconds);
  for (const c of clients) rates.set(c, rate);
  return rates;
}

function pgbench(url: string, script: string, clients: number, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', ['-n', '-f', script, '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
      if (code !== 0 || !tps) reject(new Error(`pgbench failed (${code}): ${out.slice(-500)}`));
      else resolve(Number(tps[1]));
    });
  });
}

async function pgliteFloor(dir: string, queueId: string, seconds: number): Promise<number> {
  const database = await openDatabase({ dataDir: dir });
  const db = database.db;
  const end = Date.now() + seconds * 1000;
  let count = 0;
  const start = Date.now();
  while (Date.now() < end) {
    await db.transaction(async (tx) => {
      const email = `floor${(count % 500) + 1}@example.com`;
      const [c] = await queryRows<{ id: string }>(
        tx,
        sql`insert into customers (email, created_at, updated_at) values (${email}, now(), now())
            on conflict (email) do update set name = coalesce(customers.name, excluded.name) returning id`,
      );
      const [t] = await queryRows<{ id: string }>(
        tx,
        sql`insert into tickets (subject, description, channel, category, priority, customer_id, queue_id, created_at, updated_at)
            values (${SUBJECT}, ${BODY}, 'web', 'technical', 'normal', ${c!.id}, ${queueId}, now(), now()) returning id`,
      );
      await tx.execute(sql`insert into ticket_messages (ticket_id, author_type, author_customer_id, channel, body) values (${t!.id}, 'customer', ${c!.id}, 'web', ${BODY})`);
      await tx.execute(sql`insert into ticket_history (ticket_id, actor_type, action) values (${t!.id}, 'api_token', 'created')`);
    });
    count += 1;
  }
  const rate = count / ((Date.now() - start) / 1000);
  await database.close();
  return rate;
}
