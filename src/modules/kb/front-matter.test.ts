import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { parseArticleMarkdown, parseFrontMatter, slugify } from './front-matter';

describe('parseFrontMatter', () => {
  it('reads scalars, quoted strings, inline lists and dash lists', () => {
    const source = [
      '---',
      'title: "Reset: your password"',
      'category: technical',
      '# a comment',
      'tags: [password, "two words", login]',
      'aliases:',
      '  - forgot password',
      "  - 'locked out'",
      '---',
      '',
      'Body text.',
    ].join('\n');
    expect(parseFrontMatter(source)).toEqual({
      data: {
        title: 'Reset: your password',
        category: 'technical',
        tags: ['password', 'two words', 'login'],
        aliases: ['forgot password', 'locked out'],
      },
      body: 'Body text.',
    });
  });

  it('treats a source without a leading --- line as all body', () => {
    expect(parseFrontMatter('# Title\n\ntext')).toEqual({ data: {}, body: '# Title\n\ntext' });
  });

  it('treats an unclosed front matter block as body', () => {
    expect(parseFrontMatter('---\ntitle: x\nno end').data).toEqual({});
  });
});

describe('parseArticleMarkdown', () => {
  it('validates the front matter into an article draft', () => {
    const draft = parseArticleMarkdown('---\ntitle: Refunds\ncategory: billing\ntags: [refund]\n---\n## When\n\nSoon.', 'refunds');
    expect(draft).toEqual({ slug: 'refunds', title: 'Refunds', category: 'billing', tags: ['refund'], body: '## When\n\nSoon.' });
  });

  it('falls back to the first H1 for the title and slugifies it', () => {
    const draft = parseArticleMarkdown('---\ncategory: general\n---\n# Café & Co. hours\n\nOpen daily.');
    expect(draft.title).toBe('Café & Co. hours');
    expect(draft.slug).toBe('cafe-co-hours');
  });

  it('rejects an unknown category', () => {
    expect(() => parseArticleMarkdown('---\ntitle: X\ncategory: sales\n---\nBody')).toThrow(ZodError);
  });
});

describe('slugify', () => {
  it('keeps only lowercase ASCII letters, digits and single dashes', () => {
    expect(slugify('  2FA -- Setup (iOS)!  ')).toBe('2fa-setup-ios');
    expect(slugify('日本語')).toBe('article');
  });
});

describe('parseFrontMatter with YAML values', () => {
  it('reads dates and numbers as text and names invalid YAML', () => {
    expect(parseFrontMatter('---\ntitle: 2024-01-01\nversion: 5\n---\nBody').data).toEqual({ title: '2024-01-01', version: '5' });
    expect(() => parseFrontMatter('---\ntags: [unclosed\n---\nBody')).toThrow(/Front matter is not valid YAML/);
  });
});
