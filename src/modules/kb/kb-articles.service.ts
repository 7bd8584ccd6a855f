import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { auditChange, type AuditBy } from '../audit';
import type { CreateArticleBody, UpdateArticleBody } from './kb.api.schema';
import type { KbContext } from './kb.context';
import { findArticle, findArticles, findVersions, insertArticle, insertVersion, setChunkKeywords, slugTaken, updateArticleRow } from './kb.queries';
import type { KbArticleRow, KbStatus } from './kb.table';
import { REINDEX_JOB } from './kb-index.service';
import { toArticle } from './kb-view';
import { stampChangedIn } from './kb-search.service';
import { slugify } from './front-matter';

const authorOf = (actor: Actor) => (actor.type === 'user' ? actor.id : null);

// What the audit log keeps of an article: its fields, not its text (the versions table keeps every text).
const audited = (a: KbArticleRow) => ({ slug: a.slug, title: a.title, category: a.category, tags: a.tags, status: a.status, version: a.version, deleted: a.deletedAt !== null });

async function auditArticle(ctx: KbContext, tx: Db, by: AuditBy, action: string, before: KbArticleRow | null, after: KbArticleRow | null) {
  const id = (after ?? before)!.id;
  await auditChange(ctx, tx, by, { action, targetType: 'kb_article', targetId: id, before: before && audited(before), after: after && audited(after) });
}

async function uniqueSlug(tx: Db, wanted: string): Promise<string> {
  const base = slugify(wanted).slice(0, 100) || 'article';
  if (!(await slugTaken(tx, base))) return base;
  return `${base}-${randomBytes(3).toString('hex')}`;
}

async function enqueueReindex(ctx: KbContext, tx: Db, a: KbArticleRow) {
  await ctx.jobs.enqueue(tx, REINDEX_JOB, { articleId: a.id, version: a.version }, { singletonKey: `${a.id}:${a.version}` });
}

export async function createArticle(ctx: KbContext, by: AuditBy, input: CreateArticleBody) {
  const { actor } = by;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    if (input.slug && (await slugTaken(tx, input.slug))) throw new AppError('CONFLICT', `The slug "${input.slug}" is taken.`);
    const article = await insertArticle(tx, {
      slug: input.slug ?? (await uniqueSlug(tx, input.title)),
      title: input.title,
      body: input.body,
      category: input.category,
      tags: input.tags,
      status: input.status,
      authorId: authorOf(actor),
      createdAt: now,
      updatedAt: now,
      publishedAt: input.status === 'published' ? now : null,
    });
    await insertVersion(tx, { articleId: article.id, version: 1, title: article.title, body: article.body, authorId: article.authorId, createdAt: now });
    await enqueueReindex(ctx, tx, article);
    await auditArticle(ctx, tx, by, 'kb_article.created', null, article);
    return article;
  });
  // Its chunks are made by a job: wake the job runner rather than leave the article unsearchable until its poll.
  ctx.jobs.wake();
  await ctx.events.emit('kb.changed', { articleId: row.id });
  return toArticle(row);
}

export async function updateArticle(ctx: KbContext, by: AuditBy, ref: string, input: UpdateArticleBody) {
  const { actor } = by;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findArticle(tx, ref, { lock: true });
    if (!before) throw new AppError('NOT_FOUND', 'Article not found.');
    const contentChanged = (input.title !== undefined && input.title !== before.title) || (input.body !== undefined && input.body !== before.body);
    const version = contentChanged ? before.version + 1 : before.version;
    const after = await updateArticleRow(tx, before.id, { ...input, version, updatedAt: now });
    if (contentChanged) {
      await insertVersion(tx, { articleId: after.id, version, title: after.title, body: after.body, authorId: authorOf(actor), createdAt: now });
      await enqueueReindex(ctx, tx, after);
    } else if (input.tags !== undefined && input.tags.join(', ') !== before.tags.join(', ')) {
      // Tags are search words of every chunk: a tags-only edit updates them without re-chunking.
      await setChunkKeywords(tx, after.id, after.tags.join(', '));
    }
    await stampChangedIn(ctx, tx);
    await auditArticle(ctx, tx, by, 'kb_article.updated', before, after);
    return after;
  });
  // Tags, title and category are part of what retrieval remembers of each chunk (other processes drop it
  // with the knowledge base's stamp when the transaction commits).
  ctx.kb.changed();
  ctx.jobs.wake();
  await ctx.events.emit('kb.changed', { articleId: row.id });
  return toArticle(row);
}

export async function setArticleStatus(ctx: KbContext, by: AuditBy, ref: string, status: KbStatus) {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findArticle(tx, ref, { lock: true });
    if (!before) throw new AppError('NOT_FOUND', 'Article not found.');
    if (before.status === status) return before;
    const after = await updateArticleRow(tx, before.id, { status, updatedAt: now, ...(status === 'published' ? { publishedAt: now } : {}) });
    await stampChangedIn(ctx, tx);
    await auditArticle(ctx, tx, by, status === 'published' ? 'kb_article.published' : 'kb_article.unpublished', before, after);
    return after;
  });
  ctx.kb.changed();
  await ctx.events.emit('kb.changed', { articleId: row.id });
  return toArticle(row);
}

// Soft delete: the article and its versions stay for the record; its chunks go so it never surfaces.
export async function deleteArticle(ctx: KbContext, by: AuditBy, ref: string) {
  const now = ctx.clock.now();
  const articleId = await ctx.db.transaction(async (tx) => {
    const before = await findArticle(tx, ref, { lock: true });
    if (!before) throw new AppError('NOT_FOUND', 'Article not found.');
    const after = await updateArticleRow(tx, before.id, { deletedAt: now, status: 'draft', updatedAt: now });
    await enqueueReindex(ctx, tx, before);
    await stampChangedIn(ctx, tx);
    await auditArticle(ctx, tx, by, 'kb_article.deleted', before, after);
    return before.id;
  });
  ctx.kb.changed();
  ctx.jobs.wake();
  await ctx.events.emit('kb.changed', { articleId });
}

export async function getArticle(ctx: KbContext, ref: string) {
  const row = await findArticle(ctx.db, ref);
  if (!row) throw new AppError('NOT_FOUND', 'Article not found.');
  return toArticle(row);
}

export async function listArticles(ctx: KbContext, q: Parameters<typeof findArticles>[1]) {
  const { items, total } = await findArticles(ctx.db, q);
  return { items: items.map((a) => toArticle(a)), total };
}

export async function listVersions(ctx: KbContext, ref: string) {
  const article = await findArticle(ctx.db, ref);
  if (!article) throw new AppError('NOT_FOUND', 'Article not found.');
  const rows = await findVersions(ctx.db, article.id);
  return {
    items: rows.map((v) => ({ version: v.version, title: v.title, body: v.body, author_id: v.authorId, created_at: v.createdAt.toISOString() })),
  };
}

export async function getPublishedArticle(ctx: KbContext, slug: string) {
  const a = await findArticle(ctx.db, slug);
  if (!a || a.status !== 'published') throw new AppError('NOT_FOUND', 'Article not found.');
  return { slug: a.slug, title: a.title, body: a.body, category: a.category, updated_at: a.updatedAt.toISOString() };
}
