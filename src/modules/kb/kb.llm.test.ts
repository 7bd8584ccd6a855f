import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../../testing/fake-ollama';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let ollama: FakeOllama;
let t: TestApp;
let lead: Caller;

beforeAll(async () => {
  ollama = await startFakeOllama();
  t = await createTestApp({ config: { CLARA_LLM_URL: ollama.url, CLARA_LLM_MODEL: 'tiny', CLARA_EMBEDDINGS: 'ollama', CLARA_OLLAMA_URL: ollama.url } });
  lead = await t.as('lead');
  for (const a of [
    { title: 'Two-factor authentication', body: 'Turn on two-factor authentication under Profile, Security. Scan the QR code with an authenticator app and keep the recovery codes somewhere safe.' },
    { title: 'Refund policy', body: 'Annual plans can be refunded in full within 14 days of purchase. Monthly plans are not refunded, but you can cancel at any time.' },
  ]) {
    await lead.request('POST', '/api/kb/articles', { ...a, category: 'general', status: 'published' });
  }
  await t.ctx.jobs.runDue();
});
afterAll(async () => {
  await t.close();
  await ollama.close();
});

describe('retrieval with an embedding model', () => {
  it('runs hybrid where pgvector exists and full-text only where it does not, and health says which', async () => {
    const health = (await lead.request('GET', '/health')).json();
    const search = (await lead.request('GET', '/api/kb/search?q=refund%20annual%20plan')).json();
    if (t.ctx.database.vector) {
      expect(health.retrieval).toBe('hybrid');
      expect(search.mode).toBe('hybrid');
      expect(search.items[0].scores.vector).toBeGreaterThan(0);
    } else {
      expect(health.retrieval).toBe('fulltext');
      expect(health.features.semantic_search.detail).toMatch(/pgvector/);
      expect(search.items[0].scores.vector).toBeNull();
    }
    expect(search.items[0].title).toBe('Refund policy');
  });
});

describe('answers from a local LLM', () => {
  it('sends only retrieved chunks and returns the cited answer', async () => {
    ollama.reply = () => 'Annual plans are refunded in full within 14 days [1].';
    const res = (await lead.request('POST', '/api/kb/ask', { question: 'Can I get my money back for the annual plan?' })).json();
    expect(res).toMatchObject({ mode: 'llm', answer: 'Annual plans are refunded in full within 14 days [1].' });
    expect(res.citations[0].title).toBe('Refund policy');
    const prompt = ollama.chatRequests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('refunded in full within 14 days');
    expect(ollama.chatRequests.at(-1)!.model).toBe('tiny');
  });

  it('rejects an answer that cites nothing retrieved and falls back to the extractive answer', async () => {
    ollama.reply = () => 'Sure, refunds are always possible within 90 days.';
    const res = (await lead.request('POST', '/api/kb/ask', { question: 'Can I get my money back for the annual plan?' })).json();
    expect(res.mode).toBe('extractive');
    expect(res.answer).not.toContain('90 days');
    expect(res.citations[0].title).toBe('Refund policy');
    ollama.reply = () => 'See [7] for details.';
    expect((await lead.request('POST', '/api/kb/ask', { question: 'Can I get my money back for the annual plan?' })).json().mode).toBe('extractive');
  });

  it('rejects an answer that states a number or a menu path its cited source does not', async () => {
    const ask = () => lead.request('POST', '/api/kb/ask', { question: 'Can I get my money back for the annual plan?' });
    ollama.reply = () => 'Annual plans are refunded in full within 30 days [1].';
    let res = (await ask()).json();
    expect(res.mode).toBe('extractive');
    expect(res.answer).toContain('14 days');
    ollama.reply = () => 'Annual plans are refunded within 14 days [1]. Ask for it under Billing → Refunds [1].';
    res = (await ask()).json();
    expect(res.mode).toBe('extractive');
    ollama.reply = () => 'Yes: annual plans are refunded in full within 14 days of purchase [1].';
    expect((await ask()).json().mode).toBe('llm');
  });

  it('reports no answer when the model says the sources do not cover the question', async () => {
    ollama.reply = () => 'NO_ANSWER';
    const res = (await lead.request('POST', '/api/kb/ask', { question: 'Do you refund an annual plan after two years?' })).json();
    expect(res).toMatchObject({ answer: null, confidence: 0, citations: [] });
  });
});
