import { useQuery } from '@tanstack/react-query';
import type { PermissionMatrix } from '@shared/modules/users/permissions.schema';
import { api } from '../../../lib/api-client';

export function usePermissionMatrix() {
  return useQuery({
    queryKey: ['users', 'permissions'],
    queryFn: ({ signal }) => api.get<PermissionMatrix>('/api/admin/permissions', undefined, signal),
    staleTime: Infinity,
  });
}
