import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassifierInfo, RoutingTableBody } from '@shared/modules/classify/classify.api.schema';
import type { AutoResolvePreview, AutoResolveSettings, PutAutoResolveBody } from '@shared/modules/kb/autoresolve-settings.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type ClassifierInfoData = z.infer<typeof ClassifierInfo>;
export type RoutingTable = z.infer<typeof RoutingTableBody>;

export function useClassifierInfo() {
  return useQuery({ queryKey: settingsKeys.classifier, queryFn: ({ signal }) => api.get<ClassifierInfoData>('/api/admin/classifier', undefined, signal) });
}

export function useSetRouting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (routing: RoutingTable) => api.put<{ routing: RoutingTable }>('/api/admin/classifier/routing', routing),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.classifier });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.queueWarnings });
    },
  });
}

export function useTrainClassifier() {
  return useMutation({ mutationFn: () => api.post<{ status: 'queued' }>('/api/admin/classifier/train', { sample: 1 }) });
}

export function useAutoResolve() {
  return useQuery({ queryKey: settingsKeys.autoresolve, queryFn: ({ signal }) => api.get<AutoResolveSettings>('/api/admin/settings/autoresolve', undefined, signal) });
}

export function useSetAutoResolve() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PutAutoResolveBody) => api.put<AutoResolveSettings>('/api/admin/settings/autoresolve', change),
    onSuccess: (d) => {
      queryClient.setQueryData(settingsKeys.autoresolve, d);
      void queryClient.invalidateQueries({ queryKey: settingsKeys.autoresolvePreviewAll });
    },
  });
}

/** What a threshold and priority limit would have resolved among the last 30 days' tickets. */
export function useAutoResolvePreview(threshold: number | undefined, maxPriority: string | undefined) {
  return useQuery({
    queryKey: settingsKeys.autoresolvePreview(threshold, maxPriority),
    queryFn: ({ signal }) => api.get<AutoResolvePreview>('/api/admin/settings/autoresolve/preview', { threshold, max_priority: maxPriority }, signal),
    enabled: threshold !== undefined,
  });
}
