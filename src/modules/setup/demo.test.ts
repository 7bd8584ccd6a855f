import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../customers';
import { tickets } from '../tickets';
import { findUserByEmail } from '../users';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_STAFF, DEMO_TICKETS } from './demo-data';
import { loadDemoData } from './demo.service';

let t: TestApp;
let admin: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  lead = await t.as('lead');
  expect(await loadDemoData(t.ctx)).toBe(true);
}, 300_000);
afterAll(() => t.close());

describe('the demo data', () => {
  it('spreads over the last 30 days with replies that take time, so the dashboard tells a story', async () => {
    const rows = await t.ctx.db.select({ createdAt: tickets.createdAt, metadata: tickets.metadata, number: tickets.number }).from(tickets);
    expect(rows.length).toBeGreaterThan(DEMO_TICKETS.length + 30);
    expect(rows.every((r) => r.metadata.demo === true)).toBe(true);
    const now = t.clock.now().getTime();
    const ages = rows.map((r) => (now - r.createdAt.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(25);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    // Numbers follow arrival: the oldest ticket has the lowest number.
    const byTime = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((r) => r.number);
    expect(byTime).toEqual([...byTime].sort((a, b) => a - b));

    const dash = (await admin.request('GET', '/api/dashboard')).json();
    expect(dash.volume.filter((d: { created: number }) => d.created > 0).length).toBeGreaterThanOrEqual(18);
    expect(dash.volume.filter((d: { resolved: number }) => d.resolved > 0).length).toBeGreaterThanOrEqual(15);
    for (const target of ['first_response', 'resolution'] as const) {
      expect(dash.sla[target].percent).toBeGreaterThan(50);
      expect(dash.sla[target].percent).toBeLessThan(100);
    }
    expect(dash.median_seconds.first_response).toBeGreaterThan(10 * 60);
    expect(dash.median_seconds.resolution).toBeGreaterThan(dash.median_seconds.first_response);
    expect(dash.counts.escalated).toBeGreaterThanOrEqual(1);
  });

  it('keeps the featured tickets current: the urgent outage is escalated and breaching soon', async () => {
    const soon = (await admin.request('GET', '/api/tickets?breach_within=240&sort=next_breach')).json();
    const outage = soon.items.find((x: { subject: string }) => x.subject === 'Production API down for everyone');
    expect(outage).toMatchObject({ status: 'escalated', priority: 'urgent' });
    const conversation = (await admin.request('GET', `/api/tickets/${outage.number}/messages`)).json().items;
    expect(conversation).toHaveLength(1);
  });

  it('reports itself to leads and admins, is removed by an admin only, and never comes back', async () => {
    const status = (await lead.request('GET', '/api/admin/demo')).json();
    expect(status).toMatchObject({ present: true, users: DEMO_STAFF.length, articles: 24 });
    expect(status.tickets).toBeGreaterThan(30);
    expect((await lead.request('DELETE', '/api/admin/demo')).statusCode).toBe(403);

    // Real work since the demo was loaded: a real ticket that a demo agent answered, and an edited demo article.
    const arjun = (await findUserByEmail(t.ctx.db, 'arjun.agent@clara.local'))!;
    const real = (await admin.request('POST', '/api/tickets', { subject: 'Real customer question', description: 'A question from a real customer about invoices.', channel: 'web', customer: { email: 'real@customer.example', name: 'Real Customer' } })).json();
    expect((await admin.request('PATCH', `/api/tickets/${real.id}`, { assignee_id: arjun.id })).statusCode).toBe(200);
    const article = (await admin.request('GET', '/api/kb/articles/reset-password')).json();
    expect((await admin.request('PATCH', `/api/kb/articles/${article.id}`, { body: `${article.body}\n\nOur own note: call the office if the link never arrives.` })).statusCode).toBe(200);

    const res = await admin.request('DELETE', '/api/admin/demo');
    expect(res.statusCode, res.body).toBe(200);
    const removal = res.json();
    expect(removal.tickets).toBe(status.tickets);
    expect(removal.users).toEqual({ deleted: DEMO_STAFF.length - 1, deactivated: 1 });
    expect(removal.articles).toEqual({ deleted: 23, kept_edited: 1 });

    const left = await t.ctx.db.select({ id: tickets.id }).from(tickets);
    expect(left.map((r) => r.id)).toEqual([real.id]);
    expect(await t.ctx.db.select().from(customers).where(eq(customers.email, 'olivia.brown@example.com'))).toEqual([]);
    expect((await findUserByEmail(t.ctx.db, 'arjun.agent@clara.local'))?.active).toBe(false);
    expect(await findUserByEmail(t.ctx.db, 'lena.lead@clara.local')).toBeNull();
    expect((await admin.request('GET', '/api/kb/articles/reset-password')).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/kb/articles/refunds')).statusCode).toBe(404);
    const audit = (await admin.request('GET', '/api/admin/audit?action=demo.removed')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ tickets: status.tickets });

    expect((await admin.request('GET', '/api/admin/demo')).json()).toMatchObject({ present: false, tickets: 0, users: 0, articles: 0 });
    expect(await loadDemoData(t.ctx)).toBe(false);
    const again = await admin.request('DELETE', '/api/admin/demo');
    expect(again.json()).toMatchObject({ tickets: 0, users: { deleted: 0, deactivated: 0 } });
  });
});
