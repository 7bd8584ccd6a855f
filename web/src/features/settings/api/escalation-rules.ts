import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateRuleBody, Rule, UpdateRuleBody } from '@shared/modules/escalation/rules.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type EscalationRule = z.infer<typeof Rule>;

export function useEscalationRules() {
  return useQuery({
    queryKey: settingsKeys.escalationRules,
    queryFn: ({ signal }) => api.get<{ items: EscalationRule[] }>('/api/admin/escalation-rules', undefined, signal),
    select: (d) => d.items,
  });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateRuleBody | UpdateRuleBody }) =>
      id ? api.patch<EscalationRule>(`/api/admin/escalation-rules/${id}`, body) : api.post<EscalationRule>('/api/admin/escalation-rules', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.escalationRules });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.queueWarnings });
    },
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/admin/escalation-rules/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.escalationRules });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.queueWarnings });
    },
  });
}
