import { ArticleDraft } from './article-draft.schema';
import { normalizeText } from './text-analysis';

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  body: string;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

function parseValue(raw: string): FrontMatterValue {
  const value = raw.trim();
  if (value.startsWith('[') && value.endsWith(']')) {
    return value
      .slice(1, -1)
      .split(',')
      .map(unquote)
      .filter(Boolean);
  }
  return unquote(value);
}

/**
 * Parse the YAML-ish block between leading `---` lines: `key: value`,
 * `key: [a, b]`, or `key:` followed by `- item` lines. No nesting, no
 * multi-line strings; anything else is ignored. Without front matter the
 * whole source is the body.
 */
export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0].trim() !== '---') return { data: {}, body: text };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) return { data: {}, body: text };

  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  for (const line of lines.slice(1, end)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = data[listKey];
      data[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1])];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (!pair) continue;
    const [, key, rawValue] = pair;
    listKey = rawValue.trim() ? null : key;
    data[key] = rawValue.trim() ? parseValue(rawValue) : [];
  }
  return { data, body: lines.slice(end + 1).join('\n').replace(/^\n+/, '') };
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
