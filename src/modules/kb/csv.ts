import { CsvError, parse } from 'csv-parse/sync';
import type { ArticleDraft, KbCategory } from './article-draft.schema';
import { slugify } from './front-matter';

/**
 * RFC 4180 CSV (csv-parse): fields separated by commas, records by CRLF, LF or CR; quoted
 * fields may contain commas, line breaks and doubled quotes (""). A leading BOM
 * is dropped and a final line break does not add an empty record. Lenient where
 * the RFC is silent: a quote inside an unquoted field is kept as text, and records may
 * have different lengths. Throws on a quoted field that is never closed, since that
 * usually means a broken file.
 */
export function parseCsv(input: string, delimiter = ','): string[][] {
  try {
    return parse(input, { bom: true, delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new Error(`CSV: unterminated quoted field (${err.message})`);
    }
    throw err;
  }
}

export interface CsvImportOptions {
  category?: KbCategory;
  tags?: string[];
}

export interface CsvImportResult {
  articles: ArticleDraft[];
  /** 1-based record numbers (header = 1) skipped for an empty question or answer. */
  skippedRecords: number[];
}

function columnIndexes(header: string[]): { question: number; answer: number; category: number } | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const question = names.findIndex((n) => n === 'question' || n === 'title');
  const answer = names.findIndex((n) => n === 'answer' || n === 'body');
  if (question === -1 || answer === -1) return null;
  return { question, answer, category: names.indexOf('category') };
}

/**
 * A (question, answer) CSV → one article per row: the question is the title,
 * the answer the body. Uses a header row naming `question` and `answer` (and
 * optionally `category`) when present, else the first two columns.
 */
export function csvToArticles(csv: string, options: CsvImportOptions = {}): CsvImportResult {
  const rows = parseCsv(csv);
  const columns = rows.length > 0 ? columnIndexes(rows[0]) : null;
  const first = columns ? 1 : 0;
  const { question, answer, category } = columns ?? { question: 0, answer: 1, category: -1 };
  const usedSlugs = new Map<string, number>();
  const articles: ArticleDraft[] = [];
  const skippedRecords: number[] = [];

  rows.slice(first).forEach((row, index) => {
    const title = (row[question] ?? '').trim().replace(/\s+/g, ' ');
    const body = (row[answer] ?? '').trim();
    if (!title || !body) {
      if (row.some((cell) => cell.trim())) skippedRecords.push(first + index + 1);
      return;
    }
    const base = slugify(title);
    const seen = usedSlugs.get(base) ?? 0;
    usedSlugs.set(base, seen + 1);
    const rowCategory = category >= 0 ? row[category]?.trim().toLowerCase() : '';
    articles.push({
      slug: seen === 0 ? base : `${base}-${seen + 1}`,
      title: title.slice(0, 200),
      category: rowCategory === 'billing' || rowCategory === 'technical' || rowCategory === 'general'
        ? rowCategory
        : (options.category ?? 'general'),
      tags: options.tags ?? [],
      body,
    });
  });
  return { articles, skippedRecords };
}
