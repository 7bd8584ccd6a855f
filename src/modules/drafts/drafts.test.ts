import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

// Typed work survives a reload, another device and a logout: drafts live on the server, per user.

let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let lead: Caller;
let viewer: Caller;
let ticket: { id: string; number: number };

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  otherAgent = await t.as('agent');
  lead = await t.as('lead');
  viewer = await t.as('viewer');
  const res = await agent.request('POST', '/api/tickets', validTicketBody({ category: 'technical', priority: 'normal' }));
  ticket = res.json();
});
afterAll(() => t.close());

const content = { mode: 'reply', body: 'Hello Chris, the technician comes tomorrow at 9.' };

describe('ticket reply drafts', () => {
  it('has none at first, keeps the one saved and gives it back by id or number', async () => {
    expect((await agent.request('GET', `/api/tickets/${ticket.id}/draft`)).json()).toEqual({ draft: null });
    const saved = await agent.request('PUT', `/api/tickets/${ticket.id}/draft`, { content });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().draft).toMatchObject({ content, updated_at: expect.any(String) });
    // Another device of the same user: a new session sees it.
    const again = await agent.request('GET', `/api/tickets/${ticket.number}/draft`);
    expect(again.json().draft.content).toEqual(content);
  });

  it('keeps the latest text and is private to its author', async () => {
    await agent.request('PUT', `/api/tickets/${ticket.id}/draft`, { content: { mode: 'note', body: 'Check the warranty first.' } });
    expect((await agent.request('GET', `/api/tickets/${ticket.id}/draft`)).json().draft.content).toEqual({ mode: 'note', body: 'Check the warranty first.' });
    expect((await otherAgent.request('GET', `/api/tickets/${ticket.id}/draft`)).json()).toEqual({ draft: null });
  });

  it('is gone once the author sends a message on the ticket, and only theirs', async () => {
    await otherAgent.request('PUT', `/api/tickets/${ticket.id}/draft`, { content: { mode: 'reply', body: 'My own draft.' } });
    const sent = await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Check the warranty first.', internal: true });
    expect(sent.statusCode).toBe(201);
    expect((await agent.request('GET', `/api/tickets/${ticket.id}/draft`)).json()).toEqual({ draft: null });
    expect((await otherAgent.request('GET', `/api/tickets/${ticket.id}/draft`)).json().draft.content.body).toBe('My own draft.');
  });

  it('can be discarded', async () => {
    expect((await otherAgent.request('DELETE', `/api/tickets/${ticket.id}/draft`)).statusCode).toBe(204);
    expect((await otherAgent.request('GET', `/api/tickets/${ticket.id}/draft`)).json()).toEqual({ draft: null });
  });

  it('answers 404 for an unknown ticket, 400 for a bad body, 403 for a viewer', async () => {
    expect((await agent.request('PUT', '/api/tickets/999999/draft', { content })).statusCode).toBe(404);
    expect((await agent.request('GET', '/api/tickets/00000000-0000-4000-8000-000000000000/draft')).statusCode).toBe(404);
    for (const body of [{ content: { mode: 'shout', body: 'x' } }, { content: { mode: 'reply', body: 'x'.repeat(20_001) } }, {}]) {
      const res = await agent.request('PUT', `/api/tickets/${ticket.id}/draft`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await viewer.request('GET', `/api/tickets/${ticket.id}/draft`)).statusCode).toBe(403);
  });
});

describe('knowledge-base article drafts', () => {
  const article = { title: 'Resetting the router', body: 'Hold the reset button for ten seconds until the light blinks.', category: 'technical', tags: ['router'] };

  it('keeps a new article being written under "new"', async () => {
    expect((await lead.request('PUT', '/api/kb/drafts/new', { content: article })).statusCode).toBe(200);
    expect((await lead.request('GET', '/api/kb/drafts/new')).json().draft.content).toEqual(article);
    expect((await lead.request('DELETE', '/api/kb/drafts/new')).statusCode).toBe(204);
    expect((await lead.request('GET', '/api/kb/drafts/new')).json()).toEqual({ draft: null });
  });

  it('keeps edits of an existing article under its id, and refuses an unknown one', async () => {
    const created = await lead.request('POST', '/api/kb/articles', { title: 'Router lights', body: 'A blinking light means the router restarts.' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await lead.request('PUT', `/api/kb/drafts/${id}`, { content: { ...article, title: 'Router lights, explained' } })).statusCode).toBe(200);
    expect((await lead.request('GET', `/api/kb/drafts/${id}`)).json().draft.content.title).toBe('Router lights, explained');
    expect((await lead.request('GET', '/api/kb/drafts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await lead.request('GET', '/api/kb/drafts/some-slug')).statusCode).toBe(400);
  });

  it('is for knowledge-base editors only', async () => {
    expect((await agent.request('PUT', '/api/kb/drafts/new', { content: article })).statusCode).toBe(403);
  });
});
