import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { findActiveUserIdsByRole, notifyUsers } from '../notifications';
import { applyTicketChange, type TicketEvent, type TicketRow, type TicketSlaEngine } from '../tickets';
import { isHigher, levelAt, levelsBetween, nextCheckAt, stateKey, TARGETS, targetView } from './sla-clock';
import { createSlaEngine } from './sla-engine';
import { lockTicketsDueForCheck, recordSlaEvent } from './sla.queries';
import type { SlaMark, SlaTarget } from './sla.table';

export interface SlaTransition {
  ticketId: string;
  target: SlaTarget;
  mark: SlaMark;
}

const BATCH = 50;
// A bound on one run; whatever is left is picked up by the next minute's job.
const MAX_BATCHES = 100;
const TARGET_NAME: Record<SlaTarget, string> = { first_response: 'first response', resolution: 'resolution' };

function describe(t: TicketRow, target: SlaTarget, mark: SlaMark, dueAt: Date | null): string {
  const due = dueAt ? ` (due ${dueAt.toISOString()})` : '';
  return mark === 'warning'
    ? `80% of the ${TARGET_NAME[target]} time is used${due}`
    : `The ${TARGET_NAME[target]} deadline passed${due}`;
}

// The assignee hears first; an unassigned ticket goes to the leads.
async function recipients(tx: Db, t: TicketRow): Promise<string[]> {
  return t.assigneeId ? [t.assigneeId] : findActiveUserIdsByRole(tx, ['lead']);
}

async function checkTicket(tx: Db, sla: TicketSlaEngine, t: TicketRow, now: Date): Promise<SlaTransition[]> {
  const fired: SlaTransition[] = [];
  const changes: Partial<Pick<TicketRow, 'slaFirstResponseState' | 'slaResolutionState'>> = {};
  const events: TicketEvent[] = [];
  const finished = t.status === 'resolved' || t.status === 'closed';
  for (const target of finished ? [] : TARGETS) {
    const v = targetView(t, target);
    const level = levelAt(v, now);
    if (!v.running || !isHigher(level, v.state)) continue;
    changes[stateKey(target)] = level;
    for (const mark of levelsBetween(v.state, level)) {
      if (!(await recordSlaEvent(tx, t.id, target, mark, v.dueAt, now))) continue;
      const reason = describe(t, target, mark, v.dueAt);
      events.push({ action: `sla_${mark}`, newValue: { target, due_at: v.dueAt?.toISOString() ?? null }, comment: reason });
      await notifyUsers(
        tx,
        await recipients(tx, t),
        { type: mark === 'warning' ? 'sla_warning' : 'sla_breach', ticketId: t.id, title: `Ticket #${t.number}: SLA ${mark === 'warning' ? 'warning' : 'breached'}`, body: `${reason}. ${t.subject}`, data: { target } },
        now,
      );
      fired.push({ ticketId: t.id, target, mark });
    }
  }
  // SLA bookkeeping is not an update of the ticket (`touch: false`): its updatedAt stays.
  await applyTicketChange(tx, sla, { actorType: 'system', actorId: null }, t, { slaMarks: { ...changes, slaNextCheckAt: nextCheckAt({ ...t, ...changes }) } }, { now, events, touch: false });
  return fired;
}

/** Marks every SLA warning and breach that is due; safe to run in several workers at once. */
export async function checkSlas(ctx: CoreContext): Promise<SlaTransition[]> {
  const all: SlaTransition[] = [];
  const sla = createSlaEngine(ctx.cache);
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const now = ctx.clock.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await lockTicketsDueForCheck(tx, now, BATCH);
      const fired: SlaTransition[] = [];
      for (const row of rows) fired.push(...(await checkTicket(tx, sla, row, now)));
      return { count: rows.length, fired };
    });
    for (const f of batch.fired) await ctx.events.emit('ticket.sla_changed', { ticketId: f.ticketId, target: f.target, state: f.mark === 'warning' ? 'warning' : 'breached' });
    all.push(...batch.fired);
    if (batch.count < BATCH) break;
  }
  return all;
}
