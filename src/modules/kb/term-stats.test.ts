import { describe, expect, it } from 'vitest';
import { buildTermStats, candidateChunks, lexicalScores } from './term-stats';
import { analyzeTerms } from './text-analysis';

const CHUNKS = [
  { id: 'a', text: 'Refunds\nRefunds reach your card within five days of the return.' },
  { id: 'b', text: 'Shipping\nWe ship to every country in the EU. Shipping is free above 50 euros.' },
  { id: 'c', text: 'Returns\nStart a return from your order page; the refund follows the return.' },
  { id: 'd', text: 'Passwords\nReset your password from the sign-in page.' },
];
const stats = buildTermStats(
  CHUNKS.map((c) => c.text),
  CHUNKS.map((c) => c.id),
);

describe('candidate chunks from the inverted index', () => {
  it('picks only chunks with a question term, best BM25 first, as many as asked', () => {
    const terms = analyzeTerms('when does my refund reach the card');
    expect(candidateChunks(stats, terms, 10)).toEqual(['a', 'c']);
    expect(candidateChunks(stats, terms, 1)).toEqual(['a']);
    expect(candidateChunks(stats, analyzeTerms('kayak'), 10)).toEqual([]);
  });

  it('orders as plain BM25 over every chunk does, ties by id', () => {
    const terms = analyzeTerms('shipping refund password reset page');
    const scores = lexicalScores(terms, CHUNKS.map((c) => c.text), { ...stats, analyzed: new Map() });
    const picked = candidateChunks(stats, terms, 10);
    expect(new Set(picked)).toEqual(new Set(CHUNKS.filter((_, i) => scores[i]! > 0).map((c) => c.id)));
    // Same terms in two chunks of the same length score the same: the lower id comes first.
    const twins = buildTermStats(['billing invoice', 'invoice billing', 'other words'], ['y', 'x', 'z']);
    expect(candidateChunks(twins, ['invoic'], 10)).toEqual(['x', 'y']);
  });

  it('counts every chunk once per term however often the term occurs in it', () => {
    const many = buildTermStats(['refund refund refund', 'refund', 'shipping'], ['1', '2', '3']);
    expect(many.df.get('refund')).toBe(2);
    expect(many.postings.get('refund')).toEqual({ chunks: [0, 1], tf: [3, 1] });
  });
});
