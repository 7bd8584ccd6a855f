import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDraft } from './article-draft.schema';
import { readArticleDirectory } from './article-files';
import { CHUNK_DEFAULTS, chunkBody, chunkMarkdown, type Chunk } from './chunker';
import { countTokens } from './text-analysis';

const sentences = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `The ${topic} guide explains step ${i + 1} in plain words.`).join(' ');

describe('chunkMarkdown on the demo knowledge base', () => {
  let articles: ArticleDraft[];
  let chunked: { article: ArticleDraft; chunks: Chunk[] }[];
  beforeAll(async () => {
    articles = await readArticleDirectory();
    chunked = articles.map((article) => ({ article, chunks: chunkMarkdown(article.body, { title: article.title }) }));
  });

  it('keeps every chunk within 150–400 tokens unless the article is a single small chunk', () => {
    for (const { chunks } of chunked) {
      for (const chunk of chunks) {
        expect(chunk.tokenCount).toBeLessThanOrEqual(CHUNK_DEFAULTS.maxTokens);
        if (chunks.length > 1) expect(chunk.tokenCount).toBeGreaterThanOrEqual(CHUNK_DEFAULTS.minTokens);
      }
    }
  });

  it('reports tokenCount as the token count of the indexed text', () => {
    for (const { chunks } of chunked) for (const c of chunks) expect(c.tokenCount).toBe(countTokens(c.text));
  });

  it('starts every chunk with the article title and numbers chunks from 0', () => {
    for (const { article, chunks } of chunked) {
      chunks.forEach((chunk, i) => {
        expect(chunk.ordinal).toBe(i);
        expect(chunk.headingPath[0]).toBe(article.title);
        expect(chunk.text.startsWith(article.title)).toBe(true);
      });
    }
  });

  it('keeps the curl example of the API keys article inside one chunk', () => {
    const apiKeys = chunked.find((c) => c.article.slug === 'api-keys');
    const withCurl = apiKeys?.chunks.filter((c) => c.text.includes('curl https://api.acme.example')) ?? [];
    expect(withCurl).toHaveLength(1);
    expect(withCurl[0].text).toMatch(/```bash\ncurl[\s\S]*acme_live_X+"\n```/);
  });
});

describe('chunkMarkdown heading paths', () => {
  const markdown = [
    '# Billing guide',
    'Intro paragraph about billing.',
    '## Invoices',
    'Where invoices live.',
    '### Corrections',
    'How corrections work.',
    '## Refunds',
    'Refund rules.',
  ].join('\n\n');

  it('gives each section its path of headings under the title when sections are not merged', () => {
    const chunks = chunkMarkdown(markdown, { title: 'Billing guide', minTokens: 1 });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Billing guide'],
      ['Billing guide', 'Invoices'],
      ['Billing guide', 'Invoices', 'Corrections'],
      ['Billing guide', 'Refunds'],
    ]);
    expect(chunks[2].text.startsWith('Billing guide > Invoices > Corrections\n\nHow corrections work.')).toBe(true);
  });

  it('merges small sections under their common heading path and keeps the inner headings in the text', () => {
    const [chunk, ...rest] = chunkMarkdown(markdown, { title: 'Billing guide' });
    expect(rest).toHaveLength(0);
    expect(chunk.headingPath).toEqual(['Billing guide']);
    expect(chunkBody(chunk.text, chunk.headingPath)).toContain('## Invoices\n\nWhere invoices live.\n\n### Corrections');
  });

  it('does not treat a # line inside a fenced code block as a heading', () => {
    const md = '## Setup\n\n```bash\n# install the CLI\nnpm i acme\n```\n\n## Next\n\nDone.';
    const chunks = chunkMarkdown(md, { title: 'CLI', minTokens: 1 });
    expect(chunks.map((c) => c.headingPath)).toEqual([['CLI', 'Setup'], ['CLI', 'Next']]);
  });
});

describe('chunkMarkdown splitting long sections', () => {
  const long = `## Setup\n\n${sentences(40, 'setup')}\n\n${sentences(40, 'setup')}`;

  it('splits a long section into chunks of at most maxTokens with the same heading path', () => {
    const chunks = chunkMarkdown(long, { title: 'Guide' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.tokenCount).toBeLessThanOrEqual(400);
      expect(c.headingPath).toEqual(['Guide', 'Setup']);
    }
  });

  it('repeats the last sentence(s) of a chunk at the start of the next chunk of the same section', () => {
    const [first, second] = chunkMarkdown(long, { title: 'Guide' });
    const firstBody = chunkBody(first.text, first.headingPath);
    const secondBody = chunkBody(second.text, second.headingPath);
    const firstSentenceOfSecond = secondBody.slice(0, secondBody.indexOf('.') + 1);
    const overlap = firstBody.slice(firstBody.lastIndexOf(firstSentenceOfSecond));
    expect(firstBody.endsWith(overlap) && firstBody.includes(firstSentenceOfSecond)).toBe(true);
    expect(secondBody.startsWith(overlap)).toBe(true);
    const overlapTokens = countTokens(overlap);
    expect(overlapTokens).toBeGreaterThan(0);
    expect(overlapTokens).toBeLessThanOrEqual(45);
  });

  it('keeps a fenced code block whole in one chunk when it fits', () => {
    const code = ['```js', ...Array.from({ length: 30 }, (_, i) => `const value${i} = compute(${i});`), '```'].join('\n');
    const md = `## Example\n\n${sentences(25, 'example')}\n\n${code}\n\n${sentences(25, 'example')}`;
    const chunks = chunkMarkdown(md, { title: 'Code' });
    const holding = chunks.filter((c) => c.text.includes('const value'));
    expect(holding).toHaveLength(1);
    expect(holding[0].text).toContain(code);
  });

  it('re-fences each part when a code block alone is larger than a chunk', () => {
    const code = ['```', ...Array.from({ length: 200 }, (_, i) => `line ${i} of a very long log`), '```'].join('\n');
    const chunks = chunkMarkdown(code, { title: 'Log' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.tokenCount).toBeLessThanOrEqual(400);
      expect(chunkBody(c.text, c.headingPath)).toMatch(/^```\n[\s\S]*\n```$/);
    }
  });
});
