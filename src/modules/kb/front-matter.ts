import matter from 'gray-matter';
import { ArticleDraft } from './article-draft.schema';
import { normalizeText } from './text-analysis';

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  body: string;
}

function toValue(value: unknown): FrontMatterValue | undefined {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(toValue(v) ?? ''));
  // YAML reads `2024-05-01` as a date and `5` as a number; an article field is text.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return [];
  return undefined; // nested maps are not article fields
}

/**
 * The YAML block between leading `---` lines (gray-matter). Scalars are read as text and
 * lists as lists of text; nested maps are ignored. Without a closed front matter block the
 * whole source is the body. Invalid YAML throws an error that names the problem.
 */
export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0].trim() !== '---' || !lines.slice(1).some((line) => line.trim() === '---')) return { data: {}, body: text };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object each time keeps gray-matter from answering from its cache.
    parsed = matter(text, {});
  } catch (err) {
    throw new Error(`Front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const data: Record<string, FrontMatterValue> = {};
  for (const [key, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    const v = toValue(value);
    if (v !== undefined) data[key] = v;
  }
  return { data, body: parsed.content.replace(/^\n+/, '') };
}

export function slugify(text: string): string {
  const slug = normalizeText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '');
  return slug || 'article';
}

function firstHeading(body: string): string | undefined {
  return /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
}

/** A Markdown article with front matter (title, category, tags) → validated draft; throws ZodError when invalid. */
export function parseArticleMarkdown(source: string, slug?: string): ArticleDraft {
  const { data, body } = parseFrontMatter(source);
  const title = typeof data.title === 'string' ? data.title : firstHeading(body);
  const tags = Array.isArray(data.tags) ? data.tags : typeof data.tags === 'string' ? [data.tags] : [];
  return ArticleDraft.parse({
    slug: slug ?? slugify(title ?? ''),
    title,
    category: data.category,
    tags,
    body,
  });
}
