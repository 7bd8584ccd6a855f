import { together, type Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { canTransition, type Category, type Priority, type Status } from './ticket-fields';
import type { TicketSlaEngine } from './ticket-sla';
import { insertHistory, updateTicketRow, type HistoryInput } from './tickets.queries';
import type { TicketRow } from './tickets.table';

// The one way a ticket changes after it was created. Every writer (the agent's PATCH, replies,
// auto-answer, intake, escalation rules and manual escalation, auto-assignment, the SLA job)
// says *what* changes; this module derives the rest the same way for all of them:
//   - the status must follow STATUS_TRANSITIONS (ticket-fields.ts);
//   - resolving stamps resolvedAt, closing closedAt, reopening clears both and counts the reopen;
//   - the SLA clock pauses on `pending`, resumes when it leaves, and is recomputed on a new priority;
//   - the first public reply stamps the first response;
//   - each changed field gets one history row (old value, new value, the reason as its comment).
// Callers publish their event after the transaction commits (`ticket.updated` with `actions`).
// `tickets-writers.test.ts` fails if any other file writes the tickets table.

export interface HistoryActor {
  actorType: string;
  actorId: string | null;
}

/** A history row that is not a field change ("reply_sent", "escalated", "sla_breached"). */
export interface TicketEvent {
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
  /** Defaults to the change's reason. */
  comment?: string | null;
}

export interface TicketChange {
  status?: Status;
  priority?: Priority;
  category?: Category;
  intent?: string | null;
  subject?: string;
  assigneeId?: string | null;
  queueId?: string;
  tags?: string[];
  /** Merged into the ticket's metadata; a key set to `undefined` is removed. No history row. */
  metadata?: Record<string, unknown>;
  /**
   * A public reply went out: the first one stamps `firstRespondedAt`. `recorded` adds a
   * `first_response` history row; `silent` when the caller's own event says it (`auto_answered`).
   */
  firstResponse?: 'recorded' | 'silent';
  /**
   * The text, classification and routing of a ticket created before its text arrived; its SLA
   * clock starts from the ticket's creation. No per-field history: the caller records the intake.
   */
  intake?: Pick<TicketRow, 'subject' | 'description' | 'transcript' | 'category' | 'priority' | 'intent' | 'queueId' | 'tags'>;
  /** SLA bookkeeping from the SLA job (target states, next check). No history row of its own. */
  slaMarks?: Partial<Pick<TicketRow, 'slaFirstResponseState' | 'slaResolutionState' | 'slaNextCheckAt'>>;
}

export interface ChangeOptions {
  now: Date;
  /** Comment on every history row of this change. */
  reason?: string | null;
  /** History rows written before the field changes, in order. */
  events?: TicketEvent[];
  /** Whether the change counts as an update (`updatedAt`); by default when it writes history. */
  touch?: boolean;
}

export interface AppliedChange {
  row: TicketRow;
  /** The history actions written, in order (for `ticket.updated`). */
  actions: string[];
}

function statusStamps(from: Status, to: Status, now: Date): Partial<TicketRow> {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now };
  if (to === 'open' && (from === 'resolved' || from === 'closed')) return { resolvedAt: null, closedAt: null };
  return {};
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

function mergeMetadata(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/**
 * Applies `change` to `before` (a row the caller locked in `tx`) and writes the row and its
 * history. Throws ILLEGAL_TRANSITION for a status the transition table does not allow.
 */
export async function applyTicketChange(
  tx: Db,
  sla: TicketSlaEngine,
  actor: HistoryActor,
  before: TicketRow,
  change: TicketChange,
  options: ChangeOptions,
): Promise<AppliedChange> {
  const { now } = options;
  const reason = options.reason ?? null;
  let next: TicketRow = { ...before };
  const set = (values: Partial<TicketRow>) => {
    next = { ...next, ...values };
  };
  const history: HistoryInput[] = (options.events ?? []).map((e) => ({
    ticketId: before.id,
    ...actor,
    action: e.action,
    oldValue: e.oldValue,
    newValue: e.newValue,
    comment: e.comment === undefined ? reason : e.comment,
    createdAt: now,
  }));
  const record = (action: string, oldValue: unknown, newValue: unknown) =>
    history.push({ ticketId: before.id, ...actor, action, oldValue, newValue, comment: reason, createdAt: now });

  if (change.intake) {
    const { intake } = change;
    set({ ...intake, tags: [...new Set(intake.tags)] });
    set(await sla.start(tx, intake.priority, before.createdAt));
  }
  if (change.status !== undefined && change.status !== next.status) {
    const from = next.status;
    if (!canTransition(from, change.status)) {
      throw new AppError('ILLEGAL_TRANSITION', `A ${from} ticket cannot become ${change.status}.`, { from, to: change.status });
    }
    const slaChanges = await sla.statusChanged(tx, next, change.status, now);
    set({ status: change.status, ...statusStamps(from, change.status, now), ...slaChanges });
    const reopened = change.status === 'open' && (from === 'resolved' || from === 'closed');
    if (reopened) set({ metadata: { ...next.metadata, reopen_count: Number(next.metadata.reopen_count ?? 0) + 1 } });
    record(reopened ? 'reopened' : 'status_changed', from, change.status);
  }
  if (change.priority !== undefined && change.priority !== next.priority) {
    const from = next.priority;
    set({ priority: change.priority });
    set(await sla.recompute(tx, next, now));
    record('priority_changed', from, change.priority);
  }
  // Plain fields: the new value and one history row, nothing derived.
  const plain = [
    ['category', 'category_changed'],
    ['intent', 'intent_changed'],
    ['subject', 'subject_changed'],
    ['assigneeId', 'assigned'],
    ['queueId', 'queue_changed'],
  ] as const satisfies readonly (readonly [keyof TicketChange & keyof TicketRow, string])[];
  for (const [field, action] of plain) {
    const value = change[field];
    if (value === undefined || value === next[field]) continue;
    record(action, next[field], value);
    set({ [field]: value });
  }
  if (change.tags !== undefined) {
    const tags = [...new Set(change.tags)];
    if (!sameTags(tags, next.tags)) {
      record('tags_changed', next.tags, tags);
      set({ tags });
    }
  }
  if (change.firstResponse && !next.firstRespondedAt) {
    set({ firstRespondedAt: now });
    if (change.firstResponse === 'recorded') record('first_response', undefined, { at: now.toISOString() });
  }
  if (change.metadata) set({ metadata: mergeMetadata(next.metadata, change.metadata) });
  if (change.slaMarks) set(change.slaMarks);

  const touch = options.touch ?? history.length > 0;
  const values: Partial<TicketRow> = {};
  for (const key of Object.keys(next) as (keyof TicketRow)[]) {
    if (next[key] !== before[key]) (values as Record<string, unknown>)[key] = next[key];
  }
  if (touch) values.updatedAt = now;
  if (Object.keys(values).length === 0 && history.length === 0) return { row: before, actions: [] };
  // The row's update and its history are independent writes: sent together, they wait on the database once.
  const [row] = await together([Object.keys(values).length > 0 ? updateTicketRow(tx, before.id, values) : before, insertHistory(tx, history)]);
  return { row, actions: history.map((h) => h.action) };
}
