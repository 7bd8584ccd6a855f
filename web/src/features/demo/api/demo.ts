import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DemoRemoval, DemoStatus } from '@shared/modules/setup/demo.schema';
import { api } from '../../../lib/api-client';

export type { DemoRemoval, DemoStatus };

const key = ['demo'] as const;

export function useDemoStatus(enabled: boolean) {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<DemoStatus>('/api/admin/demo', undefined, signal), enabled, staleTime: 5 * 60_000 });
}

export function useRemoveDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<DemoRemoval>('/api/admin/demo'),
    // Tickets, users, articles and the dashboard all change: everything is read again.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
