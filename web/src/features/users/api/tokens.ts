import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenBody } from '@shared/modules/auth/auth.schema';
import { api } from '../../../lib/api-client';
import type { ApiToken, CreatedToken } from './types';

const tokenKeys = { all: ['users', 'tokens'] as const };

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokenKeys.all,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/admin/tokens', undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => api.post<CreatedToken>('/api/admin/tokens', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/api/admin/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
