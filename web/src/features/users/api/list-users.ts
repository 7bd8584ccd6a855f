import { useQuery } from '@tanstack/react-query';
import type { Role } from '@shared/core/rbac';
import { api } from '../../../lib/api-client';
import type { User } from './types';

export interface UserFilters {
  role?: Role;
  active?: 'true' | 'false';
  q?: string;
}

export const userKeys = { all: ['users'] as const, list: (f: UserFilters) => ['users', 'list', f] as const };

export function useUsers(filters: UserFilters = {}, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => api.get<{ items: User[] }>('/api/admin/users', { ...filters }, signal),
    select: (d) => d.items,
    enabled: opts.enabled ?? true,
    staleTime: 60_000,
  });
}
