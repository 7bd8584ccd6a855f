import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TicketAttachment, TicketAttachmentList } from '@shared/modules/email/email.schema';
import { api } from '../../../lib/api-client';

export type TicketAttachment = z.infer<typeof TicketAttachment>;

/** Files that came in with the ticket's email messages; only email tickets have any. */
export function useTicketAttachments(ticketId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', ticketId, 'attachments'],
    queryFn: ({ signal }) => api.get<z.infer<typeof TicketAttachmentList>>(`/api/tickets/${ticketId}/attachments`, undefined, signal),
    select: (d) => d.items,
    enabled: Boolean(ticketId) && enabled,
  });
}
