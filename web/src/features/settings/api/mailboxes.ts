import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMailboxBody, UpdateMailboxBody } from '@shared/modules/email/email.schema';
import { api } from '../../../lib/api-client';
import { announceChange } from '../../../lib/data-changes';
import type { MailboxView } from '../mailbox-form';
import { settingsKeys } from './keys';

export function useMailboxes() {
  return useQuery({
    queryKey: settingsKeys.mailboxes,
    queryFn: ({ signal }) => api.get<{ items: MailboxView[] }>('/api/admin/mailboxes', undefined, signal),
    select: (d) => d.items,
    // The pollers record their last poll and error on the row; keep the status fresh while the tab is open.
    refetchInterval: 10_000,
  });
}

export function useSaveMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateMailboxBody | UpdateMailboxBody }) =>
      id ? api.patch<MailboxView>(`/api/admin/mailboxes/${id}`, body) : api.post<MailboxView>('/api/admin/mailboxes', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.mailboxes });
      announceChange(queryClient, 'mailboxes');
    },
  });
}

export function useDeleteMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/admin/mailboxes/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.mailboxes });
      announceChange(queryClient, 'mailboxes');
    },
  });
}
