// Dashboard latency on a large ticket table: GET /api/dashboard's service (all its SQL) with
// N tickets spread over 60 days, on PGlite and PostgreSQL. Tickets are generated in SQL
// (generate_series): the inserts are not what is measured.
import { sql } from 'drizzle-orm';
import { ManualClock } from '../src/core/clock';
import type { CoreContext } from '../src/core/context';
import { openDatabase, type Database } from '../src/core/db';
import { getDashboard } from '../src/modules/dashboard/dashboard.service';
import { latency, withTempPostgres } from './temp-postgres';

export interface DashboardRow {
  target: string;
  tickets: number;
  p50: number;
  p95: number;
}

const NOW = new Date('2026-06-01T12:00:00Z');

async function fill(db: Database, n: number): Promise<void> {
  await db.db.execute(sql`insert into queues (name) values ('Bench') on conflict do nothing`);
  await db.db.execute(sql`insert into customers (email) values ('dash@example.com') on conflict do nothing`);
  await db.db.execute(sql`insert into users (email, name, role, password_hash)
    select 'agent' || i || '@bench.local', 'Agent ' || i, 'agent', 'x' from generate_series(1, 20) i on conflict do nothing`);
  // Statuses, categories, priorities, assignees and SLA outcomes vary with i; created_at spreads over 60 days.
  await db.db.execute(sql`
    with base as (
      select i, ${NOW.toISOString()}::timestamptz - (i % 86400) * interval '1 minute' * 1.0 as created
      from generate_series(1, ${n}) i
    )
    insert into tickets (subject, description, channel, status, category, priority, customer_id, queue_id, assignee_id,
                         metadata, created_at, first_response_due_at, resolution_due_at, first_responded_at, resolved_at)
    select 'Bench ticket ' || i, 'Generated for the dashboard benchmark.', 'web',
           (array['open','pending','escalated','resolved','resolved','closed'])[1 + i % 6],
           (array['technical','billing','general'])[1 + i % 3],
           (array['low','normal','normal','high','urgent'])[1 + i % 5],
           (select id from customers where email = 'dash@example.com'),
           (select id from queues where name = 'Bench'),
           (select id from users where email = 'agent' || (1 + i % 20) || '@bench.local'),
           case when i % 17 = 0 then '{"auto_resolved": true}'::jsonb else '{}'::jsonb end,
           created, created + interval '4 hours', created + interval '2 days',
           case when i % 4 <> 0 then created + (i % 300) * interval '1 minute' end,
           case when i % 6 in (3, 4, 5) then created + (i % 3000) * interval '1 minute' end
    from base`);
  await db.db.execute(sql`analyze tickets`);
}

async function measure(target: string, database: Database, n: number): Promise<DashboardRow> {
  await fill(database, n);
  const ctx = { db: database.db, clock: new ManualClock(NOW) } as unknown as CoreContext;
  return { target, tickets: n, ...(await latency(() => getDashboard(ctx, { tz: 'Europe/Berlin' }), 20)) };
}

export async function benchDashboard(n: number, pgUrl: string | null): Promise<DashboardRow[]> {
  const rows: DashboardRow[] = [];
  const lite = await openDatabase({ dataDir: 'memory://' });
  try {
    rows.push(await measure('pglite', lite, n));
  } finally {
    await lite.close();
  }
  if (pgUrl) rows.push(await withTempPostgres(pgUrl, 'clara_dashbench', (db) => measure('postgres', db, n)));
  return rows;
}

export function printDashboardTable(rows: DashboardRow[]): void {
  console.log('\ndashboard (GET /api/dashboard service: all its queries), 20 runs after one warm-up\n');
  console.log('| driver | tickets | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.target} | ${r.tickets} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
}
