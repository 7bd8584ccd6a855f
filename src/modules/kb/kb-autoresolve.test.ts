import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR } from './article-files';
import { importArticles, readDrafts } from './kb-import.service';

let t: TestApp;
let agent: Caller;

beforeAll(async () => {
  t = await createTestApp();
  await importArticles(t.ctx, await readDrafts(DEMO_KB_DIR));
  agent = await t.as('agent');
});
afterAll(() => t.close());

const covered = {
  subject: 'Two-factor authentication',
  description: 'How do I regenerate my recovery codes for two-factor authentication?',
};

async function publicTicket(body: { subject: string; description: string }) {
  const res = await t.anonymous().request('POST', '/api/public/tickets', { ...body, email: 'jane@example.com' });
  expect(res.statusCode).toBe(201);
  const { number, token } = res.json();
  await t.settle();
  const ticket = (await agent.request('GET', `/api/tickets/${number}`)).json();
  return { ticket, token };
}

describe('auto-resolve from the knowledge base', () => {
  it('answers after the request: the status page says Clara is reading until the answer is there', async () => {
    const res = await t.anonymous().request('POST', '/api/public/tickets', { ...covered, email: 'jane@example.com' });
    expect(res.json().status).toBe('open');
    const statusPage = async () => (await t.anonymous().request('GET', `/api/public/tickets/${res.json().token}`)).json();
    expect(await statusPage()).toMatchObject({ status: 'open', answering: true, auto_answer: null });
    await t.settle();
    const after = await statusPage();
    expect(after).toMatchObject({ status: 'resolved', answering: false, auto_answer: { state: 'awaiting_feedback' } });
    expect(after.messages.at(-1)).toMatchObject({ author_type: 'automation', author_name: 'Clara' });
  });

  it('answers a covered question with citations and resolves the ticket', async () => {
    const { ticket } = await publicTicket(covered);
    expect(ticket.status).toBe('resolved');
    expect(ticket.metadata.auto_resolved).toBe(true);
    expect(ticket.metadata.auto_answer.confidence).toBeGreaterThanOrEqual(0.85);
    expect(ticket.metadata.auto_answer.citations[0].title).toMatch(/two-factor/i);
    const messages = (await agent.request('GET', `/api/tickets/${ticket.id}/messages`)).json().items;
    expect(messages.at(-1)).toMatchObject({ author_type: 'automation', internal: false });
    expect(messages.at(-1).body).toMatch(/recovery code/i);
    expect(messages.at(-1).body).not.toMatch(/\[\d+\]/); // citation markers mean nothing to a customer; sources go beside the answer
    expect(messages.at(-1).body).toContain('a person from our team will take over');
    const actions = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['created', 'auto_answered', 'status_changed']);
  });

  it('reopens the auto-resolved ticket when the customer replies', async () => {
    const { ticket, token } = await publicTicket(covered);
    expect(ticket.status).toBe('resolved');
    await t.anonymous().request('POST', `/api/public/tickets/${token}/messages`, { body: 'That did not help, the page shows an error.' });
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().status).toBe('open');
  });

  it('reads the ticket again after a rule changed it: a question a rule made urgent gets a suggestion, not an answer', async () => {
    const admin = await t.asAdmin();
    const rule = await admin.request('POST', '/api/admin/escalation-rules', {
      name: 'Locked-out recovery is urgent',
      position: 5,
      conditions: { type: 'keywords', words: ['recovery codes'] },
      actions: [{ type: 'raise_priority', to: 'urgent' }],
    });
    expect(rule.statusCode).toBe(201);
    try {
      const { ticket } = await publicTicket(covered);
      expect(ticket).toMatchObject({ priority: 'urgent', status: 'open' });
      expect(ticket.metadata.auto_resolved).toBeUndefined();
      expect(ticket.metadata.kb_suggestion.citations[0].title).toMatch(/two-factor/i);
    } finally {
      expect((await admin.request('DELETE', `/api/admin/escalation-rules/${rule.json().id}`)).statusCode).toBe(204);
    }
  });

  it('leaves a question the knowledge base does not cover open', async () => {
    const { ticket } = await publicTicket({ subject: 'Garden furniture order', description: 'Do you also sell garden furniture, and can it be delivered to Norway?' });
    expect(ticket.status).toBe('open');
    expect(ticket.metadata.auto_resolved).toBeUndefined();
  });

  it('never auto-resolves an urgent ticket but gives the agent the suggestion', async () => {
    const res = await agent.request('POST', '/api/tickets', { ...covered, channel: 'web', priority: 'urgent', category: 'technical', customer: { email: 'boss@example.com' } });
    await t.settle();
    const ticket = (await agent.request('GET', `/api/tickets/${res.json().id}`)).json();
    expect(ticket.status).toBe('open');
    expect(ticket.metadata.kb_suggestion.citations[0].title).toMatch(/two-factor/i);
    const suggestion = (await agent.request('GET', `/api/tickets/${ticket.id}/suggestion`)).json();
    expect(suggestion).toMatchObject({ ticket_id: ticket.id, mode: 'extractive' });
    expect(suggestion.citations.length).toBeGreaterThan(0);
    expect((await agent.request('GET', '/api/tickets/999999/suggestion')).statusCode).toBe(404);
  });
});
