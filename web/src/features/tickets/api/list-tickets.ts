import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListTicketsQuery } from '@shared/modules/tickets/tickets.schema';
import { api } from '../../../lib/api-client';
import { ticketKeys, type TicketPage } from './types';

export type TicketFilters = Partial<Omit<ListTicketsQuery, 'cursor' | 'limit'>>;

export const PAGE_SIZE = 25;

export function useTicketList(filters: TicketFilters) {
  return useInfiniteQuery({
    queryKey: [...ticketKeys.lists(), filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<TicketPage>('/api/tickets', { ...filters, status: filters.status?.join(','), limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
