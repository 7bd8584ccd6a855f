import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditList } from '@shared/modules/audit/audit.schema';
import { api } from '../../../lib/api-client';

export type AuditPage = z.infer<typeof AuditList>;
export type AuditEntry = AuditPage['items'][number];

export interface AuditFilters {
  action?: string;
  actor_id?: string;
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
  'classifier.train_requested',
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
