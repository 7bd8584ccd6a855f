import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEvalDataset, type EvalDataset } from './eval-dataset';

const KB_DEMO = fileURLToPath(new URL('../../eval/kb-demo/', import.meta.url));

describe('eval/kb-demo', () => {
  let dataset: EvalDataset;
  beforeAll(async () => {
    dataset = await loadEvalDataset(KB_DEMO);
  });

  const testSplit = () => dataset.questions.filter((q) => q.split === 'test');

  it('loads the articles of demo/kb', () => {
    expect(dataset.name).toBe('kb-demo');
    expect(dataset.articles.length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 60 answerable questions in the test split', () => {
    expect(testSplit().filter((q) => q.relevant.length > 0).length).toBeGreaterThanOrEqual(60);
  });

  it('has at least 20 unanswerable questions in the test split', () => {
    expect(testSplit().filter((q) => q.relevant.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('names only existing article slugs as relevant', () => {
    const slugs = new Set(dataset.articles.map((a) => a.slug));
    expect(dataset.questions.flatMap((q) => q.relevant).filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it('uses every question id once', () => {
    const ids = dataset.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every third of the first 162 lines and every later line in the tune split, as the README says', () => {
    // Lines 163+ were written later, for calibration only: the test split stays the original 108 questions.
    const tuneOnlyFrom = 163;
    const expected = (line: number) => (line >= tuneOnlyFrom || line % 3 === 0 ? 'tune' : 'test');
    const wrong = dataset.questions.filter((q, i) => q.split !== expected(i + 1));
    expect(wrong.map((q) => q.id)).toEqual([]);
  });

  it('points each answerable question at a section heading of its first relevant article', () => {
    const bodyOf = new Map(dataset.articles.map((a) => [a.slug, a.body]));
    const missing = dataset.questions.filter((q) => {
      if (q.relevant.length === 0 || q.section === '(intro)') return false;
      const headings = (bodyOf.get(q.relevant[0]) ?? '').split('\n').filter((l) => /^#{2,3} /.test(l));
      return !headings.some((h) => h.replace(/^#+ /, '') === q.section);
    });
    expect(missing.map((q) => `${q.id}: ${q.section}`)).toEqual([]);
  });
});

describe('loadEvalDataset', () => {
  it('reports every bad line with its number in one error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clara-eval-'));
    try {
      await writeFile(join(dir, 'dataset.json'), JSON.stringify({ name: 'tiny', articles_dir: '.' }));
      await writeFile(join(dir, 'one.md'), '---\ntitle: One\ncategory: general\n---\n\nBody.\n');
      const lines = [
        { id: 'a', question: 'q', relevant: ['one'], split: 'test', style: 'typo' },
        { id: 'a', question: 'q', relevant: ['two'], split: 'dev', style: 'typo' },
      ];
      await writeFile(join(dir, 'questions.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{oops\n`);
      const error = await loadEvalDataset(dir).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      const message = (error as Error).message;
      expect(message).toMatch(/line 2: split:/);
      expect(message).toMatch(/line 3: not JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports an unknown slug and a repeated id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clara-eval-'));
    try {
      await writeFile(join(dir, 'dataset.json'), JSON.stringify({ name: 'tiny', articles_dir: '.' }));
      await writeFile(join(dir, 'one.md'), '---\ntitle: One\ncategory: general\n---\n\nBody.\n');
      const lines = [
        { id: 'a', question: 'q', relevant: ['one'], split: 'test', style: 'typo' },
        { id: 'a', question: 'q', relevant: ['two'], split: 'tune', style: 'typo' },
      ];
      await writeFile(join(dir, 'questions.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
      await expect(loadEvalDataset(dir)).rejects.toThrow(/line 2: id "a" already used on line 1[\s\S]*line 2: relevant "two" is not an article slug/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
