import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MailStatus, OutboxEmail } from '@shared/modules/email/email.schema';
import type { Job, RecentLogList } from '@shared/modules/system/system.schema';
import { api } from '../../../lib/api-client';

export type { Job, MailStatus };
export type DeadEmail = z.infer<typeof OutboxEmail>;
export type RecentLog = RecentLogList['items'][number];

const keys = {
  jobs: ['system', 'dead-jobs'] as const,
  outbox: ['system', 'dead-emails'] as const,
  mail: ['system', 'mail-status'] as const,
  logs: ['system', 'logs'] as const,
};
const REFRESH_MS = 15_000;

export function useDeadJobs() {
  return useQuery({
    queryKey: keys.jobs,
    queryFn: ({ signal }) => api.get<{ items: Job[] }>('/api/admin/jobs', { status: 'dead', limit: 50 }, signal),
    select: (d) => d.items,
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Job>(`/api/admin/jobs/${id}/retry`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.jobs }),
  });
}

export function useDeadEmails(enabled: boolean) {
  return useQuery({
    queryKey: keys.outbox,
    queryFn: ({ signal }) => api.get<{ items: DeadEmail[] }>('/api/admin/outbox', { status: 'dead', limit: 50 }, signal),
    select: (d) => d.items,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

export function useRetryEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<DeadEmail>(`/api/admin/outbox/${id}/retry`, {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.outbox });
      void queryClient.invalidateQueries({ queryKey: keys.mail });
    },
  });
}

export function useRecentLogs(level: 'warn' | 'error') {
  return useQuery({
    queryKey: [...keys.logs, level],
    queryFn: ({ signal }) => api.get<RecentLogList>('/api/admin/system/logs', { level, limit: 100 }, signal),
    select: (d) => d.items,
    refetchInterval: REFRESH_MS,
  });
}

export function useMailStatus() {
  return useQuery({
    queryKey: keys.mail,
    queryFn: ({ signal }) => api.get<MailStatus>('/api/admin/mail-status', undefined, signal),
    refetchInterval: REFRESH_MS,
  });
}
