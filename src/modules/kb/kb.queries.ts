import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../core/db';
import { kbArticles, kbArticleVersions, kbChunks, type KbArticleRow, type KbStatus } from './kb.table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findArticle(db: Db, ref: string, opts: { lock?: boolean } = {}): Promise<KbArticleRow | null> {
  const where = and(UUID.test(ref) ? eq(kbArticles.id, ref) : eq(kbArticles.slug, ref), isNull(kbArticles.deletedAt));
  const q = db.select().from(kbArticles).where(where);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.slug, slug));
  return Boolean(row);
}

export async function insertArticle(db: Db, values: typeof kbArticles.$inferInsert): Promise<KbArticleRow> {
  const [row] = await db.insert(kbArticles).values(values).returning();
  return row!;
}

export async function updateArticleRow(db: Db, id: string, values: Partial<typeof kbArticles.$inferInsert>): Promise<KbArticleRow> {
  const [row] = await db.update(kbArticles).set(values).where(eq(kbArticles.id, id)).returning();
  return row!;
}

export async function insertVersion(db: Db, values: typeof kbArticleVersions.$inferInsert): Promise<void> {
  await db.insert(kbArticleVersions).values(values);
}

export async function findVersions(db: Db, articleId: string) {
  return db.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, articleId)).orderBy(desc(kbArticleVersions.version));
}

export async function findArticles(db: Db, f: { status?: KbStatus; category?: string; q?: string; limit: number; offset: number }) {
  const where: SQL[] = [isNull(kbArticles.deletedAt)];
  if (f.status) where.push(eq(kbArticles.status, f.status));
  if (f.category) where.push(eq(kbArticles.category, f.category as KbArticleRow['category']));
  if (f.q) where.push(or(ilike(kbArticles.title, `%${f.q}%`), ilike(kbArticles.body, `%${f.q}%`))!);
  const [items, [total]] = await Promise.all([
    db.select().from(kbArticles).where(and(...where)).orderBy(asc(kbArticles.title), asc(kbArticles.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(kbArticles).where(and(...where)),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export interface NewChunk {
  ordinal: number;
  headingPath: string[];
  text: string;
  tokenCount: number;
}

/** `keywords`: the article's tags, searched with every chunk of it. */
export async function replaceChunks(db: Db, articleId: string, chunks: NewChunk[], keywords = ''): Promise<{ id: string; text: string }[]> {
  await db.delete(kbChunks).where(eq(kbChunks.articleId, articleId));
  if (chunks.length === 0) return [];
  return db
    .insert(kbChunks)
    .values(chunks.map((c) => ({ articleId, ordinal: c.ordinal, headingPath: c.headingPath, heading: c.headingPath.join(' > '), text: c.text, keywords, tokenCount: c.tokenCount })))
    .returning({ id: kbChunks.id, text: kbChunks.text });
}

export async function setChunkKeywords(db: Db, articleId: string, keywords: string): Promise<void> {
  await db.update(kbChunks).set({ keywords }).where(eq(kbChunks.articleId, articleId));
}

export async function deleteChunks(db: Db, articleId: string): Promise<void> {
  await db.delete(kbChunks).where(eq(kbChunks.articleId, articleId));
}

export interface ChunkHit {
  chunk_id: string;
  article_id: string;
  slug: string;
  title: string;
  category: string;
  heading_path: string[];
  text: string;
  /** The article's tags (`kb_chunks.keywords`). */
  keywords: string;
}

/**
 * Highlighted excerpts of the given chunks for a search results list, with PostgreSQL's full-text rank (null
 * when its stemming finds none of the words). `ts_headline` re-reads the whole text, so it runs for the hits
 * shown, not for every candidate (it was most of a search's time).
 */
export async function chunkHeadlines(db: Db, websearch: string, ids: string[]): Promise<Map<string, { snippet: string; rank: number | null }>> {
  if (ids.length === 0 || !websearch.trim()) return new Map();
  const rows = await queryRows<{ id: string; snippet: string; rank: number | null }>(
    db,
    sql`with q as materialized (select websearch_to_tsquery('english', ${websearch}) as query)
        select c.id, ts_headline('english', c.text, q.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2') as snippet,
               case when c.search_vector @@ q.query then ts_rank_cd(c.search_vector, q.query, 1) end as rank
        from kb_chunks c, q where c.id in ${sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`}`,
  );
  return new Map(rows.map((r) => [r.id, { snippet: r.snippet, rank: r.rank === null ? null : Number(r.rank) }]));
}

export async function findChunkHits(db: Db, ids: string[]): Promise<ChunkHit[]> {
  if (ids.length === 0) return [];
  return queryRows(
    db,
    sql`select c.id as chunk_id, a.id as article_id, a.slug, a.title, a.category, c.heading_path, c.text, c.keywords
        from kb_chunks c join kb_articles a on a.id = c.article_id
        where c.id in ${sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`} and a.status = 'published' and a.deleted_at is null`,
  );
}

export async function chunkStamp(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: number; v: string | null; h: string }>(
    db,
    // Re-chunking makes new chunk ids; tags, category and status change in place: all go into the checksum.
    sql`select count(*)::int as n, max(a.updated_at)::text as v,
               coalesce(sum(hashtext(c.id::text || c.keywords || a.version || a.status || a.category)::bigint), 0)::text as h
        from kb_chunks c join kb_articles a on a.id = c.article_id`,
  );
  return `${row?.n ?? 0}:${row?.v ?? ''}:${row?.h ?? ''}`;
}

/** Id, text and keywords of every chunk of a published article: the corpus retrieval counts and indexes. */
export async function publishedChunks(db: Db): Promise<{ id: string; text: string; keywords: string }[]> {
  return queryRows(
    db,
    sql`select c.id, c.text, c.keywords from kb_chunks c join kb_articles a on a.id = c.article_id
        where a.status = 'published' and a.deleted_at is null order by c.id`,
  );
}

/** Title and body of every published article (the voice channel learns its words from them). */
export async function findPublishedArticleTexts(db: Db): Promise<{ title: string; body: string }[]> {
  return db
    .select({ title: kbArticles.title, body: kbArticles.body })
    .from(kbArticles)
    .where(and(eq(kbArticles.status, 'published'), isNull(kbArticles.deletedAt)))
    .orderBy(asc(kbArticles.id));
}
