import type { SlaState } from './ticket-fields';
import type { TicketView } from './tickets.queries';
import type { Ticket } from './tickets.schema';
import type { TicketRow } from './tickets.table';

const iso = (d: Date | null) => d?.toISOString() ?? null;

// A breach stays; a warning counts only while its target is still running.
export function slaState(t: TicketRow): SlaState {
  const fr = t.slaFirstResponseState;
  const res = t.slaResolutionState;
  if (fr === 'breached' || res === 'breached') return 'breached';
  const resolutionRunning = !t.resolvedAt && !t.closedAt;
  if ((fr === 'warning' && !t.firstRespondedAt && resolutionRunning) || (res === 'warning' && resolutionRunning)) return 'warning';
  return 'ok';
}

/** The next deadline that can still be missed: none once resolved or closed, or while the clock is paused. */
export function nextBreachAt(t: TicketRow): Date | null {
  if (t.status === 'resolved' || t.status === 'closed' || t.slaPausedAt) return null;
  const running = [t.firstRespondedAt ? null : t.firstResponseDueAt, t.resolutionDueAt].filter((d): d is Date => d !== null);
  return running.length ? new Date(Math.min(...running.map((d) => d.getTime()))) : null;
}

export function toTicket(view: NonNullable<TicketView>): Ticket {
  const t = view.ticket;
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    channel: t.channel,
    status: t.status,
    category: t.category,
    priority: t.priority,
    intent: t.intent,
    tags: t.tags,
    transcript: t.transcript,
    metadata: t.metadata,
    customer: view.customer,
    assignee: view.assignee?.id ? { id: view.assignee.id, name: view.assignee.name } : null,
    queue: view.queue,
    sla: {
      first_response_due_at: iso(t.firstResponseDueAt),
      resolution_due_at: iso(t.resolutionDueAt),
      first_responded_at: iso(t.firstRespondedAt),
      state: slaState(t),
      paused: t.slaPausedAt !== null,
      next_breach_at: iso(nextBreachAt(t)),
    },
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    resolved_at: iso(t.resolvedAt),
    closed_at: iso(t.closedAt),
  };
}
