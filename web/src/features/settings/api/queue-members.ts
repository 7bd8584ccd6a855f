import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export const ASSIGNMENT_MODES = ['none', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

// The shape of GET /api/admin/queues/:id/members (escalation.schema.ts imports tables, so it is restated here).
export interface QueueMembers {
  queue_id: string;
  assignment: AssignmentMode;
  members: { user_id: string; name: string; email: string; role: string; active: boolean; open_tickets: number; last_assigned_at: string | null }[];
}

export function useQueueMembers(queueId: string) {
  return useQuery({ queryKey: settingsKeys.queueMembers(queueId), queryFn: ({ signal }) => api.get<QueueMembers>(`/api/admin/queues/${queueId}/members`, undefined, signal) });
}

export function useSetQueueMembers(queueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { user_ids?: string[]; assignment?: AssignmentMode }) => api.put<QueueMembers>(`/api/admin/queues/${queueId}/members`, body),
    onSuccess: (d) => {
      queryClient.setQueryData(settingsKeys.queueMembers(queueId), d);
      void queryClient.invalidateQueries({ queryKey: settingsKeys.queueWarnings });
    },
  });
}
