import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Ticket } from './types';
import { storeTicket } from './update-ticket';

// The bodies of POST /escalate and /deescalate (escalation.schema.ts imports its tables, so not shared here).
export interface EscalateBody {
  reason: string;
  queue_id?: string;
}
export interface DeescalateBody {
  reason?: string;
  queue_id?: string;
}

export function useEscalate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalateBody) => api.post<Ticket>(`/api/tickets/${id}/escalate`, body),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}

export function useDeescalate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeescalateBody) => api.post<Ticket>(`/api/tickets/${id}/deescalate`, body),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}
