import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../core/db';

// Every figure is one aggregate query over the ticket indexes; nothing loops over tickets in JS.
// Counts are cast to int because drivers return bigint counts as strings.

const UNRESOLVED = sql`('open', 'pending', 'escalated')`;

export interface Window {
  now: Date;
  tz: string;
  days: number;
}

const nowTs = (w: Window) => sql`${w.now.toISOString()}::timestamptz`;
// Midnight of today in the caller's zone, as an instant.
const todayStart = (w: Window) => sql`(date_trunc('day', ${nowTs(w)} at time zone ${w.tz}) at time zone ${w.tz})`;
const windowStart = (w: Window) =>
  sql`((date_trunc('day', ${nowTs(w)} at time zone ${w.tz}) - make_interval(days => ${w.days - 1})) at time zone ${w.tz})`;

export interface UnresolvedCounts {
  open: number;
  escalated: number;
  pending: number;
  unassigned: number;
  byCategory: { key: string; n: number }[];
  byPriority: { key: string; n: number }[];
}

// One scan of the unresolved tickets: totals, by category and by priority (grouping sets).
export async function countUnresolved(db: Db): Promise<UnresolvedCounts> {
  const rows = await queryRows<{ category: string | null; priority: string | null; open: number; escalated: number; pending: number; unassigned: number; n: number }>(
    db,
    sql`select category, priority,
          count(*)::int as n,
          count(*) filter (where status = 'open')::int as open,
          count(*) filter (where status = 'escalated')::int as escalated,
          count(*) filter (where status = 'pending')::int as pending,
          count(*) filter (where assignee_id is null)::int as unassigned
        from tickets where status in ${UNRESOLVED}
        group by grouping sets ((), (category), (priority))`,
  );
  const total = rows.find((r) => r.category === null && r.priority === null);
  return {
    open: Number(total?.open ?? 0),
    escalated: Number(total?.escalated ?? 0),
    pending: Number(total?.pending ?? 0),
    unassigned: Number(total?.unassigned ?? 0),
    byCategory: rows.filter((r) => r.category !== null).map((r) => ({ key: r.category!, n: Number(r.n) })),
    byPriority: rows.filter((r) => r.priority !== null).map((r) => ({ key: r.priority!, n: Number(r.n) })),
  };
}

export interface WindowStats {
  fr_met: number;
  fr_breached: number;
  res_met: number;
  res_breached: number;
  fr_median: number | null;
  res_median: number | null;
  created: number;
  created_today: number;
  auto_resolved: number;
  auto_reopened: number;
}

// One scan of the window's tickets for SLA outcomes, medians, new today and auto-resolve. The medians
// are the team's: a ticket Clara answered and resolved by itself within a second would pull them to 0.
// A deadline is breached when the work was done late, or is still not done after it passed.
// Auto-resolved: Clara answered and resolved the ticket by itself (tickets.metadata.auto_resolved);
// reopened: the customer replied afterwards or said it did not help, so the answer failed.
export async function windowStats(db: Db, w: Window): Promise<WindowStats> {
  const now = nowTs(w);
  const [row] = await queryRows<WindowStats>(
    db,
    sql`with t as (
          select created_at, first_response_due_at as fr_due, first_responded_at as fr_at,
                 resolution_due_at as res_due, coalesce(resolved_at, closed_at) as res_at,
                 coalesce(metadata->>'auto_resolved' = 'true', false) as auto,
                 coalesce((metadata->>'reopen_count')::int, 0) > 0 or (metadata->'auto_answer'->>'failed_at') is not null as reopened
          from tickets where created_at >= ${windowStart(w)} and created_at <= ${now}
        )
        select
          count(*) filter (where fr_due is not null and fr_at <= fr_due)::int as fr_met,
          count(*) filter (where fr_due is not null and (fr_at > fr_due or (fr_at is null and fr_due < ${now})))::int as fr_breached,
          count(*) filter (where res_due is not null and res_at <= res_due)::int as res_met,
          count(*) filter (where res_due is not null and (res_at > res_due or (res_at is null and res_due < ${now})))::int as res_breached,
          percentile_cont(0.5) within group (order by extract(epoch from fr_at - created_at)::float8) filter (where not auto) as fr_median,
          percentile_cont(0.5) within group (order by extract(epoch from res_at - created_at)::float8) filter (where not auto) as res_median,
          count(*)::int as created,
          count(*) filter (where created_at >= ${todayStart(w)})::int as created_today,
          count(*) filter (where auto)::int as auto_resolved,
          count(*) filter (where auto and reopened)::int as auto_reopened
        from t`,
  );
  return row!;
}

export async function dailyVolume(db: Db, w: Window) {
  const start = windowStart(w);
  const day = (col: ReturnType<typeof sql>) => sql`date_trunc('day', ${col} at time zone ${w.tz})`;
  return queryRows<{ day: string; created: number; resolved: number }>(
    db,
    sql`with days as (
          select generate_series(
            date_trunc('day', ${nowTs(w)} at time zone ${w.tz}) - make_interval(days => ${w.days - 1}),
            date_trunc('day', ${nowTs(w)} at time zone ${w.tz}),
            interval '1 day') as day
        ),
        created as (
          select ${day(sql`created_at`)} as day, count(*)::int as n from tickets
          where created_at >= ${start} and created_at <= ${nowTs(w)} group by 1
        ),
        resolved as (
          select ${day(sql`coalesce(resolved_at, closed_at)`)} as day, count(*)::int as n from tickets
          where coalesce(resolved_at, closed_at) >= ${start} and coalesce(resolved_at, closed_at) <= ${nowTs(w)} group by 1
        )
        select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(created.n, 0) as created, coalesce(resolved.n, 0) as resolved
        from days left join created on created.day = days.day left join resolved on resolved.day = days.day
        order by days.day`,
  );
}

// Staff who can hold tickets, plus anyone (say, a deactivated agent) still holding some.
export async function workloadByAssignee(db: Db) {
  return queryRows<{ user_id: string; name: string; open: number; escalated: number }>(
    db,
    sql`select u.id::text as user_id, u.name,
               count(t.id)::int as open,
               count(t.id) filter (where t.status = 'escalated')::int as escalated
        from users u
        left join tickets t on t.assignee_id = u.id and t.status in ${UNRESOLVED}
        where (u.active and u.role <> 'viewer') or t.id is not null
        group by u.id, u.name
        order by open desc, escalated desc, u.name`,
  );
}
