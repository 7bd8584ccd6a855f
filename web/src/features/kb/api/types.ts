import type { z } from 'zod';
import type { Article, ArticleList, AskResponse, VersionList } from '@shared/modules/kb/kb.api.schema';

export type KbArticle = z.infer<typeof Article>;
export type KbArticleSummary = z.infer<typeof ArticleList>['items'][number];
export type KbVersion = z.infer<typeof VersionList>['items'][number];
export type KbAnswer = z.infer<typeof AskResponse>;
export type KbStatus = KbArticle['status'];
export type KbCategory = KbArticle['category'];

export const KB_CATEGORIES: readonly KbCategory[] = ['technical', 'billing', 'general'];

export interface ArticleFilters {
  status?: KbStatus;
  category?: KbCategory;
  q?: string;
}

export const kbKeys = {
  all: ['kb'] as const,
  lists: () => ['kb', 'list'] as const,
  list: (f: ArticleFilters) => ['kb', 'list', f] as const,
  detail: (id: string) => ['kb', 'article', id] as const,
  versions: (id: string) => ['kb', 'versions', id] as const,
  draft: (ref: string) => ['kb', 'draft', ref] as const,
};
