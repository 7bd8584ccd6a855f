import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let lead: Caller;
let agent: Caller;
let other: Caller;

async function newTicket() {
  const res = await lead.request('POST', '/api/tickets', validTicketBody({ category: 'general', priority: 'normal' }));
  return res.json();
}
const mine = async (caller: Caller, query = '') => (await caller.request('GET', `/api/notifications${query}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as('lead');
  agent = await t.as('agent');
  other = await t.as('agent');
});
afterAll(() => t.close());

describe('notifications', () => {
  it('tells an agent when a lead assigns a ticket to them, but not when they take one themselves', async () => {
    const assigned = await newTicket();
    await lead.request('PATCH', `/api/tickets/${assigned.id}`, { assignee_id: agent.userId });
    const taken = await newTicket();
    await agent.request('PATCH', `/api/tickets/${taken.id}`, { assignee_id: agent.userId });
    const items = (await mine(agent)).items as { type: string; ticket_id: string; title: string }[];
    expect(items.filter((n) => n.ticket_id === assigned.id)).toEqual([expect.objectContaining({ type: 'assignment', title: `Ticket #${assigned.number} was assigned to you` })]);
    expect(items.filter((n) => n.ticket_id === taken.id)).toEqual([]);
  });

  it('tells a colleague mentioned by email in a note', async () => {
    const ticket = await newTicket();
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: `@${other.email} can you check the logs?`, internal: true });
    const items = (await mine(other)).items as { type: string; ticket_id: string }[];
    expect(items.find((n) => n.ticket_id === ticket.id)).toMatchObject({ type: 'mention' });
  });

  it('marks one and then all notifications read, and only the owner can', async () => {
    for (let i = 0; i < 2; i += 1) await lead.request('PATCH', `/api/tickets/${(await newTicket()).id}`, { assignee_id: other.userId });
    const before = await mine(other, '?unread=true');
    expect(before.unread_count).toBeGreaterThanOrEqual(2);
    const first = before.items[0];
    expect((await agent.request('POST', `/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await other.request('POST', `/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().read_at).not.toBeNull();
    expect((await mine(other)).unread_count).toBe(before.unread_count - 1);
    const all = await other.request('POST', '/api/notifications/read-all');
    expect(all.json().updated).toBe(before.unread_count - 1);
    expect((await mine(other, '?unread=true')).items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const page = await mine(other, '?limit=1');
    expect(page.items).toHaveLength(1);
    const next = await mine(other, `?limit=1&cursor=${page.next_cursor}`);
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });
});
