import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

// Field-level escalation of privilege: a request the role may send, with a field that would achieve
// what a refused action does. Each must be refused (or the field ignored) and change nothing.
let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  otherAgent = await t.as('agent');
  lead = await t.as('lead');
});
afterAll(() => t.close());

async function ticket(overrides: Record<string, unknown> = {}) {
  const res = await lead.request('POST', '/api/tickets', validTicketBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number; status: string; assignee: { id: string } | null; metadata: Record<string, unknown> };
}

const state = async (id: string) => (await lead.request('GET', `/api/tickets/${id}`)).json();

describe('fields that would do what the role may not', () => {
  it('an agent cannot de-escalate, resolve or close an escalated ticket through PATCH (tickets:deescalate)', async () => {
    const { id } = await ticket();
    expect((await agent.request('POST', `/api/tickets/${id}/escalate`, { reason: 'needs a lead' })).statusCode).toBe(200);
    for (const status of ['open', 'resolved', 'closed']) expect((await agent.request('PATCH', `/api/tickets/${id}`, { status })).statusCode).toBe(403);
    expect((await state(id)).status).toBe('escalated');
  });

  it('an agent cannot hand a ticket to a colleague or take one a colleague holds (tickets:assign)', async () => {
    const { id } = await ticket();
    expect((await agent.request('PATCH', `/api/tickets/${id}`, { assignee_id: otherAgent.userId })).statusCode).toBe(403);
    expect((await otherAgent.request('PATCH', `/api/tickets/${id}`, { assignee_id: otherAgent.userId })).statusCode).toBe(200);
    expect((await agent.request('PATCH', `/api/tickets/${id}`, { assignee_id: agent.userId })).statusCode).toBe(403);
    expect((await agent.request('PATCH', `/api/tickets/${id}`, { assignee_id: null })).statusCode).toBe(403);
    expect((await state(id)).assignee.id).toBe(otherAgent.userId);
  });

  it("an agent cannot set Clara's own ticket metadata (demo, automatic answers, mail rules) when creating a ticket", async () => {
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ metadata: { demo: true, auto_resolved: true, email: { auto_reply: false }, order: 'A-1' } }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.metadata.demo).toBeUndefined();
    expect(created.metadata.auto_resolved).toBeUndefined();
    expect(created.metadata.email).toBeUndefined();
    expect(created.metadata.custom).toEqual({ demo: true, auto_resolved: true, email: { auto_reply: false }, order: 'A-1' });
    expect((await (await t.asAdmin()).request('GET', '/api/admin/demo')).json().tickets).toBe(0);
  });

  it('a lead cannot change a role, create an API token or remove the demo (admin only)', async () => {
    expect((await lead.request('PATCH', `/api/admin/users/${agent.userId}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await lead.request('POST', '/api/admin/tokens', { name: 'mine', user_id: lead.userId })).statusCode).toBe(403);
    expect((await lead.request('DELETE', '/api/admin/demo')).statusCode).toBe(403);
    const me = (await lead.request('GET', '/api/auth/me')).json();
    expect(me.user?.role ?? me.role).toBe('lead');
  });

  it('unknown fields are dropped, never applied (a role or permissions sent with a ticket change)', async () => {
    const { id } = await ticket();
    const res = await agent.request('PATCH', `/api/tickets/${id}`, { priority: 'high', role: 'admin', permissions: ['users:manage'], created_at: '2000-01-01T00:00:00Z' });
    expect(res.statusCode).toBe(200);
    expect(res.json().created_at).not.toBe('2000-01-01T00:00:00.000Z');
    const me = (await agent.request('GET', '/api/auth/me')).json();
    expect(me.user?.role ?? me.role).toBe('agent');
    expect((await agent.request('POST', '/api/admin/users', { email: 'x@test.local', name: 'X', role: 'agent', password: 'a-long-password-1' })).statusCode).toBe(403);
  });
});
