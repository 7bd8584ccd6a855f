import type { z } from 'zod';
import type { HistoryList, Message, TicketList } from '@shared/modules/tickets/tickets.schema';

export type { Ticket } from '@shared/modules/tickets/tickets.schema';
export type TicketPage = z.infer<typeof TicketList>;
export type TicketMessage = z.infer<typeof Message>;
export type HistoryEntry = z.infer<typeof HistoryList>['items'][number];

export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => ['tickets', 'list'] as const,
  detail: (ref: string) => ['tickets', 'detail', ref] as const,
  messages: (id: string) => ['tickets', 'messages', id] as const,
  history: (id: string) => ['tickets', 'history', id] as const,
};
