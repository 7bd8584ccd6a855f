import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { meetings } from './meetings.table';
import { fastStaff } from './test-staff';

let t: TestApp;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as('lead');
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date('2026-03-02T08:00:00Z')));

// Each test gets fresh agents, so meetings of other tests never conflict with its own.
async function agents(n: number): Promise<Caller[]> {
  return Promise.all(Array.from({ length: n }, () => fastStaff(t)));
}

function body(attendees: Caller[], overrides: Record<string, unknown> = {}) {
  return {
    title: 'Team sync',
    start: '2026-03-10T10:00:00Z',
    end: '2026-03-10T11:00:00Z',
    attendee_ids: attendees.map((a) => a.userId),
    ...overrides,
  };
}

async function schedule(by: Caller, attendees: Caller[], overrides: Record<string, unknown> = {}) {
  const res = await by.request('POST', '/api/meetings', body(attendees, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('scheduling a meeting', () => {
  it('stores the times in UTC with the zone, the organizer as an accepted attendee and the others needing action', async () => {
    const [a, b] = await agents(2);
    const m = await schedule(a!, [b!], { start: '2026-03-10T10:00', end: '2026-03-10T11:00', timezone: 'Europe/Berlin', agenda: 'Numbers' });
    expect(m).toMatchObject({ start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z', timezone: 'Europe/Berlin', status: 'scheduled', agenda: 'Numbers' });
    expect(m.organizer.id).toBe(a!.userId);
    const responses = Object.fromEntries(m.attendees.map((x: { user_id: string; response: string }) => [x.user_id, x.response]));
    expect(responses).toEqual({ [a!.userId!]: 'accepted', [b!.userId!]: 'needs-action' });
    const [row] = await t.ctx.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row!.startAt.toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });

  it('keeps external attendees by email', async () => {
    const [a] = await agents(1);
    const m = await schedule(a!, [], { external_attendees: [{ email: 'Guest@Example.com', name: 'Guest' }] });
    expect(m.attendees).toContainEqual({ user_id: null, email: 'guest@example.com', name: 'Guest', response: 'needs-action' });
  });

  it('refuses an end before the start with 400', async () => {
    const [a] = await agents(1);
    const res = await a!.request('POST', '/api/meetings', body([], { start: '2026-03-10T11:00:00Z', end: '2026-03-10T10:00:00Z' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.end' }] });
  });

  it('refuses an unknown attendee with 400', async () => {
    const [a] = await agents(1);
    const res = await a!.request('POST', '/api/meetings', { ...body([]), attendee_ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.attendee_ids');
  });

  it.each([
    ['a bad time', { start: 'next tuesday' }, 'body.start'],
    ['a bad zone', { timezone: 'Mars/Olympus' }, 'body.timezone'],
    ['a bad rule', { recurrence: 'FREQ=SOMETIMES' }, 'body.recurrence'],
    ['an hourly rule', { recurrence: 'FREQ=HOURLY' }, 'body.recurrence'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const [a] = await agents(1);
    const res = await a!.request('POST', '/api/meetings', body([], overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('does not let a viewer schedule', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.request('POST', '/api/meetings', body([]))).statusCode).toBe(403);
  });
});

describe('conflicts', () => {
  it('answers 409 CONFLICT listing the overlapping meeting of an attendee', async () => {
    const [a, b, c] = await agents(3);
    const busy = await schedule(a!, [b!], { title: 'Busy already' });
    const res = await c!.request('POST', '/api/meetings', body([b!], { start: '2026-03-10T10:30:00Z', end: '2026-03-10T11:30:00Z' }));
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details.conflicts).toEqual([
      { meeting_id: busy.id, title: 'Busy already', start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T11:00:00.000Z', attendee_ids: [b!.userId] },
    ]);
  });

  it('does not count meetings that only touch', async () => {
    const [a, b] = await agents(2);
    await schedule(a!, [b!]);
    await schedule(a!, [b!], { start: '2026-03-10T11:00:00Z', end: '2026-03-10T12:00:00Z' });
    await schedule(a!, [b!], { start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
  });

  it('schedules anyway with allow_conflicts: true', async () => {
    const [a, b] = await agents(2);
    await schedule(a!, [b!]);
    await schedule(a!, [b!], { allow_conflicts: true });
  });

  it('finds a single meeting clashing with a later occurrence of a weekly series', async () => {
    const [a, b] = await agents(2);
    const series = await schedule(a!, [b!], { title: 'Weekly', start: '2026-03-02T14:00:00Z', end: '2026-03-02T15:00:00Z', recurrence: 'FREQ=WEEKLY' });
    const res = await b!.request('POST', '/api/meetings', body([], { start: '2026-03-23T14:30:00Z', end: '2026-03-23T15:30:00Z' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.conflicts[0]).toMatchObject({ meeting_id: series.id, start: '2026-03-23T14:00:00.000Z' });
  });

  it('finds a new series clashing with an existing single meeting months ahead', async () => {
    const [a, b] = await agents(2);
    const single = await schedule(a!, [], { start: '2026-05-04T09:15:00Z', end: '2026-05-04T09:45:00Z' });
    const res = await b!.request('POST', '/api/meetings', body([a!], { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.conflicts.map((c: { meeting_id: string }) => c.meeting_id)).toEqual([single.id]);
  });

  it('lets an all-day meeting block that day but not the next one', async () => {
    const [a, b] = await agents(2);
    await schedule(a!, [b!], { title: 'Offsite', all_day: true, start: '2026-03-12', end: '2026-03-12', timezone: 'Europe/Berlin' });
    const during = await a!.request('POST', '/api/meetings', body([b!], { start: '2026-03-12T15:00:00Z', end: '2026-03-12T16:00:00Z' }));
    expect(during.statusCode).toBe(409);
    // Berlin's 13 March starts at 23:00 UTC on the 12th, exactly where the all-day meeting ends.
    await schedule(a!, [b!], { start: '2026-03-12T23:00:00Z', end: '2026-03-13T00:00:00Z' });
  });

  it('ignores cancelled meetings and meetings the attendee declined', async () => {
    const [a, b, c] = await agents(3);
    const cancelled = await schedule(a!, [b!]);
    expect((await a!.request('DELETE', `/api/meetings/${cancelled.id}`)).statusCode).toBe(200);
    const declined = await schedule(a!, [c!], { start: '2026-03-11T10:00:00Z', end: '2026-03-11T11:00:00Z' });
    expect((await c!.request('POST', `/api/meetings/${declined.id}/response`, { response: 'declined' })).statusCode).toBe(200);
    await schedule(b!, [c!], { start: '2026-03-10T10:00:00Z', end: '2026-03-10T11:00:00Z' });
    await schedule(b!, [c!], { start: '2026-03-11T10:00:00Z', end: '2026-03-11T11:00:00Z' });
  });

  it('answers 409 when moving a meeting onto another one, but not onto its own old time', async () => {
    const [a, b] = await agents(2);
    await schedule(a!, [b!], { start: '2026-03-10T14:00:00Z', end: '2026-03-10T15:00:00Z' });
    const m = await schedule(a!, [b!]);
    const shift = await a!.request('PATCH', `/api/meetings/${m.id}`, { start: '2026-03-10T10:30:00Z', end: '2026-03-10T11:30:00Z' });
    expect(shift.statusCode).toBe(200);
    const onto = await a!.request('PATCH', `/api/meetings/${m.id}`, { start: '2026-03-10T14:30:00Z', end: '2026-03-10T15:30:00Z' });
    expect(onto.statusCode).toBe(409);
  });
});

describe('listing by range', () => {
  it('expands a series inside the range and filters by attendee', async () => {
    const [a, b, c] = await agents(3);
    const series = await schedule(a!, [b!], { title: 'Standup', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:15:00Z', recurrence: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR' });
    await schedule(a!, [c!], { title: 'Other', start: '2026-03-04T12:00:00Z', end: '2026-03-04T13:00:00Z' });
    const res = await a!.request('GET', `/api/meetings?from=2026-03-05T00:00:00Z&to=2026-03-10T00:00:00Z&attendee=${b!.userId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((m: { start: string }) => m.start)).toEqual(['2026-03-05T09:00:00.000Z', '2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z']);
    expect(items.every((m: { id: string; occurrence_start: string; start: string }) => m.id === series.id && m.occurrence_start === m.start)).toBe(true);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await lead.request('GET', '/api/meetings?from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(res.statusCode).toBe(400);
  });

  it('shows agents only the meetings they attend or organize; leads see all', async () => {
    const [a, b, outsider] = await agents(3);
    const m = await schedule(a!, [b!], { start: '2026-04-01T10:00:00Z', end: '2026-04-01T11:00:00Z' });
    const range = '/api/meetings?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z';
    const ids = async (c: Caller) => (await c.request('GET', range)).json().items.map((x: { id: string }) => x.id);
    expect(await ids(b!)).toContain(m.id);
    expect(await ids(outsider!)).not.toContain(m.id);
    expect(await ids(lead)).toContain(m.id);
    expect((await outsider!.request('GET', `/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await outsider!.request('PATCH', `/api/meetings/${m.id}`, { title: 'Mine now' })).statusCode).toBe(404);
    expect((await outsider!.request('GET', `/api/meetings/${m.id}/ics`)).statusCode).toBe(404);
  });

  it('lets an attendee read but not change a meeting; the lead can change it', async () => {
    const [a, b] = await agents(2);
    const m = await schedule(a!, [b!], { start: '2026-04-02T10:00:00Z', end: '2026-04-02T11:00:00Z' });
    expect((await b!.request('PATCH', `/api/meetings/${m.id}`, { title: 'Hijacked' })).statusCode).toBe(403);
    const res = await lead.request('PATCH', `/api/meetings/${m.id}`, { title: 'Renamed by lead' });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe('Renamed by lead');
  });
});

describe('changing a series', () => {
  const weekly = { title: 'Weekly', start: '2026-03-02T13:00:00Z', end: '2026-03-02T14:00:00Z', recurrence: 'FREQ=WEEKLY;COUNT=6' };
  const list = async (c: Caller) =>
    (await c.request('GET', '/api/meetings?from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z&include_cancelled=false')).json().items as {
      id: string;
      title: string;
      start: string;
      series_id: string | null;
    }[];

  it('moves one occurrence as an exception and leaves the others', async () => {
    const [a] = await agents(1);
    const s = await schedule(a!, [], weekly);
    const res = await a!.request('PATCH', `/api/meetings/${s.id}`, {
      scope: 'occurrence',
      occurrence_start: '2026-03-16T13:00:00Z',
      start: '2026-03-17T15:00:00Z',
      end: '2026-03-17T16:00:00Z',
      title: 'Moved once',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ series_id: s.id, occurrence_start: '2026-03-16T13:00:00.000Z', start: '2026-03-17T15:00:00.000Z', recurrence: null });
    const items = await list(a!);
    expect(items.map((m) => `${m.start} ${m.title}`)).toEqual([
      '2026-03-02T13:00:00.000Z Weekly',
      '2026-03-09T13:00:00.000Z Weekly',
      '2026-03-17T15:00:00.000Z Moved once',
      '2026-03-23T13:00:00.000Z Weekly',
      '2026-03-30T13:00:00.000Z Weekly',
      '2026-04-06T13:00:00.000Z Weekly',
    ]);
  });

  it('refuses an occurrence_start the rule does not produce', async () => {
    const [a] = await agents(1);
    const s = await schedule(a!, [], weekly);
    const res = await a!.request('PATCH', `/api/meetings/${s.id}`, { scope: 'occurrence', occurrence_start: '2026-03-17T13:00:00Z', title: 'x' });
    expect(res.statusCode).toBe(400);
  });

  it('changes every occurrence with scope series', async () => {
    const [a] = await agents(1);
    const s = await schedule(a!, [], weekly);
    const res = await a!.request('PATCH', `/api/meetings/${s.id}`, { start: '2026-03-03T13:00:00Z', end: '2026-03-03T13:30:00Z', recurrence: 'FREQ=WEEKLY;COUNT=2' });
    expect(res.statusCode).toBe(200);
    expect((await list(a!)).map((m) => m.start)).toEqual(['2026-03-03T13:00:00.000Z', '2026-03-10T13:00:00.000Z']);
  });

  it('cancels one occurrence, then the whole series', async () => {
    const [a] = await agents(1);
    const s = await schedule(a!, [], weekly);
    const one = await a!.request('DELETE', `/api/meetings/${s.id}?occurrence_start=2026-03-09T13:00:00Z`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'cancelled', series_id: s.id });
    expect((await list(a!)).map((m) => m.start)).not.toContain('2026-03-09T13:00:00.000Z');
    expect(await list(a!)).toHaveLength(5);
    const all = await a!.request('DELETE', `/api/meetings/${s.id}`);
    expect(all.json().status).toBe('cancelled');
    expect(await list(a!)).toHaveLength(0);
    const withCancelled = await a!.request('GET', '/api/meetings?from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z&include_cancelled=true');
    expect(withCancelled.json().items.length).toBeGreaterThan(0);
    expect((await a!.request('PATCH', `/api/meetings/${s.id}`, { title: 'Revived' })).statusCode).toBe(409);
  });
});

describe('responding', () => {
  it('records the attendee response', async () => {
    const [a, b] = await agents(2);
    const m = await schedule(a!, [b!], { start: '2026-04-03T10:00:00Z', end: '2026-04-03T11:00:00Z' });
    const res = await b!.request('POST', `/api/meetings/${m.id}/response`, { response: 'tentative' });
    expect(res.statusCode).toBe(200);
    expect(res.json().attendees.find((x: { user_id: string }) => x.user_id === b!.userId).response).toBe('tentative');
  });

  it('refuses a response from a lead who is not an attendee with 403 and a bad value with 400', async () => {
    const [a, b] = await agents(2);
    const m = await schedule(a!, [b!], { start: '2026-04-04T10:00:00Z', end: '2026-04-04T11:00:00Z' });
    expect((await lead.request('POST', `/api/meetings/${m.id}/response`, { response: 'accepted' })).statusCode).toBe(403);
    expect((await b!.request('POST', `/api/meetings/${m.id}/response`, { response: 'maybe' })).statusCode).toBe(400);
  });
});
