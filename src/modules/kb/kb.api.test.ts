import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let lead: Caller;
let agent: Caller;

const article = (overrides: Record<string, unknown> = {}) => ({
  title: 'Resetting a forgotten password',
  body: '## Steps\n\nOpen the login page and click "Forgot password". Enter your email address and we send a reset link that is valid for 30 minutes. Choose a new password of at least 10 characters.\n\n## Still stuck?\n\nIf the link does not arrive, check your spam folder or ask your workspace admin.',
  category: 'technical',
  tags: ['login'],
  status: 'published',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as('lead');
  agent = await t.as('agent');
});
afterAll(() => t.close());

async function publish(overrides: Record<string, unknown> = {}) {
  const res = await lead.request('POST', '/api/kb/articles', article(overrides));
  expect(res.statusCode).toBe(201);
  await t.ctx.jobs.runDue();
  return res.json();
}

const search = async (q: string) => (await agent.request('GET', `/api/kb/search?q=${encodeURIComponent(q)}`)).json();

describe('articles', () => {
  it('lets leads write and agents only read', async () => {
    expect((await agent.request('POST', '/api/kb/articles', article())).statusCode).toBe(403);
    const created = await publish({ slug: 'reset-forgotten-password' });
    const got = await agent.request('GET', '/api/kb/articles/reset-forgotten-password');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: created.id, version: 1, indexed: true, status: 'published' });
  });

  it('finds a published article with a highlighted snippet and its heading path', async () => {
    const created = await publish({ title: 'Exporting invoices as PDF', body: '## Invoice export\n\nGo to Billing and press Export to download every invoice as a PDF archive. Exports include credit notes as well.' });
    const res = await search('download invoices pdf');
    expect(res.mode).toBe('fulltext');
    const hit = res.items.find((i: { article_id: string }) => i.article_id === created.id);
    expect(hit.snippet).toContain('<mark>');
    expect(hit.heading_path[0]).toBe('Exporting invoices as PDF');
  });

  it("finds an article by its tags, the author's own search words, which never show in an answer", async () => {
    const created = await publish({ title: 'Requesting days off', body: '## Ask your manager\n\nOpen Me, then Time off, and send a request at least 7 days ahead.', tags: ['holiday', 'leave'] });
    expect((await search('holiday')).items[0]?.article_id).toBe(created.id);
    const asked = (await agent.request('POST', '/api/kb/ask', { question: 'How many days ahead must I send a holiday request?' })).json();
    expect(asked.citations[0].article_id).toBe(created.id);
    expect(asked.answer).not.toMatch(/holiday|leave/i);
    // A tags-only edit takes effect without a new version.
    await lead.request('PATCH', `/api/kb/articles/${created.id}`, { tags: ['vacation'] });
    expect((await search('vacation')).items[0]?.article_id).toBe(created.id);
    expect((await search('holiday')).items.map((i: { article_id: string }) => i.article_id)).not.toContain(created.id);
  });

  it('never returns drafts, unpublished or deleted articles', async () => {
    const draft = await publish({ title: 'Secret roadmap zebrafish', status: 'draft' });
    expect((await search('zebrafish')).items).toHaveLength(0);
    await lead.request('POST', `/api/kb/articles/${draft.id}/publish`);
    expect((await search('zebrafish')).items).toHaveLength(1);
    await lead.request('POST', `/api/kb/articles/${draft.id}/unpublish`);
    expect((await search('zebrafish')).items).toHaveLength(0);
    await lead.request('POST', `/api/kb/articles/${draft.id}/publish`);
    expect((await lead.request('DELETE', `/api/kb/articles/${draft.id}`)).statusCode).toBe(204);
    await t.ctx.jobs.runDue();
    expect((await search('zebrafish')).items).toHaveLength(0);
    expect((await agent.request('GET', `/api/kb/articles/${draft.id}`)).statusCode).toBe(404);
  });

  it('re-chunks and re-indexes an edited article in a background job and keeps the old version', async () => {
    const a = await publish({ title: 'Office hours', body: 'Our support team answers on weekdays between nine and five, central european time.' });
    const patched = await lead.request('PATCH', `/api/kb/articles/${a.id}`, { body: 'Our support team now also answers on saturdays, with a platypus mascot on duty all day.' });
    expect(patched.json()).toMatchObject({ version: 2, indexed: false });
    expect((await search('platypus')).items).toHaveLength(0);
    await t.ctx.jobs.runDue();
    expect((await search('platypus')).items.map((i: { article_id: string }) => i.article_id)).toEqual([a.id]);
    expect((await search('weekdays nine five')).items.filter((i: { article_id: string }) => i.article_id === a.id)).toHaveLength(0);
    const versions = (await agent.request('GET', `/api/kb/articles/${a.id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('corrects a typo in the query against the knowledge base vocabulary', async () => {
    await publish({ title: 'Webhook retries', body: 'Failed webhook deliveries are retried with exponential backoff for up to 24 hours before they are dropped.' });
    const res = await search('webhok retrys');
    expect(res.items[0].title).toBe('Webhook retries');
  });

  it.each([
    ['a missing title', { title: undefined }],
    ['a body that is too short', { body: 'short' }],
    ['an unknown category', { category: 'sales' }],
    ['a bad slug', { slug: 'Not A Slug' }],
  ])('refuses %s with 400', async (_n, overrides) => {
    expect((await lead.request('POST', '/api/kb/articles', article(overrides))).statusCode).toBe(400);
  });

  it('refuses a 10 MB article with 413 and an unknown article with 404', async () => {
    const res = await lead.request('POST', '/api/kb/articles', article({ body: 'x '.repeat(5_000_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await lead.request('PATCH', '/api/kb/articles/no-such-article', { title: 'New title' })).statusCode).toBe(404);
  });
});

describe('answers', () => {
  it('answers from the best article and cites it', async () => {
    const a = await publish({ title: 'Changing the invoice address', slug: 'invoice-address', body: 'To change the address printed on invoices, open Billing, then Company details, and edit the billing address. New invoices use it at once; past invoices cannot be changed.' });
    const res = await agent.request('POST', '/api/kb/ask', { question: 'How can I change the billing address on my invoices?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mode).toBe('extractive');
    expect(body.citations[0]).toMatchObject({ article_id: a.id, slug: 'invoice-address' });
    expect(body.answer).toMatch(/Company details/);
    expect(body.confidence).toBeGreaterThan(0);
  });

  it('answers the same question again from the edited article, not from the retrieval it just did', async () => {
    const a = await publish({ title: 'Parcel lockers', body: 'Parcels that do not fit the letterbox go to the parcel locker at the station; the locker code arrives by text message.' });
    const question = { question: 'Where does my parcel go when it does not fit the letterbox?' };
    expect((await agent.request('POST', '/api/kb/ask', question)).json().answer).toMatch(/station/);
    await lead.request('PATCH', `/api/kb/articles/${a.id}`, { body: 'Parcels that do not fit the letterbox go to the parcel locker in the town hall; the locker code arrives by text message.' });
    await t.ctx.jobs.runDue();
    const again = (await agent.request('POST', '/api/kb/ask', question)).json();
    expect(again.answer).toMatch(/town hall/);
    expect(again.answer).not.toMatch(/station/);
  });

  it('refuses an empty question with 400', async () => {
    expect((await agent.request('POST', '/api/kb/ask', { question: '  ' })).statusCode).toBe(400);
    expect((await agent.request('POST', '/api/kb/ask', {})).statusCode).toBe(400);
  });

  it('offers public instant answers from published articles only, without login', async () => {
    const res = await t.anonymous().request('GET', '/api/public/kb/search?q=invoice%20address');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ slug: 'invoice-address', title: 'Changing the invoice address' });
    expect((await t.anonymous().request('GET', '/api/public/kb/articles/invoice-address')).json().title).toBe('Changing the invoice address');
  });
});
