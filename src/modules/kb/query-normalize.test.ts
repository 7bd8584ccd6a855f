import { describe, expect, it } from 'vitest';
import { correctWord, editDistance, normalizeQuery } from './query-normalize';

const vocabulary = new Set(['password', 'reset', 'subscription', 'cancel', 'invoice', 'invoices', 'refund', 'webhook', 'sell', 'tell']);

describe('normalizeQuery', () => {
  it('lowercases, strips punctuation and builds an OR websearch query without stopwords', () => {
    const result = normalizeQuery('How do I RESET my password?!', vocabulary);
    expect(result.text).toBe('how do i reset my password');
    expect(result.terms).toEqual(['reset', 'password']);
    expect(result.websearch).toBe('reset or password');
  });

  it('fixes typos against the vocabulary and reports each correction', () => {
    const result = normalizeQuery('cancle my subscripton', vocabulary);
    expect(result.terms).toEqual(['cancel', 'subscription']);
    expect(result.corrections).toEqual([
      { from: 'cancle', to: 'cancel' },
      { from: 'subscripton', to: 'subscription' },
    ]);
  });

  it('ANDs the terms in all mode', () => {
    expect(normalizeQuery('refund invoice', vocabulary, { mode: 'all' }).websearch).toBe('refund invoice');
  });

  it('leaves no websearch operators from user input', () => {
    const { websearch } = normalizeQuery('"refund" -invoice OR (webhook)', vocabulary);
    expect(websearch).toBe('refund or invoice or webhook');
  });

  it('keeps stopwords when the query has nothing else, quoting operator words', () => {
    expect(normalizeQuery('or and', vocabulary).websearch).toBe('"or" or "and"');
    expect(normalizeQuery('?!', vocabulary)).toEqual({ text: '', terms: [], corrections: [], rewrites: [], websearch: '' });
  });
});

describe('normalizeQuery with support synonyms', () => {
  const kb = new Set(['sign', 'in', 'out', 'incorrect', 'password', 'reset', 'cancel', 'subscribe', 'subscription', 'charged', 'billed', 'refund', 'api', 'key', 'token']);

  it("rewrites other phrasings to the KB's wording and reports each rewrite", () => {
    const result = normalizeQuery('Login page says invalid credentials', kb);
    expect(result.text).toBe('sign in page says incorrect password');
    expect(result.rewrites).toEqual([
      { from: 'login', to: 'sign in' },
      { from: 'invalid credentials', to: 'incorrect password' },
    ]);
    expect(result.corrections).toEqual([]);
  });

  it('prefers the longest phrase and leaves words that are not a listed phrase alone', () => {
    expect(normalizeQuery("I can't log into my account", kb).text).toBe('i cant sign in my account');
    expect(normalizeQuery('export the logs', kb).text).toBe('export the logs');
  });

  it('rewrites a synonym before typo fixing would turn it into a lookalike', () => {
    const result = normalizeQuery('how do i unsubscribe', kb);
    expect(result.terms).toEqual(['cancel']);
    expect(result.corrections).toEqual([]);
  });

  it('recognises a synonym phrase once its typo is fixed', () => {
    const result = normalizeQuery('why was i chargd twice', new Set([...kb, 'twice', 'duplicate', 'payment']));
    expect(result.corrections).toEqual([{ from: 'chargd', to: 'charged' }]);
    expect(result.terms).toEqual(['duplicate', 'payment']);
  });

  it('leaves a word the KB itself uses as it is, even when a synonym group prefers another', () => {
    expect(normalizeQuery('how do i unsubscribe', new Set(['cancel', 'unsubscribe'])).text).toBe('how do i unsubscribe');
    expect(normalizeQuery('how do i unsubscribe', new Set(['cancel'])).text).toBe('how do i cancel');
  });

  it('picks the first phrasing the KB uses, and rewrites nothing when it uses none', () => {
    expect(normalizeQuery('my api token leaked', kb).text).toBe('my api key leaked');
    expect(normalizeQuery('my api token leaked', new Set(['api', 'token'])).text).toBe('my api token leaked');
    expect(normalizeQuery('log on', new Set(['log', 'on'])).rewrites).toEqual([]);
  });
});

describe('correctWord', () => {
  it('does not change short words, numbers or known words', () => {
    expect(correctWord('sel', vocabulary)).toBeNull();
    expect(correctWord('sell', vocabulary)).toBeNull();
    expect(correctWord('2fa', vocabulary)).toBeNull();
    expect(correctWord('webhok', vocabulary)).toBe('webhook');
  });

  it('allows two edits only for long words', () => {
    expect(correctWord('pasword', vocabulary)).toBe('password');
    expect(correctWord('psasword', vocabulary)).toBe('password');
    expect(correctWord('rfnd', vocabulary)).toBeNull();
  });

  it('prefers a candidate with the same first letter on equal distance', () => {
    expect(correctWord('invoicex', new Set(['invoices', 'xnvoicex']))).toBe('invoices');
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('cancle', 'cancel')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early once the distance exceeds the maximum', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });

  it('agrees with the textbook full-matrix distance on random words, short and long, one call after another', () => {
    // Optimal string alignment over the whole matrix, nothing reused between calls.
    const reference = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i += 1) {
        for (let j = 1; j <= b.length; j += 1) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = () => Array.from({ length: random(random(4) === 0 ? 70 : 10) }, () => 'abcde'[random(5)]).join('');
    for (let k = 0; k < 3000; k += 1) {
      const a = word();
      const b = random(3) === 0 ? a.slice(0, random(a.length + 1)) + 'ab' + a.slice(random(a.length + 1)) : word();
      const max = [1, 2, Infinity][random(3)]!;
      expect(Math.min(editDistance(a, b, max), max + 1), `${a} / ${b} / ${max}`).toBe(Math.min(reference(a, b), max + 1));
    }
  });
});
