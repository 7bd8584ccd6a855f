import { z } from 'zod';

const Category = z.enum(['technical', 'billing', 'general']);
const Tags = z.array(z.string().trim().min(1).max(50)).max(20);
const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes').max(120);

export const CreateArticleBody = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(20).max(500_000),
  slug: Slug.optional(),
  category: Category.default('general'),
  tags: Tags.default([]),
  status: z.enum(['draft', 'published']).default('draft'),
});
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

export const UpdateArticleBody = z
  .object({ title: z.string().trim().min(3).max(200), body: z.string().trim().min(20).max(500_000), category: Category, tags: Tags })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

export const ArticleRef = z.object({ id: z.string().min(1).max(120) });

export const ListArticlesQuery = z.object({
  status: z.enum(['draft', 'published']).optional(),
  category: Category.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const Article = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'published']),
  category: Category,
  tags: z.array(z.string()),
  version: z.number(),
  indexed: z.boolean(),
  author_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
});
export const ArticleList = z.object({ items: z.array(Article.omit({ body: true })), total: z.number() });
export const VersionList = z.object({
  items: z.array(z.object({ version: z.number(), title: z.string(), body: z.string(), author_id: z.string().nullable(), created_at: z.string() })),
});

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(500), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const SearchResult = z.object({
  chunk_id: z.string(),
  article_id: z.string(),
  slug: z.string(),
  title: z.string(),
  heading_path: z.array(z.string()),
  snippet: z.string(),
  score: z.number(),
  scores: z.object({ fulltext: z.number().nullable(), vector: z.number().nullable() }),
});
export const SearchResponse = z.object({ mode: z.enum(['hybrid', 'fulltext']), query: z.string(), items: z.array(SearchResult) });

export const AskBody = z.object({ question: z.string().trim().min(3).max(5000) });
export const AskCitation = z.object({ article_id: z.string(), slug: z.string(), title: z.string(), chunk_id: z.string(), score: z.number(), snippet: z.string() });
export const AskResponse = z.object({
  answer: z.string().nullable(),
  confidence: z.number(),
  mode: z.enum(['llm', 'extractive']),
  retrieval: z.enum(['hybrid', 'fulltext']),
  citations: z.array(AskCitation),
  /** Whether the cited article speaks about everything the question asks, and the answer states the kind of fact asked for; auto-resolve needs it. */
  scope: z
    .object({
      covered: z.boolean(),
      unknown_terms: z.array(z.string()),
      missing_terms: z.array(z.string()),
      asks: z.enum(['duration', 'quantity', 'place', 'other']),
      states_asked_fact: z.boolean(),
    })
    .optional(),
});
export type AskResponse = z.infer<typeof AskResponse>;

export const PublicSearchResponse = z.object({
  items: z.array(z.object({ slug: z.string(), title: z.string(), snippet: z.string() })),
});
export const PublicArticle = z.object({ slug: z.string(), title: z.string(), body: z.string(), category: Category, updated_at: z.string() });
