import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateTaskBody, Progress as ProgressSchema, Task, UpdateTaskBody } from '@shared/modules/tasks/tasks.schema';
import type { Activity as ActivitySchema } from '@shared/modules/tasks/tasks.schema';
import { api } from '../../../lib/api-client';

export type { Task };
export type Activity = z.infer<typeof ActivitySchema>;
export type Progress = z.infer<typeof ProgressSchema>;

export interface TaskFilters {
  assignee?: string;
  overdue?: boolean;
  meeting_id?: string;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: TaskFilters) => ['tasks', 'list', f] as const,
  activity: (id: string) => ['tasks', 'activity', id] as const,
  progress: ['tasks', 'progress'] as const,
};

export function useTasks(filters: TaskFilters, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ signal }) => api.get<{ items: Task[]; total: number }>('/api/tasks', { ...filters, overdue: filters.overdue ? 'true' : undefined, limit: 200 }, signal),
    enabled: opts.enabled ?? true,
  });
}

export function useTaskActivity(id: string | null) {
  return useQuery({
    queryKey: taskKeys.activity(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Activity[] }>(`/api/tasks/${id}/activity`, undefined, signal),
    select: (d) => d.items,
    enabled: id !== null,
  });
}

export function useTaskProgress() {
  return useQuery({
    queryKey: taskKeys.progress,
    queryFn: ({ signal }) => api.get<Progress>('/api/tasks/progress', undefined, signal),
    select: (d) => d.items,
    refetchInterval: 60_000,
  });
}

const refresh = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: taskKeys.all });

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: CreateTaskBody) => api.post<Task>('/api/tasks', body), onSuccess: () => refresh(queryClient) });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskBody }) => api.patch<Task>(`/api/tasks/${id}`, body),
    onSettled: () => refresh(queryClient),
  });
}

export function useCommentOnTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<Activity>(`/api/tasks/${id}/comments`, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: taskKeys.activity(id) }),
  });
}

/** A ticket by its number, to link a task to it (tasks store the ticket's id). */
export const findTicketByNumber = (n: number) => api.get<{ id: string; number: number; subject: string }>(`/api/tickets/${n}`);
