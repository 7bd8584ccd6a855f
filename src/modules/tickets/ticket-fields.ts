// Pure value lists shared by the schema, services and the web app.
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

// The SLA clock of one target (first response, resolution): warned at 80 %, breached at 100 %.
export const SLA_STATES = ['ok', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const AUTHOR_TYPES = ['customer', 'agent', 'system', 'automation'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];
