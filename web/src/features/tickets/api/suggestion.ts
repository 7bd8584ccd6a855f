import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AskResponse } from '@shared/modules/kb/kb.api.schema';
import { api } from '../../../lib/api-client';
import { ticketKeys } from './types';

export type Suggestion = z.infer<typeof AskResponse> & { ticket_id: string };

export function useSuggestion(ticketId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...ticketKeys.all, 'suggestion', ticketId ?? ''],
    queryFn: ({ signal }) => api.get<Suggestion>(`/api/tickets/${ticketId}/suggestion`, undefined, signal),
    enabled: enabled && !!ticketId,
    staleTime: 5 * 60_000,
  });
}
