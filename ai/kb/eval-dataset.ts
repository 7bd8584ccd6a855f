import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src/core/errors';
import type { ArticleDraft } from '../../src/modules/kb/article-draft.schema';
import { parseArticleMarkdown } from '../../src/modules/kb/front-matter';

/** `dataset.json` of an eval folder; `articles_dir` is relative to that folder. See eval/README.md. */
export const EvalDatasetFile = z
  .object({
    name: z.string().trim().min(1),
    articles_dir: z.string().trim().min(1),
    description: z.string().optional(),
  })
  .strict();
export type EvalDatasetFile = z.infer<typeof EvalDatasetFile>;

export const EvalSplit = z.enum(['tune', 'test']);
export type EvalSplit = z.infer<typeof EvalSplit>;

/** One line of `questions.jsonl`. `relevant: []` marks a question the articles do not answer. */
export const EvalQuestion = z
  .object({
    id: z.string().trim().min(1),
    question: z.string().trim().min(1),
    relevant: z.array(z.string().min(1)),
    split: EvalSplit,
    style: z.string().regex(/^[a-z][a-z0-9-]*$/, 'style must be a lowercase word like "typo" or "one-liner"'),
    /** Heading of the section of `relevant[0]` that holds the answer; "(intro)" for text before the first heading. */
    section: z.string().min(1).optional(),
    /** Why an unanswerable question is unanswerable. */
    kind: z.enum(['near-miss', 'uncovered', 'off-topic']).optional(),
    note: z.string().optional(),
    /** Key facts (a number, a time limit, a menu path) a good answer states; checked by `containsFact`. */
    facts: z.array(z.string().trim().min(1)).optional(),
  })
  .strict()
  .refine((q) => q.kind === undefined || q.relevant.length === 0, {
    message: '"kind" is only for unanswerable questions (relevant: [])',
    path: ['kind'],
  })
  .refine((q) => q.facts === undefined || q.relevant.length > 0, {
    message: '"facts" is only for answerable questions',
    path: ['facts'],
  });
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export interface EvalDataset {
  name: string;
  articles: ArticleDraft[];
  questions: EvalQuestion[];
}

const zodProblems = (where: string, error: z.ZodError) =>
  error.issues.map((issue) => `${where}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Cannot read ${file}: ${(error as Error).message}`);
  }
}

async function readArticles(dir: string, problems: string[]): Promise<ArticleDraft[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Cannot read articles_dir ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) problems.push(`${dir}: no *.md articles`);
  const articles: ArticleDraft[] = [];
  for (const file of files) {
    try {
      articles.push(parseArticleMarkdown(await readText(join(dir, file)), basename(file, '.md')));
    } catch (error) {
      if (error instanceof z.ZodError) problems.push(...zodProblems(file, error));
      else throw error;
    }
  }
  return articles;
}

/**
 * The valid rows of a JSON-lines file with their 1-based line numbers; blank lines are skipped, and
 * every line that is not JSON or does not fit `schema` adds a problem naming `file` and the line.
 */
export function parseJsonLines<T>(source: string, file: string, schema: z.ZodType<T>, problems: string[]): { row: T; line: number; where: string }[] {
  const rows: { row: T; line: number; where: string }[] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    const where = `${file} line ${index + 1}`;
    if (!text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${where}: not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) rows.push({ row: parsed.data, line: index + 1, where });
    else problems.push(...zodProblems(where, parsed.error));
  });
  return rows;
}

function parseQuestions(source: string, slugs: ReadonlySet<string>, problems: string[]): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const lineOfId = new Map<string, number>();
  for (const { row: q, line, where } of parseJsonLines(source, 'questions.jsonl', EvalQuestion, problems)) {
    const first = lineOfId.get(q.id);
    if (first !== undefined) problems.push(`${where}: id "${q.id}" already used on line ${first}`);
    lineOfId.set(q.id, line);
    for (const slug of q.relevant) {
      if (!slugs.has(slug)) problems.push(`${where}: relevant "${slug}" is not an article slug (file name without .md)`);
    }
    if (new Set(q.relevant).size !== q.relevant.length) problems.push(`${where}: relevant lists a slug twice`);
    questions.push(q);
  }
  if (questions.length === 0 && problems.length === 0) problems.push('questions.jsonl: no questions');
  return questions;
}

/**
 * Load an eval folder (`dataset.json`, the Markdown articles it points to,
 * `questions.jsonl`). Every problem found is reported at once, with file and
 * line, in one VALIDATION_FAILED error.
 */
export async function loadEvalDataset(folder: string): Promise<EvalDataset> {
  const root = resolve(folder);
  const problems: string[] = [];
  let meta: unknown;
  try {
    meta = JSON.parse(await readText(join(root, 'dataset.json')));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_FAILED', `${join(root, 'dataset.json')}: not JSON (${(error as Error).message})`);
  }
  const dataset = EvalDatasetFile.safeParse(meta);
  if (!dataset.success) {
    const details = zodProblems('dataset.json', dataset.error);
    throw new AppError('VALIDATION_FAILED', `Invalid eval dataset ${root}:\n- ${details.join('\n- ')}`, details);
  }
  const articles = await readArticles(resolve(root, dataset.data.articles_dir), problems);
  const slugs = new Set(articles.map((a) => a.slug));
  const questions = parseQuestions(await readText(join(root, 'questions.jsonl')), slugs, problems);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n- ');
    const more = problems.length > 20 ? `\n… and ${problems.length - 20} more` : '';
    throw new AppError('VALIDATION_FAILED', `Invalid eval dataset ${root}:\n- ${shown}${more}`, problems);
  }
  return { name: dataset.data.name, articles, questions };
}
