import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TicketAttachment, TicketAttachmentList } from '@shared/modules/tickets/tickets.schema';
import { api } from '../../../lib/api-client';

export type TicketAttachment = z.infer<typeof TicketAttachment>;

/** The files on a ticket's messages: from email, the customer's web form and status page, and staff replies and notes. */
export function useTicketAttachments(ticketId: string | undefined) {
  return useQuery({
    queryKey: ['tickets', ticketId, 'attachments'],
    queryFn: ({ signal }) => api.get<z.infer<typeof TicketAttachmentList>>(`/api/tickets/${ticketId}/attachments`, undefined, signal),
    select: (d) => d.items,
    enabled: Boolean(ticketId),
  });
}
