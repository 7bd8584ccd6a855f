// Every table, for drizzle-kit's migration generator.
export * from './core/jobs.table';
export * from './core/settings';
export * from './modules/users/users.table';
export * from './modules/auth/auth.table';
export * from './modules/customers/customers.table';
export * from './modules/queues/queues.table';
export * from './modules/tickets/tickets.table';
export * from './modules/audit/audit.table';
export * from './modules/classify/classify.table';
export * from './modules/kb/kb.table';
export * from './modules/meetings/meetings.table';
export * from './modules/tasks/tasks.table';
export * from './modules/sla/sla.table';
export * from './modules/notifications/notifications.table';
export * from './modules/escalation/escalation.table';
export * from './modules/email/email.table';
export * from './modules/voice/voice.table';
