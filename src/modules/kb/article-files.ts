import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleDraft } from './article-draft.schema';
import { parseArticleMarkdown } from './front-matter';

export const DEMO_KB_DIR = fileURLToPath(new URL('../../../demo/kb/', import.meta.url));

/** Every `*.md` file in `dir` as an article draft, sorted by file name; the slug is the file name. */
export async function readArticleDirectory(dir: string = DEMO_KB_DIR): Promise<ArticleDraft[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => parseArticleMarkdown(await readFile(join(dir, file), 'utf8'), basename(file, '.md'))),
  );
}
