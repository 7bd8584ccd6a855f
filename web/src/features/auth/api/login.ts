import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LoginBody, LoginResponse } from '@shared/modules/auth/auth.schema';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './me';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest<z.infer<typeof LoginResponse>>('/api/auth/login', { method: 'POST', body, quiet401: true }),
    onSuccess: (res) => {
      setCsrfToken(res.csrf_token);
      queryClient.setQueryData(meQueryKey, res.user);
    },
  });
}
