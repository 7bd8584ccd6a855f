import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AcceptInvitationBody, Invitation } from '@shared/modules/auth/auth.schema';
import { api } from '../../../lib/api-client';

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: ({ signal }) => api.get<z.infer<typeof Invitation>>(`/api/auth/invitations/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
  });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: (body: AcceptInvitationBody) => api.post<{ email: string }>('/api/auth/invitations/accept', body) });
}
