import type { QueryClient } from '@tanstack/react-query';
import { dashboardKeys } from '../features/dashboard/api/get-dashboard';
import { healthKeys } from '../features/system/api/health';
import { ticketKeys } from '../features/tickets/api/types';
import { linkDataChanges } from '../lib/data-changes';
import { createQueryClient } from '../lib/query-client';

// Which features' data a change in another feature makes stale: a ticket change moves the
// dashboard's counts, a mailbox change the health page's mail status, a queue renamed or archived
// (its tickets moved) the ticket lists and the dashboard.
export function createAppQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  linkDataChanges(queryClient, { tickets: [dashboardKeys.all], mailboxes: [healthKeys.all], queues: [ticketKeys.all, dashboardKeys.all] });
  return queryClient;
}
