import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';
import { api } from '../../../lib/api-client';

export const dashboardKeys = { all: ['dashboard'] as const, view: (tz: string) => ['dashboard', tz] as const };

export function useDashboard(tz: string) {
  return useQuery({
    queryKey: dashboardKeys.view(tz),
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', { tz }, signal),
    refetchInterval: 60_000,
  });
}
