import { CreateArticleBody } from '@shared/modules/kb/kb.api.schema';
import type { KbArticle, KbCategory } from './api/types';

export interface ArticleFormValues {
  title: string;
  body: string;
  category: KbCategory;
  tags: string[];
}

export const EMPTY_ARTICLE: ArticleFormValues = { title: '', body: '', category: 'general', tags: [] };

export function formValuesOf(a: KbArticle): ArticleFormValues {
  return { title: a.title, body: a.body, category: a.category, tags: a.tags };
}

// zod's length messages ("Too small: expected string to have >=3 characters") are for developers.
function friendly(issue: { code: string; message: string; origin?: string; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return `At least ${String(issue.minimum)} characters`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${String(issue.maximum)} characters`;
  return issue.message;
}

/** The server's own rules (title 3–200, body ≥ 20 characters …), checked before sending: field → first message. */
export function articleFormErrors(values: ArticleFormValues): Record<string, string> {
  const parsed = CreateArticleBody.safeParse(values);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= friendly(issue);
  }
  return out;
}

/** Only what changed, so an unchanged body does not make a new version; null when nothing changed. */
export function articleChanges(before: ArticleFormValues, after: ArticleFormValues): Partial<ArticleFormValues> | null {
  const changes: Partial<ArticleFormValues> = {};
  if (after.title.trim() !== before.title) changes.title = after.title.trim();
  if (after.body.trim() !== before.body) changes.body = after.body.trim();
  if (after.category !== before.category) changes.category = after.category;
  if (after.tags.join('\n') !== before.tags.join('\n')) changes.tags = after.tags;
  return Object.keys(changes).length ? changes : null;
}
