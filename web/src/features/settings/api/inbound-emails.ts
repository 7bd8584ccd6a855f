import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { INBOUND_STATUSES, InboundEmail } from '@shared/modules/email/email.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type InboundEmailView = z.infer<typeof InboundEmail>;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export function useInboundEmails(status: InboundStatus | null) {
  return useQuery({
    queryKey: [...settingsKeys.inboundEmails, status],
    queryFn: ({ signal }) => api.get<{ items: InboundEmailView[] }>('/api/admin/inbound-emails', { status, limit: 100 }, signal),
    select: (d) => d.items,
    refetchInterval: 30_000,
  });
}

export function useRetryInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<InboundEmailView>(`/api/admin/inbound-emails/${id}/retry`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.inboundEmails }),
  });
}
