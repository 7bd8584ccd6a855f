import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../core/db';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { mailQueuedNotifications } from './notification-email.service';

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

  it('hands each queued notification to the email outbox once, and skips deactivated users', async () => {
    const gone = await t.as('agent');
    const ticket = await newTicket();
    await lead.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: agent.userId });
    await lead.request('PATCH', `/api/tickets/${(await newTicket()).id}`, { assignee_id: gone.userId });
    await t.asAdmin().then((admin) => admin.request('PATCH', `/api/admin/users/${gone.userId}`, { active: false }));
    while ((await mailQueuedNotifications(t.ctx, 2)) > 0);
    expect(await mailQueuedNotifications(t.ctx)).toBe(0);
    const mails = await queryRows<{ to_address: string; subject: string; text_body: string; kind: string }>(
      t.ctx.db,
      sql`select to_address, subject, text_body, kind from outbox where ticket_id = ${ticket.id}`,
    );
    expect(mails).toEqual([expect.objectContaining({ to_address: agent.email, kind: 'notification', subject: `Ticket #${ticket.number} was assigned to you` })]);
    const states = await queryRows<{ email_state: string; n: number }>(
      t.ctx.db,
      sql`select email_state, count(*)::int as n from notifications where user_id = ${gone.userId} group by email_state`,
    );
    expect(states).toEqual([{ email_state: 'skipped', n: 1 }]);
    const total = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where dedupe_key like 'notification:%'`);
    const sent = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from notifications where email_state = 'sent'`);
    expect(total[0]!.n).toBe(sent[0]!.n);
  });
});
