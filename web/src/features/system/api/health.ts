import { useQuery } from '@tanstack/react-query';
import type { Health } from '@shared/modules/system/system.schema';
import { apiRequest } from '../../../lib/api-client';

export type { Health };

export const healthKeys = { all: ['system', 'health'] as const };

export function useHealth() {
  return useQuery({
    queryKey: healthKeys.all,
    // A degraded Clara answers 503 with the same report: show it rather than an error.
    queryFn: ({ signal }) => apiRequest<Health>('/health', { signal, okStatuses: [503] }),
    refetchInterval: 15_000,
  });
}
