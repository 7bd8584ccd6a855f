import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Conflict, CreateMeetingBody, Meeting, UpdateMeetingBody } from '@shared/modules/meetings/meetings.schema';
import type { AttendeeResponse } from '@shared/modules/meetings/meeting-fields';
import type { CalendarToken as CalendarTokenSchema, Slot as SlotSchema } from '@shared/modules/meetings/meetings.schema';
import { api, ApiError } from '../../../lib/api-client';

export type { Conflict, Meeting };
export type Slot = z.infer<typeof SlotSchema>;
export type CalendarToken = z.infer<typeof CalendarTokenSchema>;

export const meetingKeys = {
  all: ['meetings'] as const,
  range: (from: string, to: string) => ['meetings', 'range', from, to] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  slots: (q: FreeSlotsParams) => ['meetings', 'free-slots', q] as const,
};

export function useMeetings(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: meetingKeys.range(range?.from ?? '', range?.to ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Meeting[] }>('/api/meetings', { from: range!.from, to: range!.to }, signal),
    select: (d) => d.items,
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/** The stored row (for a series: its first occurrence), needed to move a whole series by an offset. */
export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Meeting>(`/api/meetings/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export interface FreeSlotsParams {
  attendees: string[];
  duration: number;
  from: string;
  to: string;
  limit?: number;
}

export function useFreeSlots(q: FreeSlotsParams | null) {
  return useQuery({
    queryKey: meetingKeys.slots(q ?? { attendees: [], duration: 0, from: '', to: '' }),
    queryFn: ({ signal }) =>
      api.get<Slot[]>('/api/meetings/free-slots', { attendees: q!.attendees.join(',') || 'me', duration: q!.duration, from: q!.from, to: q!.to, limit: q!.limit ?? 60 }, signal),
    enabled: q !== null,
    staleTime: 0,
  });
}

/** The meetings a 409 CONFLICT answer lists, or null for any other failure. */
export function conflictsOf(err: unknown): Conflict[] | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.code !== 'CONFLICT') return null;
  const details = err.details as { conflicts?: Conflict[] } | undefined;
  return Array.isArray(details?.conflicts) ? details.conflicts : null;
}

function useMeetingMutation<V>(fn: (v: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }) });
}

export const useCreateMeeting = () => useMeetingMutation((body: CreateMeetingBody) => api.post<Meeting>('/api/meetings', body));
export const useUpdateMeeting = () => useMeetingMutation(({ id, body }: { id: string; body: UpdateMeetingBody }) => api.patch<Meeting>(`/api/meetings/${id}`, body));
export const useCancelMeeting = () =>
  useMeetingMutation(({ id, occurrenceStart }: { id: string; occurrenceStart?: string }) =>
    api.delete<Meeting>(occurrenceStart ? `/api/meetings/${id}?occurrence_start=${encodeURIComponent(occurrenceStart)}` : `/api/meetings/${id}`),
  );
export const useRespond = () =>
  useMeetingMutation(({ id, response }: { id: string; response: AttendeeResponse }) => api.post<Meeting>(`/api/meetings/${id}/response`, { response }));

export const icsUrl = (id: string) => `/api/meetings/${id}/ics`;

export function useRotateCalendarToken() {
  return useMutation({ mutationFn: () => api.post<CalendarToken>('/api/me/calendar-token') });
}

export function useRevokeCalendarToken() {
  return useMutation({ mutationFn: () => api.delete<void>('/api/me/calendar-token') });
}
