import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR, importArticles, readDrafts } from '../kb';

// The clock starts at 2026-03-02T09:00Z (a Monday). Tickets are created at chosen instants so every figure is known.
let t: TestApp;
let lead: Caller;
let agentA: Caller;
let agentB: Caller;
const HOUR = 3600_000;
const MINUTE = 60_000;

async function ticketAt(at: string, overrides: Record<string, unknown> = {}) {
  t.clock.set(new Date(at));
  const res = await lead.request('POST', '/api/tickets', validTicketBody({ category: 'general', priority: 'normal', ...overrides }));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function act(caller: Caller, at: string, method: string, url: string, body: unknown) {
  t.clock.set(new Date(at));
  const res = await caller.request(method, url, body);
  expect(res.statusCode).toBeLessThan(300);
}

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as('lead');
  agentA = await t.as('agent');
  agentB = await t.as('agent');

  // 1. urgent technical, answered after 10 min (met), resolved after 2 h (met). Created 2026-02-20.
  const a = await ticketAt('2026-02-20T10:00:00Z', { priority: 'urgent', category: 'technical' });
  await act(agentA, '2026-02-20T10:10:00Z', 'POST', `/api/tickets/${a.id}/messages`, { body: 'Looking into it.' });
  await act(agentA, '2026-02-20T12:00:00Z', 'PATCH', `/api/tickets/${a.id}`, { status: 'resolved' });

  // 2. high billing, answered after 3 h (breached, due 2 h), still open and assigned to agent A. Created 2026-02-25.
  const b = await ticketAt('2026-02-25T08:00:00Z', { priority: 'high', category: 'billing' });
  await act(agentA, '2026-02-25T11:00:00Z', 'POST', `/api/tickets/${b.id}/messages`, { body: 'Sorry for the wait.' });
  await act(lead, '2026-02-25T11:00:00Z', 'PATCH', `/api/tickets/${b.id}`, { assignee_id: agentA.userId });

  // 3. normal general, created today, not answered yet, due in the future: no SLA outcome. Escalated, assigned to agent B.
  const c = await ticketAt('2026-03-02T07:00:00Z');
  await act(lead, '2026-03-02T07:30:00Z', 'PATCH', `/api/tickets/${c.id}`, { status: 'escalated', assignee_id: agentB.userId });

  // 4. low general, created today, pending; an internal note does not count as a first response.
  const d = await ticketAt('2026-03-02T07:30:00Z', { priority: 'low' });
  await act(agentB, '2026-03-02T08:05:00Z', 'POST', `/api/tickets/${d.id}/messages`, { body: 'note to self', internal: true });
  await act(agentB, '2026-03-02T08:06:00Z', 'PATCH', `/api/tickets/${d.id}`, { status: 'pending' });

  // 5. normal technical created 2026-02-26, never answered: first response breached (12 h passed). Closed after 4 days: resolution breached (72 h).
  const e = await ticketAt('2026-02-26T09:00:00Z', { category: 'technical' });
  await act(lead, '2026-03-02T09:00:00Z', 'DELETE', `/api/tickets/${e.id}`, undefined);

  // 6. Older than the 30-day window: counts nowhere but in the unresolved totals.
  await ticketAt('2026-01-10T09:00:00Z', { category: 'billing', priority: 'urgent' });

  t.clock.set(new Date('2026-03-02T09:00:00Z'));
});
afterAll(() => t.close());

async function dashboard(query = '') {
  const res = await lead.request('GET', `/api/dashboard${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the dashboard', () => {
  it('counts unresolved tickets by status, unassigned ones and those created today', async () => {
    const d = await dashboard();
    expect(d.counts).toEqual({ open: 2, escalated: 1, pending: 1, unassigned: 2, new_today: 2 });
  });

  it('computes SLA compliance over tickets with a known outcome in the last 30 days', async () => {
    const d = await dashboard();
    expect(d.window_days).toBe(30);
    expect(d.sla.first_response).toEqual({ met: 1, breached: 2, percent: 33.3 });
    // Ticket 2 (high, 24 h) is still open two days later: breached too.
    expect(d.sla.resolution).toEqual({ met: 1, breached: 2, percent: 33.3 });
  });

  it('reports the median first response and resolution times in seconds', async () => {
    const d = await dashboard();
    // First responses: 10 min and 3 h. Resolutions: 2 h (resolved) and 4 days (closed).
    expect(d.median_seconds.first_response).toBe(((10 * MINUTE + 3 * HOUR) / 2) / 1000);
    expect(d.median_seconds.resolution).toBe(((2 * HOUR + 96 * HOUR) / 2) / 1000);
  });

  it('breaks unresolved tickets down by category and priority, listing every value', async () => {
    const d = await dashboard();
    expect(d.by_category).toEqual([
      { category: 'technical', count: 0 },
      { category: 'billing', count: 2 },
      { category: 'general', count: 2 },
    ]);
    expect(d.by_priority).toEqual([
      { priority: 'urgent', count: 1 },
      { priority: 'high', count: 1 },
      { priority: 'normal', count: 1 },
      { priority: 'low', count: 1 },
    ]);
  });

  it('gives the daily volume of the last 30 days ending today', async () => {
    const d = await dashboard();
    expect(d.volume).toHaveLength(30);
    expect(d.volume[0].day).toBe('2026-02-01');
    expect(d.volume.at(-1)).toEqual({ day: '2026-03-02', created: 2, resolved: 1 });
    const byDay = Object.fromEntries(d.volume.map((v: { day: string }) => [v.day, v]));
    expect(byDay['2026-02-20']).toEqual({ day: '2026-02-20', created: 1, resolved: 1 });
    expect(byDay['2026-02-25']).toEqual({ day: '2026-02-25', created: 1, resolved: 0 });
    expect(d.volume.reduce((n: number, v: { created: number }) => n + v.created, 0)).toBe(5);
  });

  it('uses the calendar days of the requested time zone', async () => {
    // 07:00 and 07:30 UTC today are still 2026-03-01 in Los Angeles (UTC-8), where it is now 01:00 on 2026-03-02.
    const d = await dashboard('?tz=America/Los_Angeles');
    expect(d.timezone).toBe('America/Los_Angeles');
    expect(d.counts.new_today).toBe(0);
    expect(d.volume.at(-1).day).toBe('2026-03-02');
    expect(d.volume.find((v: { day: string }) => v.day === '2026-03-01').created).toBe(2);
  });

  it('shows the unresolved workload per agent, busiest first, including agents with none', async () => {
    const d = await dashboard();
    const rows = d.workload.filter((w: { user_id: string }) => [agentA.userId, agentB.userId, lead.userId].includes(w.user_id));
    expect(rows).toEqual([
      { user_id: agentB.userId, name: 'agent 3', open: 1, escalated: 1 },
      { user_id: agentA.userId, name: 'agent 2', open: 1, escalated: 0 },
      { user_id: lead.userId, name: 'lead 1', open: 0, escalated: 0 },
    ]);
  });

  it('refuses an unknown time zone with 400 and a caller without login with 401', async () => {
    expect((await lead.request('GET', '/api/dashboard?tz=Mars/Olympus')).statusCode).toBe(400);
    expect((await t.anonymous().request('GET', '/api/dashboard')).statusCode).toBe(401);
  });

  it('lets a viewer read it', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.request('GET', '/api/dashboard')).statusCode).toBe(200);
  });
});

describe('the auto-resolve rate', () => {
  let app: TestApp;
  let admin: Caller;
  const covered = { subject: 'Two-factor authentication', description: 'How do I regenerate my recovery codes for two-factor authentication?' };
  const uncovered = { subject: 'Garden furniture order', description: 'Do you also sell garden furniture, and can it be delivered to Norway?' };

  async function publicTicket(body: { subject: string; description: string }) {
    const res = await app.anonymous().request('POST', '/api/public/tickets', { ...body, email: 'jane@example.com' });
    expect(res.statusCode).toBe(201);
    await app.settle();
    return res.json() as { token: string };
  }

  beforeAll(async () => {
    app = await createTestApp();
    await importArticles(app.ctx, await readDrafts(DEMO_KB_DIR));
    admin = await app.asAdmin();
    await publicTicket(covered);
    const reopened = await publicTicket(covered);
    await app.anonymous().request('POST', `/api/public/tickets/${reopened.token}/messages`, { body: 'That did not help at all.' });
    await publicTicket(uncovered);
    await publicTicket(uncovered);
  });
  afterAll(() => app.close());

  it('is the share of tickets created in the window that Clara resolved by itself and that stayed resolved; one the customer came back to is a failure', async () => {
    const d = (await admin.request('GET', '/api/dashboard')).json();
    expect(d.auto_resolve).toEqual({ total: 4, auto_resolved: 2, reopened: 1, succeeded: 1, percent: 25 });
  });

  it("leaves Clara's instant answers out of the team's medians", async () => {
    // Only the two auto-resolved tickets have a first response and a resolution; the team has none yet.
    const d = (await admin.request('GET', '/api/dashboard')).json();
    expect(d.median_seconds).toEqual({ first_response: null, resolution: null });
  });
});
