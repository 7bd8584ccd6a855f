// Pure value lists shared by the schema, services and the web app.
import type { Permission } from '../../core/rbac';

export const CHANNELS = ['email', 'chat', 'voice', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = ['technical', 'billing', 'general'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = ['open', 'pending', 'escalated', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** The work still to do: the inbox's default view and "Breaching soon" look only at these. */
export const UNRESOLVED_STATUSES = ['open', 'pending', 'escalated'] as const satisfies readonly Status[];

// One transition table for the ticket lifecycle; closed tickets can only be reopened.
export const STATUS_TRANSITIONS: Record<Status, readonly Status[]> = {
  open: ['pending', 'escalated', 'resolved', 'closed'],
  pending: ['open', 'escalated', 'resolved', 'closed'],
  escalated: ['open', 'pending', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function canTransition(from: Status, to: Status): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/**
 * The permission a status change needs, the same as the dedicated action's: taking a ticket out of
 * escalation (to any status) is de-escalating it, so a PATCH cannot do what POST /deescalate refuses.
 */
export function transitionPermission(from: Status, to: Status): Permission {
  if (from === 'escalated' && to !== 'escalated') return 'tickets:deescalate';
  if (to === 'escalated' && from !== 'escalated') return 'tickets:escalate';
  if (to === 'closed' && from !== 'closed') return 'tickets:close';
  return 'tickets:write';
}

// The SLA clock of one target (first response, resolution): warned at 80 %, breached at 100 %.
export const SLA_STATES = ['ok', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const AUTHOR_TYPES = ['customer', 'agent', 'system', 'automation'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];
