import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { systemActor, type Actor } from '../../core/rbac';
import type { ArticleDraft } from './article-draft.schema';
import { readArticleDirectory } from './article-files';
import { csvToArticles } from './csv';
import { parseArticleMarkdown, slugify } from './front-matter';
import { htmlToMarkdownish } from './html-to-markdown';
import type { KbContext } from './kb.context';
import { findArticle, slugTaken } from './kb.queries';
import { createArticle, setArticleStatus, updateArticle } from './kb-articles.service';
import { embedAllMissing, indexArticle } from './kb-index.service';

export async function readDrafts(path: string): Promise<ArticleDraft[]> {
  if ((await stat(path)).isDirectory()) return readArticleDirectory(path);
  const text = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return csvToArticles(text).articles;
  if (ext === '.html' || ext === '.htm') {
    const title = /<title>([^<]+)<\/title>/i.exec(text)?.[1]?.trim() ?? basename(path, ext);
    return [{ slug: slugify(title) || 'article', title, category: 'general', tags: [], body: htmlToMarkdownish(text) }];
  }
  return [parseArticleMarkdown(text, slugify(basename(path, ext)))];
}

export interface ImportProgress {
  total: number;
  done: number;
  stage: 'articles' | 'embeddings';
}

// Articles are written and chunked first; embeddings are filled in one pass after (HNSW rebuilt once).
export async function importArticles(
  ctx: KbContext,
  drafts: ArticleDraft[],
  opts: { actor?: Actor; publish?: boolean; onProgress?: (p: ImportProgress) => void } = {},
) {
  const actor = opts.actor ?? systemActor;
  let created = 0;
  let updated = 0;
  for (const [i, d] of drafts.entries()) {
    const existing = (await slugTaken(ctx.db, d.slug)) ? await findArticle(ctx.db, d.slug) : null;
    const article = existing
      ? await updateArticle(ctx, { actor }, existing.id, { title: d.title, body: d.body, category: d.category, tags: d.tags })
      : await createArticle(ctx, { actor }, { ...d, status: opts.publish === false ? 'draft' : 'published' });
    if (existing && opts.publish !== false) await setArticleStatus(ctx, { actor }, article.id, 'published');
    if (existing) updated += 1;
    else created += 1;
    // Chunk now so the import is searchable at once; the queued re-index job then finds nothing to do.
    await indexArticle(ctx, article.id, { embed: false });
    opts.onProgress?.({ total: drafts.length, done: i + 1, stage: 'articles' });
  }
  const embedded = await embedAllMissing(ctx, (done) => opts.onProgress?.({ total: done, done, stage: 'embeddings' }));
  return { created, updated, embedded };
}
