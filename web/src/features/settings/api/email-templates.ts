import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Template, TemplateBody } from '@shared/modules/email/email.schema';
import { api } from '../../../lib/api-client';
import { settingsKeys } from './keys';

export type EmailTemplateView = z.infer<typeof Template>;

export function useEmailTemplates() {
  return useQuery({
    queryKey: settingsKeys.emailTemplates,
    queryFn: ({ signal }) => api.get<{ items: EmailTemplateView[] }>('/api/admin/email-templates', undefined, signal),
    select: (d) => d.items,
  });
}

function useTemplateMutation<V>(fn: (v: V) => Promise<EmailTemplateView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: EmailTemplateView[] }>(settingsKeys.emailTemplates, (d) => d && { items: d.items.map((t) => (t.key === saved.key ? saved : t)) });
    },
  });
}

export function useSaveTemplate() {
  return useTemplateMutation(({ key: k, body }: { key: string; body: TemplateBody }) => api.put<EmailTemplateView>(`/api/admin/email-templates/${k}`, body));
}

export function useResetTemplate() {
  return useTemplateMutation((k: string) => api.delete<EmailTemplateView>(`/api/admin/email-templates/${k}`));
}
