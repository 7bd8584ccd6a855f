import { describe, expect, it } from 'vitest';
import type { RetrievedChunk } from './answer.schema';
import { untracedFacts } from './fact-trace';

const source = (id: string, body: string): RetrievedChunk => ({
  chunkId: `${id}#0`,
  articleId: id,
  articleTitle: id,
  headingPath: [id],
  text: `${id}\n\n${body}`,
  score: 1,
});

const sources = [
  source('Refunds', 'Annual plans can be refunded in full within 14 days of purchase. Write to billing@acme.example.'),
  source('Invoices', 'Open **Settings → Billing → Invoices** to download PDFs. Up to 1,000 invoices are listed; see status.acme.example at 14:00 UTC.'),
];

describe('untracedFacts', () => {
  it('accepts numbers, menu paths, addresses and times that the cited source states, in any arrow or separator style', () => {
    const answer = 'Annual plans are refunded within 14 days [1]. Ask billing@acme.example [1]. Go to Settings > Billing > Invoice [2]; up to 1000 are listed, see status.acme.example after 14:00 [2].';
    expect(untracedFacts(answer, sources)).toEqual([]);
  });

  it('flags a number, a menu path, an address or a time the cited sources never state', () => {
    const answer = 'Annual plans are refunded within 30 days [1]. Go to Settings → Payments → Invoices [2]. Write to help@acme.example [1]. The page updates at 15:00 [2].';
    expect(untracedFacts(answer, sources).map((f) => f.fact)).toEqual(['30', 'Settings → Payments → Invoices', 'help@acme.example', '15:00']);
  });

  it('checks a fact against the source its sentence cites, not against any source', () => {
    expect(untracedFacts('Invoices are refunded within 14 days [2].', sources).map((f) => f.fact)).toEqual(['14']);
  });

  it('checks a sentence without a citation against every source the answer cites, and "14" is not "140"', () => {
    expect(untracedFacts('You have 14 days. That is the policy [1].', sources)).toEqual([]);
    expect(untracedFacts('You have 140 days. That is the policy [1].', sources).map((f) => f.fact)).toEqual(['140']);
  });

  it('does not read the citation markers as facts', () => {
    expect(untracedFacts('Download them from the invoices page [2][1].', sources)).toEqual([]);
  });
});
