import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ticketKeys, type HistoryEntry, type Ticket, type TicketMessage } from './types';

export function useTicket(ref: string) {
  return useQuery({ queryKey: ticketKeys.detail(ref), queryFn: ({ signal }) => api.get<Ticket>(`/api/tickets/${ref}`, undefined, signal) });
}

export function useTicketMessages(id: string | undefined) {
  return useQuery({
    queryKey: ticketKeys.messages(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: TicketMessage[] }>(`/api/tickets/${id}/messages`, undefined, signal),
    enabled: !!id,
    select: (d) => d.items,
  });
}

export function useTicketHistory(id: string | undefined) {
  return useQuery({
    queryKey: ticketKeys.history(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`/api/tickets/${id}/history`, undefined, signal),
    enabled: !!id,
    select: (d) => d.items,
  });
}
