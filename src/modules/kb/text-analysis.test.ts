import { describe, expect, it } from 'vitest';
import { analyzeTerms, countTokens, normalizeText, splitSentences, stemLite } from './text-analysis';

describe('countTokens', () => {
  it('counts whitespace-separated words', () => {
    expect(countTokens('  one two\n\nthree\tfour ')).toBe(4);
    expect(countTokens('')).toBe(0);
  });
});

describe('normalizeText', () => {
  it('lowercases, folds accents, drops apostrophes and turns punctuation into spaces', () => {
    expect(normalizeText("Can't log-in to Café's   2FA!")).toBe('cant log in to cafes 2fa');
  });
});

describe('stemLite', () => {
  it('maps inflections of the same word to one key', () => {
    const groups = [
      ['invoice', 'invoices', 'invoicing', 'invoiced'],
      ['cancel', 'cancelled', 'canceled', 'cancelling', 'cancellation'],
      ['policy', 'policies'],
      ['bill', 'billing', 'billed', 'bills'],
      ['update', 'updated', 'updating', 'updates'],
    ];
    for (const group of groups) expect(new Set(group.map(stemLite)).size).toBe(1);
  });

  it('leaves short words and words with digits alone', () => {
    expect(stemLite('uses')).toBe('use');
    expect(stemLite('bus')).toBe('bus');
    expect(stemLite('2fa')).toBe('2fa');
  });
});

describe('analyzeTerms', () => {
  it('drops stopwords and stems by default', () => {
    expect(analyzeTerms('How do I reset my passwords?')).toEqual(['reset', 'password']);
  });

  it('can keep stopwords and surface forms', () => {
    expect(analyzeTerms('How do I', { stem: false, dropStopwords: false })).toEqual(['how', 'do', 'i']);
  });
});

describe('splitSentences', () => {
  it('splits after sentence punctuation followed by a capital, digit or quote', () => {
    expect(splitSentences('Open Settings. Click "Save." Then wait! 3 steps in all? Yes')).toEqual([
      'Open Settings.',
      'Click "Save."',
      'Then wait!',
      '3 steps in all?',
      'Yes',
    ]);
  });

  it('keeps abbreviations followed by lowercase words together', () => {
    expect(splitSentences('Use a tool, e.g. the CLI. Done.')).toEqual(['Use a tool, e.g. the CLI.', 'Done.']);
  });
});
