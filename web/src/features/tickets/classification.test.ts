import { describe, expect, it } from 'vitest';
import { readClassification, suggestionReplyText } from './classification';

describe('readClassification', () => {
  it('reads the confidences, model version, top terms and rule of a classified ticket', () => {
    const c = readClassification({
      classification: { confidence: { category: 0.91, priority: 0.55, intent: 0.4 }, model: { version: 'v3' }, top_terms: ['invoice'], rule: { reason: 'outage words' }, classified_at: '2026-03-02T09:00:00Z' },
    });
    expect(c).toEqual({ confidence: { category: 0.91, priority: 0.55, intent: 0.4 }, modelVersion: 'v3', topTerms: ['invoice'], ruleReason: 'outage words' });
  });

  it('is null for a ticket without a classification or with a fallback one', () => {
    expect(readClassification({})).toBeNull();
    expect(readClassification({ classification: { model: 'none' } })).toBeNull();
    expect(readClassification({ classification: 'garbage' })).toBeNull();
  });
});

describe('suggestionReplyText', () => {
  it('lists each cited article once under Sources', () => {
    const text = suggestionReplyText(' Open Settings and click Reset. ', [{ title: 'Reset password' }, { title: 'Reset password' }, { title: '2FA' }]);
    expect(text).toBe('Open Settings and click Reset.\n\nSources:\n[1] Reset password\n[2] 2FA');
  });

  it('is the bare answer without citations', () => {
    expect(suggestionReplyText('Hello.', [])).toBe('Hello.');
  });
});
