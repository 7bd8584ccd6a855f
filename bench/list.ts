// `npm run bench -- --only list`: the ticket list and search over HTTP with 100k tickets
// (`BENCH_LIST_TICKETS`), on PGlite and PostgreSQL. Clara starts as its own process (demo data in
// place); the tickets are generated in SQL beside them (the inserts are not what is measured).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/core/db';
import { createDatabase, databaseUrl, dropDatabase } from '../src/testing/test-database';
import { adminHeaders, cannon, row, startServer, stopServer, waitForIdleJobs, type LoadRow } from './api';

export type ListRow = LoadRow;

// A support team's words: subjects and descriptions are drawn from them, so a search matches a
// share of the tickets as it would in a real inbox (a rare word a few hundred, a common one thousands).
const WORDS = (
  'invoice refund password login export report sync mobile app webhook billing plan upgrade cancel ' +
  'error timeout slow crash payment card receipt account email address team invite admin role ' +
  'calendar import csv integration api token delivery shipping order tracking return discount coupon'
).split(' ');

export const SCENARIOS: [string, string][] = [
  ['list: open, newest first', '/api/tickets?limit=25&status=open'],
  ['list: unresolved, by priority', '/api/tickets?limit=25&status=unresolved&sort=priority'],
  ['list: open, page 3 (cursor)', ''],
  ['search: a common word', '/api/tickets?limit=25&q=refund'],
  ['search: two words', '/api/tickets?limit=25&q=mobile%20crash'],
  ['search: a customer', '/api/tickets?limit=25&q=customer4711'],
];

export async function fill(db: Database, n: number): Promise<void> {
  await db.db.execute(sql`insert into customers (email, name)
    select 'customer' || i || '@example.com', 'Customer ' || i from generate_series(1, 5000) i on conflict do nothing`);
  const words = `{${WORDS.join(',')}}`;
  const [before] = await queryRows<{ last: number }>(db.db, sql`select coalesce(max(number), 0)::int as last from tickets`);
  const last = before?.last ?? 0;
  await db.db.execute(sql`
    insert into tickets (subject, description, channel, status, category, priority, customer_id, queue_id, metadata, created_at, updated_at)
    select w[1 + i % ${WORDS.length}] || ' ' || w[1 + (i * 7) % ${WORDS.length}] || ' problem',
           'Hello, the ' || w[1 + (i * 3) % ${WORDS.length}] || ' does not work since ' || w[1 + (i * 11) % ${WORDS.length}] ||
           ' changed. Please help with the ' || w[1 + (i * 13) % ${WORDS.length}] || '.',
           'web',
           (array['open','pending','escalated','resolved','resolved','closed'])[1 + i % 6]::text,
           (array['technical','billing','general'])[1 + i % 3]::text,
           (array['low','normal','normal','high','urgent'])[1 + i % 5]::text,
           (select id from customers where email = 'customer' || (1 + i % 5000) || '@example.com'),
           (select id from queues order by name limit 1 offset (i % 3)),
           '{}'::jsonb,
           now() - (i % 86400) * interval '1 minute', now() - (i % 86400) * interval '1 minute'
    from generate_series(1, ${n}) i, (select ${words}::text[] as w) words`);
  // Their conversations, as intake and agents write them: the customer's first message (the description), an
  // agent's reply on every second ticket and the customer's answer on every fourth, 1.75 messages a ticket.
  await db.db.execute(sql`
    insert into ticket_messages (ticket_id, author_type, author_customer_id, channel, body, created_at)
    select id, 'customer', customer_id, 'web', description, created_at from tickets where number > ${last}`);
  await db.db.execute(sql`
    insert into ticket_messages (ticket_id, author_type, channel, body, created_at)
    select id, 'agent', 'web', 'Thanks for writing. We are looking into the ' || w[1 + (number * 5) % ${WORDS.length}] ||
           ' and will get back to you about the ' || w[1 + (number * 17) % ${WORDS.length}] || '.', created_at + interval '1 hour'
    from tickets, (select ${words}::text[] as w) words where number > ${last} and number % 2 = 0`);
  await db.db.execute(sql`
    insert into ticket_messages (ticket_id, author_type, author_customer_id, channel, body, created_at)
    select id, 'customer', customer_id, 'web', 'It still happens with the ' || w[1 + (number * 19) % ${WORDS.length}] || ', any news?',
           created_at + interval '2 hours'
    from tickets, (select ${words}::text[] as w) words where number > ${last} and number % 4 = 0`);
  // As autovacuum leaves a database that has grown over months: statistics and visibility map current.
  await db.db.execute(sql`vacuum analyze`);
}

async function measure(driver: string, url: string, seconds: number): Promise<ListRow[]> {
  const headers = await adminHeaders(url);
  await waitForIdleJobs(url, headers);
  const first = (await (await fetch(`${url}/api/tickets?limit=25&status=open`, { headers })).json()) as { next_cursor: string };
  const second = (await (await fetch(`${url}/api/tickets?limit=25&status=open&cursor=${first.next_cursor}`, { headers })).json()) as { next_cursor: string };
  const rows: ListRow[] = [];
  for (const [scenario, path] of SCENARIOS) {
    const target = path || `/api/tickets?limit=25&status=open&cursor=${second.next_cursor}`;
    for (const clients of [1, 8]) {
      console.error(`${driver}: ${scenario}, ${clients} client(s)`);
      const r = await cannon({ url: `${url}${target}`, headers, connections: clients, duration: seconds });
      rows.push(row(driver, scenario, clients, r));
    }
  }
  return rows;
}

export async function benchList(n: number, pgAdminUrl: string, seconds: number): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  // PGlite: one process owns the folder, so Clara starts once to migrate and seed, stops, the tickets go in, and it starts again.
  const dir = mkdtempSync(join(tmpdir(), 'clara-list-'));
  try {
    await stopServer(await startServer({ CLARA_DATA_DIR: dir }));
    const lite = await openDatabase({ dataDir: dir });
    await fill(lite, n).finally(() => lite.close());
    const server = await startServer({ CLARA_DATA_DIR: dir });
    rows.push(...(await measure('pglite', server.url, seconds).finally(() => stopServer(server))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let name: string | null = null;
  try {
    name = await createDatabase(pgAdminUrl, 'clara_list');
    const server = await startServer({ DATABASE_URL: databaseUrl(pgAdminUrl, name) });
    try {
      const pg = await openDatabase({ databaseUrl: databaseUrl(pgAdminUrl, name), dataDir: '' });
      await fill(pg, n).finally(() => pg.close());
      rows.push(...(await measure('postgres', server.url, seconds)));
    } finally {
      await stopServer(server);
    }
  } catch (err) {
    console.error(`PostgreSQL part skipped: ${(err as Error).message}`);
  } finally {
    if (name) await dropDatabase(pgAdminUrl, name).catch(() => undefined);
  }
  return rows;
}

export function printListTable(rows: ListRow[], n: number, seconds: number): void {
  console.log(`\nticket list and search over HTTP with ${n} generated tickets (plus the demo's), ${seconds} s per row\n`);
  console.log('| driver | scenario | clients | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.driver} | ${r.scenario} | ${r.clients} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
}
