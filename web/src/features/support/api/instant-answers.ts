import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicArticle, PublicSearchResponse } from '@shared/modules/kb/kb.api.schema';
import { api } from '../../../lib/api-client';

export type InstantAnswer = z.infer<typeof PublicSearchResponse>['items'][number];
export type PublicArticle = z.infer<typeof PublicArticle>;

/** Searching needs a few words: a subject like "Login" alone matches half the knowledge base. */
export const MIN_QUERY_CHARS = 12;

export function useInstantAnswers(query: string) {
  const q = query.trim().replace(/\s+/g, ' ').slice(0, 500);
  return useQuery({
    queryKey: ['support', 'instant-answers', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof PublicSearchResponse>>('/api/public/kb/search', { q, limit: 3 }, signal),
    select: (d) => d.items,
    enabled: q.length >= MIN_QUERY_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePublicArticle(slug: string | null) {
  return useQuery({
    queryKey: ['support', 'article', slug],
    queryFn: ({ signal }) => api.get<PublicArticle>(`/api/public/kb/articles/${encodeURIComponent(slug!)}`, undefined, signal),
    enabled: slug !== null,
    staleTime: 5 * 60_000,
  });
}
