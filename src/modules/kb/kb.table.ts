import { sql, type SQL } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type KbStatus = 'draft' | 'published';

export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<KbStatus>().notNull().default('draft'),
    category: text('category').$type<'technical' | 'billing' | 'general'>().notNull().default('general'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    indexedVersion: integer('indexed_version'),
  },
  (t) => [index('kb_articles_status_idx').on(t.status, t.updatedAt)],
);

// Every saved version is kept, so an edit can be reviewed or rolled back.
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('kb_article_versions_uq').on(t.articleId, t.version)],
);

export const kbChunks = pgTable(
  'kb_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    headingPath: text('heading_path').array().notNull(),
    heading: text('heading').notNull(),
    text: text('text').notNull(),
    /** The article's tags, the author's own search words ("vacation" on an article about time off); searched like a heading. */
    keywords: text('keywords').notNull().default(''),
    tokenCount: integer('token_count').notNull(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${kbChunks.heading}), 'A') || setweight(to_tsvector('english', ${kbChunks.keywords}), 'A') || setweight(to_tsvector('english', ${kbChunks.text}), 'B')`,
    ),
  },
  (t) => [index('kb_chunks_article_idx').on(t.articleId, t.ordinal), index('kb_chunks_search_idx').using('gin', t.searchVector)],
);

export type KbArticleRow = typeof kbArticles.$inferSelect;
export type KbChunkRow = typeof kbChunks.$inferSelect;
