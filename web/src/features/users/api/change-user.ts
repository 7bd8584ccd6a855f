import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody } from '@shared/modules/users/users.schema';
import { api } from '../../../lib/api-client';
import { userKeys } from './list-users';
import type { CreatedUser, User } from './types';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<CreatedUser>('/api/admin/users', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.patch<User>(`/api/admin/users/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export interface CreatedInvitation {
  invite_url: string;
  expires_at: string;
  emailed: boolean;
}

export function useInviteUser() {
  return useMutation({ mutationFn: (id: string) => api.post<CreatedInvitation>(`/api/admin/users/${id}/invite`, {}) });
}
