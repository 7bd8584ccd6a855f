import type { SlaState, TicketRow } from '../tickets';
import { addBusinessTime, ALWAYS_OPEN, type Calendar } from './business-time';
import type { SlaTarget } from './sla.table';
import type { BusinessCalendarRow } from './sla.table';

export const WARNING_FRACTION = 0.8;

export function toCalendar(row: BusinessCalendarRow | null): Calendar {
  if (!row) return ALWAYS_OPEN;
  return { timezone: row.timezone, workingHours: row.workingHours, holidays: row.holidays.map((h) => h.date) };
}

/** Warning (80 %) and due (100 %) instants of one target, skipping time the ticket spent paused. */
export function targetInstants(cal: Calendar, startedAt: Date, minutes: number, pausedSeconds: number) {
  const paused = pausedSeconds * 1000;
  const total = minutes * 60_000;
  return {
    warnAt: addBusinessTime(cal, startedAt, Math.round(total * WARNING_FRACTION) + paused),
    dueAt: addBusinessTime(cal, startedAt, total + paused),
  };
}

export const TARGETS: SlaTarget[] = ['first_response', 'resolution'];
const RANK: Record<SlaState, number> = { ok: 0, warning: 1, breached: 2 };

export function targetView(t: TicketRow, target: SlaTarget) {
  return target === 'first_response'
    ? { warnAt: t.firstResponseWarnAt, dueAt: t.firstResponseDueAt, state: t.slaFirstResponseState, running: !t.firstRespondedAt }
    : { warnAt: t.resolutionWarnAt, dueAt: t.resolutionDueAt, state: t.slaResolutionState, running: true };
}

export function stateKey(target: SlaTarget) {
  return target === 'first_response' ? 'slaFirstResponseState' : 'slaResolutionState';
}

/** The level a running target has reached at `now`. */
export function levelAt(v: { warnAt: Date | null; dueAt: Date | null }, now: Date): SlaState {
  if (v.dueAt && v.dueAt <= now) return 'breached';
  if (v.warnAt && v.warnAt <= now) return 'warning';
  return 'ok';
}

export function isHigher(a: SlaState, b: SlaState): boolean {
  return RANK[a] > RANK[b];
}

/** The levels passed going from `from` up to `to`, in order. */
export function levelsBetween(from: SlaState, to: SlaState): ('warning' | 'breached')[] {
  return (['warning', 'breached'] as const).filter((l) => RANK[l] > RANK[from] && RANK[l] <= RANK[to]);
}

/** When the SLA job must look at this ticket next; null while paused or finished. */
export function nextCheckAt(t: TicketRow): Date | null {
  if (t.slaPausedAt || t.status === 'resolved' || t.status === 'closed') return null;
  let next: Date | null = null;
  for (const target of TARGETS) {
    const v = targetView(t, target);
    if (!v.running) continue;
    const candidate = v.state === 'ok' ? (v.warnAt ?? v.dueAt) : v.state === 'warning' ? v.dueAt : null;
    if (candidate && (!next || candidate < next)) next = candidate;
  }
  return next;
}
