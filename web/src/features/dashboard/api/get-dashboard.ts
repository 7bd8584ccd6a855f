import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';
import { api } from '../../../lib/api-client';

export function useDashboard(tz: string) {
  return useQuery({
    queryKey: ['dashboard', tz],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', { tz }, signal),
    refetchInterval: 60_000,
  });
}
