import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AdminSla, Calendar, CreateCalendarBody, UpdateCalendarBody, UpdateSlaBody } from '@shared/modules/sla/sla-admin.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type AdminSlaRow = z.infer<typeof AdminSla>;
export type BusinessCalendar = z.infer<typeof Calendar>;

export function useAdminSlas() {
  return useQuery({ queryKey: settingsKeys.slas, queryFn: ({ signal }) => api.get<{ items: AdminSlaRow[] }>('/api/admin/slas', undefined, signal), select: (d) => d.items });
}

export function useUpdateSla() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSlaBody }) => api.patch<AdminSlaRow>(`/api/admin/slas/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.slas });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.slaOptions });
    },
  });
}

export function useCalendars() {
  return useQuery({
    queryKey: settingsKeys.calendars,
    queryFn: ({ signal }) => api.get<{ items: BusinessCalendar[] }>('/api/admin/calendars', undefined, signal),
    select: (d) => d.items,
  });
}

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateCalendarBody | UpdateCalendarBody }) =>
      id ? api.patch<BusinessCalendar>(`/api/admin/calendars/${id}`, body) : api.post<BusinessCalendar>('/api/admin/calendars', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.calendars });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.slas });
    },
  });
}

export function useDeleteCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/admin/calendars/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.calendars }),
  });
}
