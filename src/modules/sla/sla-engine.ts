import type { Db } from '../../core/db';
import type { SharedCache } from '../../core/shared-cache';
import type { Priority, SlaClock, Status, TicketRow, TicketSlaEngine } from '../tickets';
import { addBusinessTime, businessTimeBetween, type Calendar } from './business-time';
import { nextCheckAt, targetInstants, toCalendar } from './sla-clock';
import { findSlasWithCalendars, type SlaWithCalendar } from './sla.queries';

const NO_SLA: SlaClock = { firstResponseDueAt: null, resolutionDueAt: null, firstResponseWarnAt: null, resolutionWarnAt: null, slaNextCheckAt: null };

/** The cache name of the SLA policies with their calendars: every change to them drops it. */
export const SLA_POLICIES = 'sla-policies';

type PolicyFor = (db: Db, priority: Priority) => Promise<SlaWithCalendar | null>;

async function clockFor(policyFor: PolicyFor, db: Db, priority: Priority, startedAt: Date, pausedSeconds: number): Promise<Omit<SlaClock, 'slaNextCheckAt'>> {
  const policy = await policyFor(db, priority);
  if (!policy) return NO_SLA;
  const cal = toCalendar(policy.calendar);
  const fr = targetInstants(cal, startedAt, policy.sla.firstResponseMinutes, pausedSeconds);
  const res = targetInstants(cal, startedAt, policy.sla.resolutionMinutes, pausedSeconds);
  return { firstResponseDueAt: fr.dueAt, firstResponseWarnAt: fr.warnAt, resolutionDueAt: res.dueAt, resolutionWarnAt: res.warnAt };
}

// A paused deadline keeps the business time that was left when the pause began.
function shift(cal: Calendar, at: Date | null, pausedAt: Date, now: Date): Date | null {
  if (!at || at <= pausedAt) return at;
  return addBusinessTime(cal, now, businessTimeBetween(cal, pausedAt, at));
}

async function resume(policyFor: PolicyFor, db: Db, t: TicketRow, to: Status, now: Date): Promise<Partial<TicketRow>> {
  const pausedAt = t.slaPausedAt!;
  const policy = await policyFor(db, t.priority);
  const cal = toCalendar(policy?.calendar ?? null);
  const changes: Partial<TicketRow> = {
    slaPausedAt: null,
    slaPausedSeconds: t.slaPausedSeconds + Math.round(businessTimeBetween(cal, pausedAt, now) / 1000),
    firstResponseWarnAt: shift(cal, t.firstResponseWarnAt, pausedAt, now),
    firstResponseDueAt: shift(cal, t.firstResponseDueAt, pausedAt, now),
    resolutionWarnAt: shift(cal, t.resolutionWarnAt, pausedAt, now),
    resolutionDueAt: shift(cal, t.resolutionDueAt, pausedAt, now),
  };
  return { ...changes, slaNextCheckAt: nextCheckAt({ ...t, ...changes, status: to }) };
}

// Deadlines in business time from the SLA of the ticket's priority and that SLA's calendar. The
// policies are read once per process and cached until an admin changes one (`SLA_POLICIES`).
export function createSlaEngine(cache: SharedCache): TicketSlaEngine {
  const policyFor: PolicyFor = async (db, priority) =>
    (await cache.get(SLA_POLICIES, () => findSlasWithCalendars(db))).find((p) => p.sla.priority === priority && p.sla.active) ?? null;
  return {
  async start(db, priority, now) {
    const clock = await clockFor(policyFor, db, priority, now, 0);
    const first = [clock.firstResponseWarnAt, clock.resolutionWarnAt].filter((d): d is Date => d !== null).sort((a, b) => +a - +b)[0];
    return { ...clock, slaNextCheckAt: first ?? null };
  },

  async recompute(db, t) {
    const clock = await clockFor(policyFor, db, t.priority, t.createdAt, t.slaPausedSeconds);
    const changes: Partial<TicketRow> = { ...clock, slaFirstResponseState: 'ok', slaResolutionState: 'ok' };
    return { ...changes, slaNextCheckAt: nextCheckAt({ ...t, ...changes }) };
  },

  async statusChanged(db, t, to, now) {
    if (to === t.status) return {};
    if (to === 'pending') return { slaPausedAt: now, slaNextCheckAt: null };
    if (t.status === 'pending' && t.slaPausedAt) return resume(policyFor, db, t, to, now);
    return { slaNextCheckAt: nextCheckAt({ ...t, status: to }) };
  },
  };
}
