import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditList } from '@shared/modules/audit/audit.schema';
import { api } from '../../../lib/api-client';

export type AuditPage = z.infer<typeof AuditList>;
export type AuditEntry = AuditPage['items'][number];

export interface AuditFilters {
  action?: string;
  actor_id?: string;
  target_type?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.deactivated',
  'token.created',
  'token.revoked',
  'settings.routing_changed',
  'settings.autoresolve_changed',
  'classifier.train_requested',
  'queue.updated',
  'queue.members_changed',
  'calendar.created',
  'calendar.updated',
  'calendar.deleted',
  'sla.created',
  'sla.updated',
  'sla.deleted',
  'escalation_rule.created',
  'escalation_rule.updated',
  'escalation_rule.deleted',
  'kb_article.created',
  'kb_article.updated',
  'kb_article.published',
  'kb_article.unpublished',
  'kb_article.deleted',
  'mailbox.created',
  'mailbox.updated',
  'mailbox.deleted',
  'email_template.updated',
  'email_template.reset',
  'outbox.retried',
  'inbound_email.retried',
  'job.retried',
  'ticket.deescalated',
];

/** What the audit log's rows are about (`target_type`), with the names the page shows. */
export const AUDIT_TARGET_TYPES = [
  { value: 'user', label: 'User' },
  { value: 'api_token', label: 'API token' },
  { value: 'queue', label: 'Queue' },
  { value: 'calendar', label: 'Calendar' },
  { value: 'sla', label: 'SLA' },
  { value: 'escalation_rule', label: 'Escalation rule' },
  { value: 'kb_article', label: 'Article' },
  { value: 'mailbox', label: 'Mailbox' },
  { value: 'email_template', label: 'Email template' },
  { value: 'outbox_email', label: 'Outgoing email' },
  { value: 'inbound_email', label: 'Incoming email' },
  { value: 'job', label: 'Background job' },
  { value: 'ticket', label: 'Ticket' },
  { value: 'setting', label: 'Setting' },
  { value: 'classifier', label: 'Classifier' },
];

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api.get<AuditPage>('/api/admin/audit', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
