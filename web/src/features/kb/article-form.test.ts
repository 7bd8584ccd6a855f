import { describe, expect, it } from 'vitest';
import { articleChanges, articleFormErrors, type ArticleFormValues } from './article-form';

const valid: ArticleFormValues = { title: 'Resetting a password', body: 'Open the login page and click Forgot password.', category: 'technical', tags: ['login'] };

describe('articleFormErrors', () => {
  it('accepts a valid article', () => {
    expect(articleFormErrors(valid)).toEqual({});
  });

  it('names each field that breaks the server rules', () => {
    const errors = articleFormErrors({ ...valid, title: 'ab', body: 'too short' });
    expect(errors).toEqual({ title: 'At least 3 characters', body: 'At least 20 characters' });
  });
});

describe('articleChanges', () => {
  it('sends only the changed fields', () => {
    expect(articleChanges(valid, { ...valid, body: `${valid.body} More.` })).toEqual({ body: `${valid.body} More.` });
  });

  it('ignores surrounding whitespace and reports no change as null', () => {
    expect(articleChanges(valid, { ...valid, title: `  ${valid.title} ` })).toBeNull();
  });

  it('notices reordered tags', () => {
    const before = { ...valid, tags: ['a', 'b'] };
    expect(articleChanges(before, { ...before, tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] });
  });
});
