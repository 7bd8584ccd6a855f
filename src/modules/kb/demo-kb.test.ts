import { describe, expect, it } from 'vitest';
import { readArticleDirectory } from './article-files';
import { countTokens } from './text-analysis';

describe('demo knowledge base', () => {
  it('has 24 valid articles of 150–600 words with ## sections and a known category', async () => {
    const articles = await readArticleDirectory();
    expect(articles).toHaveLength(24);
    for (const article of articles) {
      expect(['technical', 'billing', 'general']).toContain(article.category);
      expect(article.tags.length).toBeGreaterThan(0);
      expect(countTokens(article.body)).toBeGreaterThanOrEqual(150);
      expect(countTokens(article.body)).toBeLessThanOrEqual(600);
      expect(article.body).toMatch(/^## \S/m);
    }
  });

  it('gives every article a distinct title', async () => {
    const titles = (await readArticleDirectory()).map((a) => a.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
