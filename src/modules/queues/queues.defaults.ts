import type { Priority } from '../tickets/ticket-fields';

export const DEFAULT_QUEUE = 'General Support';

export const DEFAULT_QUEUES = [
  { name: 'General Support', tier: 1, description: 'First line: questions, how-tos and anything not yet routed.' },
  { name: 'Technical Issues', tier: 2, description: 'Bugs, outages, integrations and account access.' },
  { name: 'Billing & Payments', tier: 1, description: 'Invoices, refunds, plans and payment problems.' },
  { name: 'Escalations', tier: 3, description: 'Tickets a senior person must look at.' },
] as const;

export const DEFAULT_SLAS: { priority: Priority; name: string; firstResponseMinutes: number; resolutionMinutes: number }[] = [
  { priority: 'urgent', name: 'Urgent', firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
  { priority: 'high', name: 'High', firstResponseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
  { priority: 'normal', name: 'Normal', firstResponseMinutes: 12 * 60, resolutionMinutes: 72 * 60 },
  { priority: 'low', name: 'Low', firstResponseMinutes: 24 * 60, resolutionMinutes: 168 * 60 },
];
