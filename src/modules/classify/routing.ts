import type { Category, Priority } from './labels.js';

/** The queues every installation starts with; teams add, rename and archive their own. */
export const QUEUES = ['General Support', 'Technical Issues', 'Billing & Payments', 'Escalations'] as const;
/** A queue's name. */
export type Queue = string;

export type RoutingTable = Record<Category, Record<Priority, Queue>>;

// Urgency alone does not escalate: Escalations is reserved for the escalation module
// and for admins who edit this table.
export const DEFAULT_ROUTING: RoutingTable = {
  technical: { urgent: 'Technical Issues', high: 'Technical Issues', normal: 'Technical Issues', low: 'Technical Issues' },
  billing: { urgent: 'Billing & Payments', high: 'Billing & Payments', normal: 'Billing & Payments', low: 'Billing & Payments' },
  general: { urgent: 'General Support', high: 'General Support', normal: 'General Support', low: 'General Support' },
};

export function routeTicket(
  labels: { category: Category; priority: Priority },
  table: RoutingTable = DEFAULT_ROUTING,
): Queue {
  return table[labels.category][labels.priority];
}
