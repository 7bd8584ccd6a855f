// Pure (no table imports) so the web app can share it through notifications.schema.ts.
export const NOTIFICATION_TYPES = ['assignment', 'escalation', 'sla_warning', 'sla_breach', 'mention', 'task_overdue', 'meeting_reminder'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
