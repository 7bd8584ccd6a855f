import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueueList, SlaList, UpdateQueueBody } from '@shared/modules/queues/queues.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type Queue = z.infer<typeof QueueList>['items'][number];
export type Sla = z.infer<typeof SlaList>['items'][number];

export function useQueues() {
  return useQuery({
    queryKey: settingsKeys.queues,
    queryFn: ({ signal }) => api.get<{ items: Queue[] }>('/api/queues', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

export function useSlas() {
  return useQuery({
    queryKey: settingsKeys.slaOptions,
    queryFn: ({ signal }) => api.get<{ items: Sla[] }>('/api/slas', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** PATCH /api/queues/:id: the description is also what the classifier reads as this queue's words. */
export function useUpdateQueue(queueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateQueueBody) => api.patch<Queue>(`/api/queues/${queueId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.queues }),
  });
}

export interface QueueWarning {
  queue_id: string;
  queue: string;
  sources: string[];
}

export function useQueueWarnings() {
  return useQuery({
    queryKey: settingsKeys.queueWarnings,
    queryFn: ({ signal }) => api.get<{ items: QueueWarning[] }>('/api/admin/queues/warnings', undefined, signal),
    select: (d) => d.items,
  });
}
