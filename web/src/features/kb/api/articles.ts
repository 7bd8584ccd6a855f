import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateArticleBody, UpdateArticleBody } from '@shared/modules/kb/kb.api.schema';
import { api } from '../../../lib/api-client';
import { kbKeys, type ArticleFilters, type KbArticle, type KbArticleSummary, type KbVersion } from './types';

export function useArticles(filters: ArticleFilters) {
  return useQuery({
    queryKey: kbKeys.list(filters),
    queryFn: ({ signal }) => api.get<{ items: KbArticleSummary[]; total: number }>('/api/kb/articles', { ...filters, limit: 100 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({
    queryKey: kbKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<KbArticle>(`/api/kb/articles/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
    // A saved version is re-indexed by a background job: follow it until search uses it.
    refetchInterval: (query) => (query.state.data && !query.state.data.indexed ? 1500 : false),
  });
}

export function useArticleVersions(id: string | undefined) {
  return useQuery({
    queryKey: kbKeys.versions(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: KbVersion[] }>(`/api/kb/articles/${id}/versions`, undefined, signal),
    select: (d) => d.items,
    enabled: !!id,
  });
}

function useStoreArticle() {
  const queryClient = useQueryClient();
  return (article: KbArticle) => {
    queryClient.setQueryData(kbKeys.detail(article.id), article);
    void queryClient.invalidateQueries({ queryKey: kbKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: kbKeys.versions(article.id) });
  };
}

export function useCreateArticle() {
  const store = useStoreArticle();
  return useMutation({ mutationFn: (body: CreateArticleBody) => api.post<KbArticle>('/api/kb/articles', body), onSuccess: store });
}

export function useUpdateArticle(id: string) {
  const store = useStoreArticle();
  return useMutation({ mutationFn: (body: UpdateArticleBody) => api.patch<KbArticle>(`/api/kb/articles/${id}`, body), onSuccess: store });
}

export function useSetArticleStatus(id: string) {
  const store = useStoreArticle();
  return useMutation({
    mutationFn: (action: 'publish' | 'unpublish') => api.post<KbArticle>(`/api/kb/articles/${id}/${action}`),
    onSuccess: store,
  });
}

export function useDeleteArticle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<null>(`/api/kb/articles/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: kbKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: kbKeys.lists() });
    },
  });
}

/** My unsaved edits of an article, kept on the server while I typed (null when there are none). */
export function useArticleDraft(ref: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: kbKeys.draft(ref ?? ''),
    queryFn: ({ signal }) => api.get<{ draft: { updated_at: string } | null }>(`/api/kb/drafts/${encodeURIComponent(ref!)}`, undefined, signal),
    enabled: enabled && !!ref,
    select: (d) => d.draft,
  });
}
