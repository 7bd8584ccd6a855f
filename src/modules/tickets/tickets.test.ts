import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let agent: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  lead = await t.as('lead');
});
afterAll(() => t.close());

async function newTicket(overrides: Record<string, unknown> = {}) {
  const res = await agent.request('POST', '/api/tickets', validTicketBody(overrides));
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('creating tickets', () => {
  it('creates a ticket with a number, the given labels, SLA deadlines and a created history row', async () => {
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ category: 'general', priority: 'normal' }));
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket.number).toBeGreaterThanOrEqual(1001);
    expect(ticket).toMatchObject({ status: 'open', category: 'general', priority: 'normal', queue: { name: 'General Support' } });
    const created = new Date(ticket.created_at).getTime();
    expect(new Date(ticket.sla.first_response_due_at).getTime() - created).toBe(12 * 3600_000);
    expect(new Date(ticket.sla.resolution_due_at).getTime() - created).toBe(72 * 3600_000);
    const history = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['created']);
  });

  it('numbers tickets consecutively', async () => {
    const a = await newTicket();
    const b = await newTicket();
    expect(b.number).toBe(a.number + 1);
  });

  it('uses the urgent SLA for urgent tickets', async () => {
    const ticket = await newTicket({ priority: 'urgent', category: 'technical' });
    const created = new Date(ticket.created_at).getTime();
    expect(new Date(ticket.sla.first_response_due_at).getTime() - created).toBe(30 * 60_000);
    expect(new Date(ticket.sla.resolution_due_at).getTime() - created).toBe(4 * 3600_000);
  });

  it('finds the existing customer by email instead of creating a second one', async () => {
    const a = await newTicket({ customer: { email: 'Same.Person@Example.com' } });
    const b = await newTicket({ customer: { email: 'same.person@example.com', name: 'Same' } });
    expect(b.customer.id).toBe(a.customer.id);
  });

  it('accepts an existing customer_id and refuses an unknown one with 404', async () => {
    const a = await newTicket();
    const ok = await agent.request('POST', '/api/tickets', validTicketBody({ customer: undefined, customer_id: a.customer.id }));
    expect(ok.statusCode).toBe(201);
    const bad = await agent.request('POST', '/api/tickets', validTicketBody({ customer: undefined, customer_id: '00000000-0000-4000-8000-000000000000' }));
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it.each([
    ['a missing subject', { subject: undefined }, 'body.subject'],
    ['a too short subject', { subject: 'Hi' }, 'body.subject'],
    ['an oversized subject', { subject: 'x'.repeat(201) }, 'body.subject'],
    ['a too short description', { description: 'short' }, 'body.description'],
    ['a wrong channel', { channel: 'fax' }, 'body.channel'],
    ['a wrong priority type', { priority: 5 }, 'body.priority'],
    ['no customer at all', { customer: undefined }, 'body.customer'],
    ['a bad customer email', { customer: { email: 'not-an-email' } }, 'body.customer.email'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const res = await agent.request('POST', '/api/tickets', validTicketBody(overrides));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a body that is not JSON with a 400 in the error shape', async () => {
    const res = await agent.request('POST', '/api/tickets', '{not json', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeDefined();
  });

  it('refuses an unknown queue with 404', async () => {
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ queue_id: '00000000-0000-4000-8000-000000000000' }));
    expect(res.statusCode).toBe(404);
  });
});

describe('reading tickets', () => {
  it('gets a ticket by id and by number', async () => {
    const created = await newTicket();
    expect((await agent.request('GET', `/api/tickets/${created.id}`)).json().id).toBe(created.id);
    expect((await agent.request('GET', `/api/tickets/${created.number}`)).json().id).toBe(created.id);
  });

  it('answers 404 for an unknown id or number and 400 for a malformed one', async () => {
    expect((await agent.request('GET', '/api/tickets/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await agent.request('GET', '/api/tickets/999999')).statusCode).toBe(404);
    expect((await agent.request('GET', '/api/tickets/not-a-ticket')).statusCode).toBe(400);
  });
});

describe('changing tickets', () => {
  it('changes priority, recomputes the SLA and records old and new values', async () => {
    const ticket = await newTicket({ priority: 'normal' });
    const res = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { priority: 'high', comment: 'customer is blocked' });
    expect(res.statusCode).toBe(200);
    const updated = res.json();
    expect(updated.priority).toBe('high');
    expect(new Date(updated.sla.first_response_due_at).getTime() - new Date(updated.created_at).getTime()).toBe(2 * 3600_000);
    const history = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'priority_changed', old_value: 'normal', new_value: 'high', comment: 'customer is blocked', actor_id: agent.userId });
  });

  it('resolving stamps resolved_at and reopening clears it and counts the reopen', async () => {
    const ticket = await newTicket();
    const resolved = (await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' })).json();
    expect(resolved.resolved_at).not.toBeNull();
    const reopened = (await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'open' })).json();
    expect(reopened.resolved_at).toBeNull();
    expect(reopened.metadata.reopen_count).toBe(1);
    const actions = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['created', 'status_changed', 'reopened']);
  });

  it('refuses an illegal status transition with 409 and changes nothing', async () => {
    const ticket = await newTicket();
    await agent.request('DELETE', `/api/tickets/${ticket.id}`);
    const res = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'closed', to: 'pending' } });
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().status).toBe('closed');
  });

  it('rolls back the ticket change when part of the update fails', async () => {
    const ticket = await newTicket({ priority: 'normal' });
    const res = await lead.request('PATCH', `/api/tickets/${ticket.id}`, { priority: 'urgent', assignee_id: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    const after = (await agent.request('GET', `/api/tickets/${ticket.id}`)).json();
    expect(after.priority).toBe('normal');
    expect((await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items).toHaveLength(1);
  });

  it('lets an agent take an unassigned ticket but not assign it to someone else', async () => {
    const ticket = await newTicket();
    const other = await t.as('agent');
    const toOther = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: other.userId });
    expect(toOther.statusCode).toBe(403);
    const self = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: agent.userId });
    expect(self.statusCode).toBe(200);
    expect(self.json().assignee.id).toBe(agent.userId);
    const byLead = await lead.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: other.userId });
    expect(byLead.json().assignee.id).toBe(other.userId);
  });

  it('refuses to assign a ticket to a viewer', async () => {
    const ticket = await newTicket();
    const viewer = await t.as('viewer');
    const res = await lead.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: viewer.userId });
    expect(res.statusCode).toBe(409);
  });

  it('refuses an empty change and unknown fields types with 400', async () => {
    const ticket = await newTicket();
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, {})).statusCode).toBe(400);
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'deleted' })).statusCode).toBe(400);
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { tags: 'one' })).statusCode).toBe(400);
  });

  it('answers 404 when changing an unknown ticket', async () => {
    const res = await agent.request('PATCH', '/api/tickets/00000000-0000-4000-8000-000000000000', { priority: 'low' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
  });

  it('DELETE closes the ticket softly and keeps it readable', async () => {
    const ticket = await newTicket();
    const res = await agent.request('DELETE', `/api/tickets/${ticket.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed' });
    expect(res.json().closed_at).not.toBeNull();
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().status).toBe('closed');
  });
});

describe('messages', () => {
  it('stamps the first response on the first public reply only', async () => {
    const ticket = await newTicket();
    const note = await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Checking logs', internal: true });
    expect(note.statusCode).toBe(201);
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().sla.first_responded_at).toBeNull();
    t.clock.advance(60_000);
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'We are on it.' });
    const first = (await agent.request('GET', `/api/tickets/${ticket.id}`)).json().sla.first_responded_at;
    expect(first).not.toBeNull();
    t.clock.advance(60_000);
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Fixed now.' });
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().sla.first_responded_at).toBe(first);
    const messages = (await agent.request('GET', `/api/tickets/${ticket.id}/messages`)).json().items;
    expect(messages.map((m: { author_type: string; internal: boolean }) => [m.author_type, m.internal])).toEqual([
      ['customer', false],
      ['agent', true],
      ['agent', false],
      ['agent', false],
    ]);
  });

  it('refuses an empty message and a message on an unknown ticket', async () => {
    const ticket = await newTicket();
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: '   ' })).statusCode).toBe(400);
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'x', internal: 'yes' })).statusCode).toBe(400);
    expect((await agent.request('POST', '/api/tickets/424242/messages', { body: 'hello' })).statusCode).toBe(404);
    expect((await agent.request('GET', '/api/tickets/424242/messages')).statusCode).toBe(404);
  });
});
