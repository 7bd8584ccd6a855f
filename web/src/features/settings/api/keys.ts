/** Every settings query key; all start with 'settings', so no other feature's cache is touched from here. */
export const settingsKeys = {
  all: ['settings'] as const,
  classifier: ['settings', 'classifier'] as const,
  autoresolve: ['settings', 'autoresolve'] as const,
  autoresolvePreviewAll: ['settings', 'autoresolve-preview'] as const,
  autoresolvePreview: (threshold: number | undefined, maxPriority: string | undefined) => ['settings', 'autoresolve-preview', threshold, maxPriority] as const,
  slas: ['settings', 'slas'] as const,
  /** The plain SLA list (`/api/slas`) the queue form picks from. */
  slaOptions: ['settings', 'sla-options'] as const,
  calendars: ['settings', 'calendars'] as const,
  queues: ['settings', 'queues'] as const,
  queueMembers: (queueId: string) => ['settings', 'queue-members', queueId] as const,
  /** Queues that receive tickets but have nobody to give them to: stale after any member, rule or routing change. */
  queueWarnings: ['settings', 'queue-warnings'] as const,
  escalationRules: ['settings', 'escalation-rules'] as const,
  emailTemplates: ['settings', 'email-templates'] as const,
  inboundEmails: ['settings', 'inbound-emails'] as const,
  mailboxes: ['settings', 'mailboxes'] as const,
};
