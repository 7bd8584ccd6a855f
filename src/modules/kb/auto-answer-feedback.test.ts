import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR } from './article-files';
import { importArticles, readDrafts } from './kb-import.service';

// A customer whose ticket Clara resolved by itself says the answer did not help: the ticket
// reopens, goes to a person of its queue, counts as a failed auto-resolution, and the agent's
// suggestion no longer offers the answer that failed.

let t: TestApp;
let admin: Caller;
let agent: Caller;

const covered = {
  subject: 'Two-factor authentication',
  description: 'How do I regenerate my recovery codes for two-factor authentication?',
  email: 'jane@example.com',
  name: 'Jane Doe',
};

interface Created {
  number: number;
  token: string;
  id: string;
}

async function autoResolved(): Promise<Created> {
  const res = await t.anonymous().request('POST', '/api/public/tickets', covered);
  expect(res.statusCode).toBe(201);
  const { number, token } = res.json();
  await t.settle();
  const ticket = (await agent.request('GET', `/api/tickets/${number}`)).json();
  expect(ticket.status).toBe('resolved');
  return { number, token, id: ticket.id };
}

const feedback = (token: string, body: unknown) => t.anonymous().request('POST', `/api/public/tickets/${token}/feedback`, body);

beforeAll(async () => {
  t = await createTestApp();
  await importArticles(t.ctx, await readDrafts(DEMO_KB_DIR));
  admin = await t.asAdmin();
  agent = await t.as('agent');
  // Every queue hands out tickets round-robin to the one agent.
  for (const q of (await admin.request('GET', '/api/queues')).json().items) {
    const res = await admin.request('PUT', `/api/admin/queues/${q.id}/members`, { user_ids: [agent.userId], assignment: 'round_robin' });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(() => t.close());

describe('the status page after an automatic answer', () => {
  it('shows the answer as written by Clara, with its sources, and asks whether it helped', async () => {
    const { token } = await autoResolved();
    const page = (await t.anonymous().request('GET', `/api/public/tickets/${token}`)).json();
    const answer = page.messages.find((m: { author_type: string }) => m.author_type === 'automation');
    expect(answer.author_name).toBe('Clara');
    expect(answer.sources[0]).toMatchObject({ title: expect.stringMatching(/two-factor/i) });
    expect(page.messages[0]).toMatchObject({ author_type: 'customer', author_name: 'Jane Doe' });
    expect(page.auto_answer).toEqual({ state: 'awaiting_feedback' });
  });

  it('"solved it" keeps the ticket resolved and records the confirmation once', async () => {
    const { token, id } = await autoResolved();
    const res = await feedback(token, { helped: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().auto_answer).toEqual({ state: 'helped' });
    const ticket = (await agent.request('GET', `/api/tickets/${id}`)).json();
    expect(ticket.status).toBe('resolved');
    expect(ticket.metadata.auto_answer.confirmed_at).toBeTruthy();
    const history = (await agent.request('GET', `/api/tickets/${id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toContain('auto_answer_confirmed');
  });

  it('refuses feedback on a ticket without a standing automatic answer with 409, and bad bodies with 400', async () => {
    const created = await t.anonymous().request('POST', '/api/public/tickets', {
      subject: 'Garden furniture order',
      description: 'Do you also sell garden furniture, and can it be delivered to Norway?',
      email: 'sam@example.com',
    });
    const token = created.json().token;
    await t.settle();
    expect((await t.anonymous().request('GET', `/api/public/tickets/${token}`)).json().status).toBe('open');
    const res = await feedback(token, { helped: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect((await feedback(token, { helped: 'no' })).statusCode).toBe(400);
    expect((await feedback('x'.repeat(32), { helped: false })).statusCode).toBe(404);
  });
});

describe('"did not help"', () => {
  let ticket: Created;
  let failedChunks: string[];

  beforeAll(async () => {
    ticket = await autoResolved();
    failedChunks = (await agent.request('GET', `/api/tickets/${ticket.id}`)).json().metadata.auto_answer.citations.map((c: { chunk_id: string }) => c.chunk_id);
    const res = await feedback(ticket.token, { helped: false, comment: 'The recovery codes page stays empty after I click regenerate.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().auto_answer).toEqual({ state: 'did_not_help' });
  });

  it('reopens the ticket with the customer words and hands it to a member of its queue', async () => {
    const after = (await agent.request('GET', `/api/tickets/${ticket.id}`)).json();
    expect(after.status).toBe('open');
    expect(after.assignee?.id).toBe(agent.userId);
    expect(after.metadata.auto_answer.failed_at).toBeTruthy();
    const messages = (await agent.request('GET', `/api/tickets/${ticket.id}/messages`)).json().items;
    expect(messages.at(-1)).toMatchObject({ author_type: 'customer', body: 'The recovery codes page stays empty after I click regenerate.' });
    const history = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['reopened', 'auto_answer_failed', 'assigned']));
  });

  it('cannot be said twice', async () => {
    expect((await feedback(ticket.token, { helped: false })).statusCode).toBe(409);
    expect((await feedback(ticket.token, { helped: true })).statusCode).toBe(409);
  });

  it('leaves the failed answer out of the suggestion the agent sees', async () => {
    const suggestion = (await agent.request('GET', `/api/tickets/${ticket.id}/suggestion`)).json();
    for (const c of suggestion.citations) expect(failedChunks).not.toContain(c.chunk_id);
    const stored = (await agent.request('GET', `/api/tickets/${ticket.id}`)).json().metadata.kb_suggestion;
    expect(stored.after_failed_answer).toBe(true);
    for (const c of stored.citations) expect(failedChunks).not.toContain(c.chunk_id);
  });

  it('counts as a failed auto-resolution on the dashboard', async () => {
    const d = (await admin.request('GET', '/api/dashboard')).json();
    expect(d.auto_resolve.reopened).toBeGreaterThanOrEqual(1);
    expect(d.auto_resolve.succeeded).toBe(d.auto_resolve.auto_resolved - d.auto_resolve.reopened);
  });

  it('a plain reply after an automatic answer counts as a failure too', async () => {
    const other = await autoResolved();
    await t.anonymous().request('POST', `/api/public/tickets/${other.token}/messages`, { body: 'Thanks, but I still cannot log in.' });
    const after = (await agent.request('GET', `/api/tickets/${other.id}`)).json();
    expect(after).toMatchObject({ status: 'open', assignee: { id: agent.userId } });
    expect(after.metadata.auto_answer.failed_at).toBeTruthy();
  });
});
