import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../core/jobs';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { addCustomerMessage } from '../tickets';
import { checkSlas } from './sla-check.service';
import { registerSlaJobs, scheduleSlaCheck } from './sla.jobs';
import { slaEvents } from './sla.table';

let t: TestApp;
let admin: Caller;
let agent: Caller;
let calendarId: string;

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '09:00', end: '17:00' }));

async function slaFor(priority: string) {
  const items = (await admin.request('GET', '/api/admin/slas')).json().items as { id: string; priority: string }[];
  return items.find((s) => s.priority === priority)!;
}

async function ticketAt(iso: string, overrides: Record<string, unknown> = {}, caller: Caller = agent) {
  t.clock.set(new Date(iso));
  const res = await caller.request('POST', '/api/tickets', validTicketBody({ category: 'technical', priority: 'high', ...overrides }));
  expect(res.statusCode).toBe(201);
  return res.json();
}

const get = async (id: string) => (await agent.request('GET', `/api/tickets/${id}`)).json();
const history = async (id: string) => (await agent.request('GET', `/api/tickets/${id}/history`)).json().items as { action: string; comment: string | null }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  agent = await t.as('agent');
  const cal = await admin.request('POST', '/api/admin/calendars', { name: 'Berlin office', timezone: 'Europe/Berlin', working_hours: weekdays, holidays: [{ date: '2026-03-13', name: 'Company day' }] });
  expect(cal.statusCode).toBe(201);
  calendarId = cal.json().id;
  const high = await slaFor('high');
  const res = await admin.request('PATCH', `/api/admin/slas/${high.id}`, { calendar_id: calendarId });
  expect(res.statusCode).toBe(200);
  expect(res.json().calendar).toMatchObject({ name: 'Berlin office', timezone: 'Europe/Berlin' });
});
afterAll(() => t.close());

describe('calendars and SLAs admin API', () => {
  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'body.timezone'],
    ['an end before the start', { working_hours: [{ day: 'mon', start: '17:00', end: '09:00' }] }, 'body.working_hours.0.end'],
    ['overlapping hours', { working_hours: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'mon', start: '11:00', end: '13:00' }] }, 'body.working_hours'],
    ['no working hours', { working_hours: [] }, 'body.working_hours'],
    ['a bad holiday date', { holidays: [{ date: '2026-02-30' }] }, 'body.holidays.0.date'],
  ])('refuses a calendar with %s with 400', async (_name, override, field) => {
    const res = await admin.request('POST', '/api/admin/calendars', { name: `bad ${Math.random()}`, timezone: 'UTC', working_hours: weekdays, ...override });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses to delete a calendar an SLA uses, and a second SLA for the same priority', async () => {
    expect((await admin.request('DELETE', `/api/admin/calendars/${calendarId}`)).statusCode).toBe(409);
    const dup = await admin.request('POST', '/api/admin/slas', { name: 'Another high', priority: 'high', first_response_minutes: 10, resolution_minutes: 20 });
    expect(dup.statusCode).toBe(409);
  });

  it('lets leads read but not change SLAs and calendars', async () => {
    const lead = await t.as('lead');
    expect((await lead.request('GET', '/api/admin/calendars')).statusCode).toBe(200);
    expect((await lead.request('PATCH', `/api/admin/calendars/${calendarId}`, { name: 'x' })).statusCode).toBe(403);
  });
});

describe('deadlines in business time', () => {
  it('counts the first response of a late-afternoon ticket into the next working morning', async () => {
    // Monday 16:00 in Berlin: 1 h left today, 1 h from Tuesday 09:00 (08:00 UTC).
    const ticket = await ticketAt('2026-03-02T15:00:00Z');
    expect(ticket.sla).toMatchObject({ first_response_due_at: '2026-03-03T09:00:00.000Z', state: 'ok', paused: false });
    // 24 business hours are three working days: Thursday 16:00 Berlin.
    expect(ticket.sla.resolution_due_at).toBe('2026-03-05T15:00:00.000Z');
  });

  it('skips the holiday of the calendar', async () => {
    // Thursday 12 March 16:00 Berlin; Friday 13 is a holiday; the weekend follows.
    t.clock.set(new Date('2026-03-12T15:00:00Z'));
    // A week later than the other tests: log in again, sessions expire.
    const ticket = await ticketAt('2026-03-12T15:00:00Z', {}, await t.as('agent'));
    expect(ticket.sla.first_response_due_at).toBe('2026-03-16T09:00:00.000Z');
  });

  it('recomputes the deadlines in business time when the priority changes', async () => {
    const ticket = await ticketAt('2026-03-02T15:00:00Z', { priority: 'normal' });
    // Normal has no calendar: wall-clock 12 h.
    expect(ticket.sla.first_response_due_at).toBe('2026-03-03T03:00:00.000Z');
    const res = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { priority: 'high' });
    expect(res.json().sla.first_response_due_at).toBe('2026-03-03T09:00:00.000Z');
  });
});

describe('pausing while waiting on the customer', () => {
  it('stops the clock on pending and resumes with the time that was left when the customer replies', async () => {
    // Monday 10:00 Berlin: first response due 12:00 Berlin (11:00 UTC).
    const ticket = await ticketAt('2026-03-02T09:00:00Z');
    t.clock.set(new Date('2026-03-02T10:00:00Z'));
    const paused = (await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' })).json();
    expect(paused.sla.paused).toBe(true);

    t.clock.set(new Date('2026-03-02T12:00:00Z'));
    await checkSlas(t.ctx);
    expect((await get(ticket.id)).sla.state).toBe('ok');

    // Tuesday 10:00 Berlin: the hour that was left runs from now.
    t.clock.set(new Date('2026-03-03T09:00:00Z'));
    await addCustomerMessage(t.ctx, ticket.id, 'Here is the screenshot you asked for.');
    const resumed = await get(ticket.id);
    expect(resumed.status).toBe('open');
    expect(resumed.sla).toMatchObject({ paused: false, first_response_due_at: '2026-03-03T10:00:00.000Z' });
  });
});

describe('warning and breach', () => {
  it('warns at 80 %, breaches at 100 % in business time, once each, and tells the assignee', async () => {
    const ticket = await ticketAt('2026-03-02T15:00:00Z', { subject: 'Sync fails for the whole team' });
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { assignee_id: agent.userId });

    // Overnight nothing happens: business time stands still.
    t.clock.set(new Date('2026-03-03T07:00:00Z'));
    await scheduleSlaCheck(t.ctx);
    await t.ctx.jobs.runDue();
    expect((await get(ticket.id)).sla.state).toBe('ok');

    // 96 of 120 minutes: 60 on Monday, 36 on Tuesday from 09:00 Berlin.
    t.clock.set(new Date('2026-03-03T08:36:00Z'));
    await checkSlas(t.ctx);
    await checkSlas(t.ctx);
    expect((await get(ticket.id)).sla.state).toBe('warning');

    t.clock.set(new Date('2026-03-03T09:00:00Z'));
    await checkSlas(t.ctx);
    await checkSlas(t.ctx);
    const after = await get(ticket.id);
    expect(after.sla.state).toBe('breached');

    const actions = (await history(ticket.id)).map((h) => h.action);
    expect(actions.filter((a) => a === 'sla_warning')).toHaveLength(1);
    expect(actions.filter((a) => a === 'sla_breached')).toHaveLength(1);
    expect((await history(ticket.id)).find((h) => h.action === 'sla_breached')?.comment).toBe('The first response deadline passed (due 2026-03-03T09:00:00.000Z)');
    // The default "SLA breached" rule escalates it.
    expect(after.status).toBe('escalated');
    expect(actions).toContain('escalated');

    const mine = (await agent.request('GET', '/api/notifications')).json().items as { type: string; ticket_id: string }[];
    const forTicket = mine.filter((n) => n.ticket_id === ticket.id).map((n) => n.type);
    expect(forTicket.filter((x) => x === 'sla_warning')).toHaveLength(1);
    expect(forTicket.filter((x) => x === 'sla_breach')).toHaveLength(1);
  });

  it('marks nothing on a resolved ticket', async () => {
    const ticket = await ticketAt('2026-03-02T09:00:00Z', { priority: 'urgent' });
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' });
    t.clock.set(new Date('2026-03-04T09:00:00Z'));
    await checkSlas(t.ctx);
    expect((await history(ticket.id)).map((h) => h.action)).not.toContain('sla_breached');
  });

  it('fires each mark exactly once with two job workers running at the same time', async () => {
    t.clock.set(new Date('2026-03-09T09:00:00Z'));
    const caller = await t.as('agent');
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await ticketAt('2026-03-09T09:00:00Z', { priority: 'urgent' }, caller)).id);
    const second = new JobRunner(t.ctx.db, t.clock, t.ctx.log, 1000);
    registerSlaJobs({ ...t.ctx, jobs: second });
    t.clock.set(new Date('2026-03-09T09:31:00Z'));
    await t.ctx.jobs.enqueue(t.ctx.db, 'sla.check', {}, { singletonKey: 'race-a' });
    await t.ctx.jobs.enqueue(t.ctx.db, 'sla.check', {}, { singletonKey: 'race-b' });
    await Promise.all([t.ctx.jobs.runDue(), second.runDue(), checkSlas(t.ctx)]);
    for (const id of ids) {
      const rows = await t.ctx.db.select().from(slaEvents).where(eq(slaEvents.ticketId, id));
      expect(rows.map((r) => `${r.target}:${r.mark}`).sort()).toEqual(['first_response:breached', 'first_response:warning']);
      const actions = ((await caller.request('GET', `/api/tickets/${id}/history`)).json().items as { action: string }[]).map((h) => h.action);
      expect(actions.filter((a) => a === 'sla_warning')).toHaveLength(1);
      expect(actions.filter((a) => a === 'sla_breached')).toHaveLength(1);
    }
  });
});
