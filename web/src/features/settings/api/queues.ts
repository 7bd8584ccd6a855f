import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueueList, SlaList } from '@shared/modules/queues/queues.schema';
import { api } from '../../../lib/api-client';

export type Queue = z.infer<typeof QueueList>['items'][number];
export type Sla = z.infer<typeof SlaList>['items'][number];

export function useQueues() {
  return useQuery({
    queryKey: ['queues'],
    queryFn: ({ signal }) => api.get<{ items: Queue[] }>('/api/queues', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

export function useSlas() {
  return useQuery({
    queryKey: ['slas'],
    queryFn: ({ signal }) => api.get<{ items: Sla[] }>('/api/slas', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}
