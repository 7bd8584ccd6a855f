import { beforeAll, describe, expect, it } from 'vitest';
import { extractiveAnswer, retrievalMargin, shouldAutoResolve } from './answer';
import type { RetrievedChunk } from './answer.schema';
import { readArticleDirectory } from './article-files';
import { createLexicalRetriever, type LexicalRetriever } from './lexical-retriever';

const chunk = (articleId: string, text: string, score: number, title = articleId): RetrievedChunk => ({
  chunkId: `${articleId}#0`,
  articleId,
  articleTitle: title,
  headingPath: [title],
  text: `${title}\n\n${text}`,
  score,
});

describe('extractiveAnswer over the demo knowledge base', () => {
  let retriever: LexicalRetriever;
  beforeAll(async () => {
    const articles = await readArticleDirectory();
    retriever = createLexicalRetriever(articles.map((a) => ({ id: a.slug, title: a.title, body: a.body })));
  });

  it.each([
    ['How do I reset my password?', 'reset-password'],
    ['I lost my phone and can no longer get my 2FA codes', 'two-factor-authentication'],
    ['how to cancle my subscripton', 'cancel-subscription'],
    ['Can I add our VAT number to invoices?', 'invoices'],
    ['my card was declined, what happens now', 'failed-payments'],
    ['What happens when I go over the API rate limit?', 'rate-limits'],
    ['How do I verify the webhook signature?', 'webhooks'],
    ['Is Internet Explorer supported?', 'browser-support'],
    ['how long do you keep deleted items', 'data-retention-gdpr'],
  ])('answers "%s" citing the %s article first', (question, slug) => {
    const result = extractiveAnswer(retriever.normalize(question).text, retriever.search(question, 5));
    expect(result.citations[0].articleId).toBe(slug);
    expect(result.answer).toMatch(/\[1\]$/);
    expect(result.confidence).toBeGreaterThan(0.3);
  });

  it('cites the right article first for at least 22 of 24 everyday questions, one per article', () => {
    const questions: [string, string][] = [
      ['how do I invite my colleagues', 'invite-team-members'],
      ['what can a billing admin do', 'roles-permissions'],
      ['is there a status page for outages', 'status-page-outages'],
      ['how do I get a refund', 'refunds'],
      ['can I switch from monthly to annual billing', 'billing-cycles'],
      ['how do I change my credit card', 'update-payment-method'],
      ['how do I upgrade to the business plan', 'change-plan'],
      ['export my data to csv', 'data-export'],
      ['delete my workspace permanently', 'delete-account'],
      ['set up SAML single sign-on', 'sso-setup'],
      ['phone app does not sync offline changes', 'mobile-app-sync'],
      ['what is your response time for support', 'contact-support-sla'],
      ['the app is slow and laggy', 'slow-performance'],
      ['where do I create an API key', 'api-keys'],
      ['why do I keep getting logged out', 'login-problems'],
      ['forgot my password', 'reset-password'],
      ['turn on two-factor authentication', 'two-factor-authentication'],
      ['stop my subscription', 'cancel-subscription'],
      ['download last month invoice', 'invoices'],
      ['payment failed', 'failed-payments'],
      ['too many requests 429', 'rate-limits'],
      ['webhook retries', 'webhooks'],
      ['which browsers are supported', 'browser-support'],
      ['GDPR data processing agreement', 'data-retention-gdpr'],
    ];
    const cited = questions.filter(([q, slug]) => {
      const result = extractiveAnswer(retriever.normalize(q).text, retriever.search(q));
      return result.citations[0]?.articleId === slug;
    });
    expect(new Set(questions.map(([, slug]) => slug)).size).toBe(24);
    // 22 when each sentence could pull in its own article; answers now speak for the top-ranked
    // article only (no stitching), which costs one of these and gains out of domain (eval/README.md).
    expect(cited.length).toBeGreaterThanOrEqual(21);
  });

  it('answers with the API rate limit of the Team plan', () => {
    const question = 'what is the API rate limit on the Team plan?';
    expect(extractiveAnswer(question, retriever.search(question)).answer).toContain('600 requests per minute');
  });

  it('gives no answer and zero confidence when nothing matches the question', () => {
    expect(extractiveAnswer('Do you sell pizza?', retriever.search('Do you sell pizza?'))).toEqual({
      answer: '',
      citations: [],
      confidence: 0,
    });
  });
});

describe('extractiveAnswer', () => {
  const chunks = [
    chunk('refunds', 'Refunds reach your card within 10 business days. Contact us for a refund. We like cake.', 9, 'Refunds'),
    chunk('invoices', 'Invoices list every refund you received.', 4, 'Invoices'),
    chunk('plans', 'Plans can change monthly.', 2, 'Plans'),
  ];

  it('answers from the best section of the top article, leaving out sentences that share nothing with the question', () => {
    const result = extractiveAnswer('How long does a refund take to reach my card?', chunks);
    expect(result.answer).toBe('Refunds reach your card within 10 business days. Contact us for a refund. [1]');
    expect(result.citations).toEqual([
      { articleId: 'refunds', chunkId: 'refunds#0', title: 'Refunds', snippet: 'Refunds reach your card within 10 business days. Contact us for a refund.' },
    ]);
  });

  it('adds the sentence that states the number a "when" question asks for', () => {
    const failed = chunk(
      'failed',
      'If we cannot charge your card, we email you and try again.\n\n## Retry schedule\n\nWe retry the charge 3 days and 7 days after the first attempt.',
      5,
      'When a payment fails',
    );
    expect(extractiveAnswer('my card was declined when will you try to charge it again', [failed]).answer).toContain('3 days and 7 days');
  });

  it('never stitches in a sentence from another article', () => {
    const result = extractiveAnswer('refund card invoices plans monthly', chunks);
    expect(result.citations.map((c) => c.articleId)).toEqual(['refunds']);
  });

  it('leaves out citation markers when asked to', () => {
    expect(extractiveAnswer('refund card', chunks, { citationMarkers: false }).answer).not.toContain('[');
  });

  it('never quotes a code block', () => {
    const code = chunk('api', '```bash\ncurl -H "Authorization: Bearer KEY" api\n```\n\nSend the key in the Authorization header.', 5);
    expect(extractiveAnswer('authorization header key', [code]).answer).toBe('Send the key in the Authorization header. [1]');
  });

  it('keeps numbered steps whole and on their own lines, with their numbers', () => {
    const steps = chunk(
      'e42',
      '## Error E-42\n\nE-42 means the print head is not seated.\n\n1. Switch the printer off.\n2. Open the front cover and press the print head down until it clicks.\n3. Close the cover and switch the printer on again.\n\nIf the error stays, contact us.',
      5,
      'Printer errors',
    );
    const result = extractiveAnswer('how do I fix error E-42 print head', [steps], { citationMarkers: false });
    expect(result.answer).toContain('\n1. Switch the printer off.\n2. Open the front cover and press the print head down until it clicks.\n3. Close the cover and switch the printer on again.');
    const withoutList = extractiveAnswer('how do I fix error E-42 print head', [{ ...steps, text: 'Printer errors\n\nE-42 means the print head is not seated.' }]);
    expect(result.confidence).toBeGreaterThan(0);
    expect(withoutList.answer).not.toContain('\n');
  });

  it('is more confident when the answering article clearly beats the others', () => {
    const clear = extractiveAnswer('refund card', chunks).confidence;
    const close = extractiveAnswer('refund card', [{ ...chunks[0], score: 4.1 }, chunks[1], chunks[2]]).confidence;
    expect(clear).toBeGreaterThan(close);
    expect(clear).toBeLessThanOrEqual(1);
  });

  it('is less confident when the question has terms the sources never mention', () => {
    const covered = extractiveAnswer('refund card', chunks).confidence;
    const partial = extractiveAnswer('refund card bitcoin wallet', chunks).confidence;
    expect(partial).toBeLessThan(covered);
  });
});

describe('retrievalMargin', () => {
  it('measures how far the top article is ahead of the best other article', () => {
    expect(retrievalMargin([chunk('a', 'x', 10), chunk('a', 'y', 9), chunk('b', 'z', 6)])).toBeCloseTo(0.4);
  });

  it('is 0 for an article that does not win and 0.5 for a lone chunk', () => {
    expect(retrievalMargin([chunk('a', 'x', 10), chunk('b', 'y', 6)], 'b')).toBe(0);
    expect(retrievalMargin([chunk('a', 'x', 10)])).toBe(0.5);
  });
});

describe('shouldAutoResolve', () => {
  it('resolves at or above the threshold only', () => {
    expect(shouldAutoResolve(0.8, 0.8)).toBe(true);
    expect(shouldAutoResolve(0.79, 0.8)).toBe(false);
  });

  it('never resolves on NaN, out-of-range values or a zero threshold', () => {
    expect(shouldAutoResolve(Number.NaN, 0.5)).toBe(false);
    expect(shouldAutoResolve(1.2, 0.5)).toBe(false);
    expect(shouldAutoResolve(0.9, 0)).toBe(false);
    expect(shouldAutoResolve(0.9, 1.5)).toBe(false);
  });
});
