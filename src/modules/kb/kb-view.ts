import type { KbArticleRow } from './kb.table';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toArticle(a: KbArticleRow) {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    body: a.body,
    status: a.status,
    category: a.category,
    tags: a.tags,
    version: a.version,
    indexed: a.indexedVersion === a.version,
    author_id: a.authorId,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    published_at: iso(a.publishedAt),
  };
}
