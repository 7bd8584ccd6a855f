import { describe, expect, it } from 'vitest';
import { createBm25Index } from './lexical-rank';

const docs = [
  { id: 'refunds', text: 'Refunds go back to the original card within ten business days.' },
  { id: 'invoices', text: 'Download invoices as PDF files from the billing page.' },
  { id: 'invoices-vat', text: 'Add a VAT number to your invoices. Invoices issued later show it.' },
  { id: 'password', text: 'Reset your password from the sign-in page.' },
];

describe('createBm25Index', () => {
  it('ranks the document sharing the rarest query terms first', () => {
    const index = createBm25Index(docs);
    expect(index.search('how do I add my VAT number to an invoice?')[0].id).toBe('invoices-vat');
  });

  it('matches inflections through stemming', () => {
    const index = createBm25Index(docs);
    expect(index.search('refunded')[0].id).toBe('refunds');
  });

  it('returns nothing for a query of stopwords or unknown words', () => {
    const index = createBm25Index(docs);
    expect(index.search('how do I')).toEqual([]);
    expect(index.search('pizza')).toEqual([]);
  });

  it('respects the limit and orders equal scores by document order', () => {
    const index = createBm25Index([
      { id: 'x', text: 'same words' },
      { id: 'y', text: 'same words' },
    ]);
    expect(index.search('words', 1)).toEqual([{ id: 'x', score: expect.any(Number) }]);
    expect(index.search('words').map((h) => h.id)).toEqual(['x', 'y']);
  });

  it('exposes the normalized surface vocabulary', () => {
    const index = createBm25Index(docs);
    expect(index.vocabulary.has('invoices')).toBe(true);
    expect(index.vocabulary.has('Invoices')).toBe(false);
  });
});
