import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMessageBody } from '@shared/modules/tickets/tickets.schema';
import { api } from '../../../lib/api-client';
import { announceChange } from '../../../lib/data-changes';
import { ticketKeys, type TicketMessage } from './types';

export function useAddMessage(ticketId: string, ticketRef: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMessageBody) => api.post<TicketMessage>(`/api/tickets/${ticketId}/messages`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.messages(ticketId) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.history(ticketId) });
      void queryClient.invalidateQueries({ queryKey: ['tickets', ticketId, 'attachments'] });
      // The first public reply stamps the first response: the SLA shown must follow.
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketRef) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      announceChange(queryClient, 'tickets');
    },
  });
}
