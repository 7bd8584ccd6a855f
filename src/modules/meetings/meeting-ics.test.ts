import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { fastStaff } from './test-staff';

let t: TestApp;
let organizer: Caller;
let attendee: Caller;

beforeAll(async () => {
  t = await createTestApp();
  organizer = await fastStaff(t);
  attendee = await fastStaff(t);
});
afterAll(() => t.close());

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

async function weekly(extra: Record<string, unknown> = {}) {
  const res = await organizer.request('POST', '/api/meetings', {
    title: 'Weekly review',
    start: '2026-03-09T10:00',
    end: '2026-03-09T11:00',
    timezone: 'Europe/Berlin',
    recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8',
    attendee_ids: [attendee.userId],
    external_attendees: [{ email: 'guest@example.com', name: 'Guest' }],
    allow_conflicts: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('iCalendar export', () => {
  it('exports a series that parses back with its UID, DTSTART in its zone, RRULE and attendees', async () => {
    const m = await weekly();
    const res = await attendee.request('GET', `/api/meetings/${m.id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const { cal, events: [event] } = events(res.body);
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(event!.getFirstPropertyValue('uid')).toBe(`${m.id}@clara`);
    const dtstart = event!.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Berlin');
    expect(String(dtstart.getFirstValue())).toBe('2026-03-09T10:00:00');
    const rule = event!.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect({ freq: rule.freq, count: rule.count, byday: rule.parts.BYDAY }).toEqual({ freq: 'WEEKLY', count: 8, byday: ['MO'] });
    expect(event!.getFirstPropertyValue('summary')).toBe('Weekly review');
    const attendees = event!.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees.sort()).toEqual([`mailto:${attendee.email}`, `mailto:${organizer.email}`, 'mailto:guest@example.com'].sort());
    expect(String(event!.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${organizer.email}`);
    // ical.js expands the exported rule like Clara does: 10:00 Berlin on each Monday, across the DST switch.
    const expand = new ICAL.Event(event!).iterator();
    const firstFour = Array.from({ length: 4 }, () => expand.next()!.toJSDate().toISOString());
    expect(firstFour).toEqual(['2026-03-09T09:00:00.000Z', '2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
  });

  it('exports a moved occurrence as a second VEVENT with the same UID and a RECURRENCE-ID', async () => {
    const m = await weekly();
    const moved = await organizer.request('PATCH', `/api/meetings/${m.id}`, {
      scope: 'occurrence',
      occurrence_start: '2026-03-16T09:00:00Z',
      start: '2026-03-17T14:00',
      end: '2026-03-17T15:00',
      allow_conflicts: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const res = await organizer.request('GET', `/api/meetings/${moved.json().id}/ics`);
    const { events: list } = events(res.body);
    expect(list).toHaveLength(2);
    const exception = list.find((e) => e.hasProperty('recurrence-id'))!;
    expect(exception.getFirstPropertyValue('uid')).toBe(`${m.id}@clara`);
    expect(String(exception.getFirstPropertyValue('recurrence-id'))).toBe('2026-03-16T10:00:00');
    expect(String(exception.getFirstPropertyValue('dtstart'))).toBe('2026-03-17T14:00:00');
  });

  it('marks a cancelled meeting STATUS:CANCELLED and exports an all-day meeting as dates', async () => {
    const m = await weekly({ recurrence: null, all_day: true, start: '2026-03-20', end: '2026-03-20' });
    await organizer.request('DELETE', `/api/meetings/${m.id}`);
    const { events: [event] } = events((await organizer.request('GET', `/api/meetings/${m.id}/ics`)).body);
    expect(event!.getFirstPropertyValue('status')).toBe('CANCELLED');
    const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2026-03-20');
  });
});

describe('calendar feed', () => {
  it('serves my meetings at a secret URL that works without login until it is rotated or revoked', async () => {
    const m = await weekly();
    const created = await attendee.request('POST', '/api/me/calendar-token');
    expect(created.statusCode).toBe(201);
    const path = new URL(created.json().url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/clcal_[\w-]+\.ics$/);
    const feed = await t.anonymous().request('GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const uids = events(feed.body).events.map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toContain(`${m.id}@clara`);

    const rotated = await attendee.request('POST', '/api/me/calendar-token');
    expect((await t.anonymous().request('GET', path)).statusCode).toBe(404);
    const newPath = new URL(rotated.json().url).pathname;
    expect((await t.anonymous().request('GET', newPath)).statusCode).toBe(200);
    expect((await attendee.request('DELETE', '/api/me/calendar-token')).statusCode).toBe(204);
    expect((await t.anonymous().request('GET', newPath)).statusCode).toBe(404);
  });

  it('does not show other people meetings in my feed', async () => {
    const outsider = await fastStaff(t);
    const m = await weekly();
    const created = await outsider.request('POST', '/api/me/calendar-token');
    const feed = await t.anonymous().request('GET', new URL(created.json().url).pathname);
    expect(events(feed.body).events.map((e) => e.getFirstPropertyValue('uid'))).not.toContain(`${m.id}@clara`);
  });
});
