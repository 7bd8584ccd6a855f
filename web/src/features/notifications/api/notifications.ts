import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Notification, NotificationList } from '@shared/modules/notifications/notifications.schema';
import { api } from '../../../lib/api-client';

export type AppNotification = z.infer<typeof Notification>;
type List = z.infer<typeof NotificationList>;

const keys = { all: ['notifications'] as const };
const POLL_MS = 30_000;

export function useNotifications() {
  return useQuery({
    queryKey: keys.all,
    queryFn: ({ signal }) => api.get<List>('/api/notifications', { limit: 30 }, signal),
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AppNotification>(`/api/notifications/${id}/read`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all', {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
