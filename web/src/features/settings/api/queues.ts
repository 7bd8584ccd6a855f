import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ArchivedQueue, CreateQueueBody, QueueList, SlaList, UpdateQueueBody } from '@shared/modules/queues/queues.schema';
import { announceChange } from '../../../lib/data-changes';
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

// A queue's name sits in the routing table, the rules and on tickets: after a change all of them reload.
function useQueuesChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: settingsKeys.queues });
    void queryClient.invalidateQueries({ queryKey: settingsKeys.queueWarnings });
    void queryClient.invalidateQueries({ queryKey: settingsKeys.classifier });
    void queryClient.invalidateQueries({ queryKey: settingsKeys.escalationRules });
    announceChange(queryClient, 'queues');
  };
}

/** PATCH /api/queues/:id: name and description (the classifier reads the description as this queue's words). */
export function useUpdateQueue(queueId: string) {
  const changed = useQueuesChanged();
  return useMutation({ mutationFn: (body: UpdateQueueBody) => api.patch<Queue>(`/api/queues/${queueId}`, body), onSuccess: changed });
}

export function useCreateQueue() {
  const changed = useQueuesChanged();
  return useMutation({ mutationFn: (body: CreateQueueBody) => api.post<Queue>('/api/queues', body), onSuccess: changed });
}

/** Archive: its tickets, routes and rules move to `move_to`. */
export function useArchiveQueue(queueId: string) {
  const changed = useQueuesChanged();
  return useMutation({
    mutationFn: (moveTo: string) => api.post<z.infer<typeof ArchivedQueue>>(`/api/queues/${queueId}/archive`, { move_to: moveTo }),
    onSuccess: changed,
  });
}

export function useRestoreQueue(queueId: string) {
  const changed = useQueuesChanged();
  return useMutation({ mutationFn: () => api.post<Queue>(`/api/queues/${queueId}/restore`), onSuccess: changed });
}

export interface QueueWarning {
  queue_id: string;
  queue: string;
  routes: string[];
  rules: string[];
}

export function useQueueWarnings() {
  return useQuery({
    queryKey: settingsKeys.queueWarnings,
    queryFn: ({ signal }) => api.get<{ items: QueueWarning[] }>('/api/admin/queues/warnings', undefined, signal),
    select: (d) => d.items,
  });
}
