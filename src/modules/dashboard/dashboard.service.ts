import type { CoreContext } from '../../core/context';
import { CATEGORIES, PRIORITIES } from '../tickets';
import { countUnresolved, dailyVolume, windowStats, workloadByAssignee, type Window } from './dashboard.queries';
import type { Dashboard, DashboardQuery } from './dashboard.schema';

export const DASHBOARD_WINDOW_DAYS = 30;

function compliance(met: number, breached: number) {
  const total = met + breached;
  return { met, breached, percent: total === 0 ? null : Math.round((met / total) * 1000) / 10 };
}

function autoResolveRate(total: number, autoResolved: number, reopened: number) {
  // Success is an answer that settled the ticket: one the customer came back to is a failure.
  const succeeded = autoResolved - reopened;
  return { total, auto_resolved: autoResolved, reopened, succeeded, percent: total === 0 ? null : Math.round((succeeded / total) * 1000) / 10 };
}

const seconds = (v: number | string | null) => (v === null ? null : Math.round(Number(v)));

export async function getDashboard(ctx: CoreContext, q: DashboardQuery): Promise<Dashboard> {
  const w: Window = { now: ctx.clock.now(), tz: q.tz, days: DASHBOARD_WINDOW_DAYS };
  const [unresolved, stats, volume, workload] = await Promise.all([countUnresolved(ctx.db), windowStats(ctx.db, w), dailyVolume(ctx.db, w), workloadByAssignee(ctx.db)]);
  const { byCategory, byPriority, ...counts } = unresolved;
  const countOf = (rows: { key: string; n: number }[], key: string) => Number(rows.find((r) => r.key === key)?.n ?? 0);
  return {
    generated_at: w.now.toISOString(),
    timezone: q.tz,
    window_days: w.days,
    counts: { ...counts, new_today: Number(stats.created_today) },
    sla: { first_response: compliance(stats.fr_met, stats.fr_breached), resolution: compliance(stats.res_met, stats.res_breached) },
    median_seconds: { first_response: seconds(stats.fr_median), resolution: seconds(stats.res_median) },
    auto_resolve: autoResolveRate(Number(stats.created), Number(stats.auto_resolved), Number(stats.auto_reopened)),
    by_category: CATEGORIES.map((category) => ({ category, count: countOf(byCategory, category) })),
    by_priority: PRIORITIES.map((priority) => ({ priority, count: countOf(byPriority, priority) })),
    volume: volume.map((v) => ({ day: v.day, created: Number(v.created), resolved: Number(v.resolved) })),
    workload: workload.map((r) => ({ user_id: r.user_id, name: r.name, open: Number(r.open), escalated: Number(r.escalated) })),
  };
}
