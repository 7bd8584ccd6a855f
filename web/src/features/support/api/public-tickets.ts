import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicCreated, PublicCreateTicketBody, PublicFeedbackBody, PublicReplyBody, PublicTicket } from '@shared/modules/tickets/tickets.schema';
import { api } from '../../../lib/api-client';

export type { PublicTicket };
export type PublicCreated = z.infer<typeof PublicCreated>;

const key = (token: string) => ['support', 'ticket', token] as const;

export function useCreatePublicTicket() {
  return useMutation({ mutationFn: (body: PublicCreateTicketBody) => api.post<PublicCreated>('/api/public/tickets', body) });
}

export function usePublicTicket(token: string) {
  return useQuery({
    queryKey: key(token),
    queryFn: ({ signal }) => api.get<PublicTicket>(`/api/public/tickets/${encodeURIComponent(token)}`, undefined, signal),
    // Right after the request was sent Clara is still reading it: look again every second until her answer (or none) is in.
    refetchInterval: (query) => (query.state.data?.answering ? 1_000 : 60_000),
  });
}

export function usePublicReply(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicReplyBody) => api.post<PublicTicket>(`/api/public/tickets/${encodeURIComponent(token)}/messages`, body),
    onSuccess: (ticket) => queryClient.setQueryData(key(token), ticket),
  });
}

/** The customer's verdict on Clara's automatic answer. */
export function useAutoAnswerFeedback(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicFeedbackBody) => api.post<PublicTicket>(`/api/public/tickets/${encodeURIComponent(token)}/feedback`, body),
    onSuccess: (ticket) => queryClient.setQueryData(key(token), ticket),
  });
}

/** Where the customer downloads a file on their ticket. */
export const publicAttachmentUrl = (token: string, id: string) => `/api/public/tickets/${encodeURIComponent(token)}/attachments/${id}`;
