import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { UpdateTicketBody } from '@shared/modules/tickets/tickets.schema';
import { api } from '../../../lib/api-client';
import { announceChange } from '../../../lib/data-changes';
import { ticketKeys, type Ticket } from './types';

export const updateTicket = (id: string, body: UpdateTicketBody) => api.patch<Ticket>(`/api/tickets/${id}`, body);
/** DELETE closes a ticket (it is never removed). */
export const closeTicket = (id: string) => api.delete<Ticket>(`/api/tickets/${id}`);

export function storeTicket(queryClient: QueryClient, ticket: Ticket) {
  queryClient.setQueryData(ticketKeys.detail(String(ticket.number)), ticket);
  void queryClient.invalidateQueries({ queryKey: ticketKeys.history(ticket.id) });
  void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
  announceChange(queryClient, 'tickets');
}

export function useUpdateTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketBody) => updateTicket(id, body),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}

export function useCloseTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => closeTicket(id), onSuccess: (ticket) => storeTicket(queryClient, ticket) });
}
