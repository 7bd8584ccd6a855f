import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { fastStaff } from './test-staff';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date('2026-03-02T08:00:00Z')));

const starts = (res: { json(): unknown }) => (res.json() as { start: string; end: string }[]).map((s) => s.start);
const query = (people: Caller[], extra: string) => `/api/meetings/free-slots?attendees=${people.map((p) => p.userId).join(',')}&${extra}`;

describe('free slots', () => {
  it('finds the common working hours of Berlin and New York, which grow by an hour when the US switches to summer time', async () => {
    const berlin = await fastStaff(t, 'agent', { timezone: 'Europe/Berlin' });
    const newYork = await fastStaff(t, 'agent', { timezone: 'America/New_York' });
    // Friday 6 March: NY is UTC-5, the overlap is 14:00-16:00 UTC. Monday 9 March (after 8 March): NY is UTC-4, 13:00-16:00 UTC.
    const res = await berlin.request('GET', query([berlin, newYork], 'duration=60&step=60&from=2026-03-06T00:00:00Z&to=2026-03-10T00:00:00Z'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      { start: '2026-03-06T14:00:00.000Z', end: '2026-03-06T15:00:00.000Z' },
      { start: '2026-03-06T15:00:00.000Z', end: '2026-03-06T16:00:00.000Z' },
      { start: '2026-03-09T13:00:00.000Z', end: '2026-03-09T14:00:00.000Z' },
      { start: '2026-03-09T14:00:00.000Z', end: '2026-03-09T15:00:00.000Z' },
      { start: '2026-03-09T15:00:00.000Z', end: '2026-03-09T16:00:00.000Z' },
    ]);
  });

  it('leaves out the time of an attendee meeting, including recurring occurrences', async () => {
    const berlin = await fastStaff(t, 'agent', { timezone: 'Europe/Berlin' });
    const newYork = await fastStaff(t, 'agent', { timezone: 'America/New_York' });
    const standup = await newYork.request('POST', '/api/meetings', {
      title: 'NY standup',
      start: '2026-03-02T09:00',
      end: '2026-03-02T09:30',
      timezone: 'America/New_York',
      recurrence: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      attendee_ids: [],
    });
    expect(standup.statusCode).toBe(201);
    // The 09:00 New York standup is 13:00 UTC after the switch: Monday's first free half hour is 13:30.
    const res = await berlin.request('GET', query([berlin, newYork], 'duration=60&step=30&from=2026-03-09T00:00:00Z&to=2026-03-10T00:00:00Z'));
    expect(starts(res)).toEqual(['2026-03-09T13:30:00.000Z', '2026-03-09T14:00:00.000Z', '2026-03-09T14:30:00.000Z', '2026-03-09T15:00:00.000Z']);
  });

  it('follows working hours set on the admin API and never suggests the past', async () => {
    const admin = await t.asAdmin();
    const person = await fastStaff(t);
    const patch = await admin.request('PATCH', `/api/admin/users/${person.userId}`, {
      timezone: 'Asia/Tokyo',
      working_hours: { days: [6], start: '10:00', end: '12:00' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().working_hours).toEqual({ days: [6], start: '10:00', end: '12:00' });
    t.clock.set(new Date('2026-03-07T01:30:00Z')); // Saturday 10:30 in Tokyo
    const res = await person.request('GET', query([person], 'duration=30&from=2026-03-06T00:00:00Z&to=2026-03-09T00:00:00Z'));
    expect(starts(res)).toEqual(['2026-03-07T01:30:00.000Z', '2026-03-07T02:00:00.000Z', '2026-03-07T02:30:00.000Z']);
  });

  it('defaults to the caller and to Monday to Friday 09:00-17:00', async () => {
    const person = await fastStaff(t);
    const res = await person.request('GET', '/api/meetings/free-slots?duration=240&step=60&from=2026-03-07T00:00:00Z&to=2026-03-10T00:00:00Z');
    expect(starts(res)).toEqual(['2026-03-09T09:00:00.000Z', '2026-03-09T10:00:00.000Z', '2026-03-09T11:00:00.000Z', '2026-03-09T12:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('refuses an unknown attendee and a reversed range with 400', async () => {
    const person = await fastStaff(t);
    const unknown = await person.request('GET', '/api/meetings/free-slots?attendees=00000000-0000-4000-8000-000000000000&from=2026-03-07T00:00:00Z&to=2026-03-10T00:00:00Z');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('querystring.attendees');
    const reversed = await person.request('GET', '/api/meetings/free-slots?from=2026-03-10T00:00:00Z&to=2026-03-07T00:00:00Z');
    expect(reversed.statusCode).toBe(400);
  });

  it('refuses working hours that end before they start', async () => {
    const admin = await t.asAdmin();
    const person = await fastStaff(t);
    const res = await admin.request('PATCH', `/api/admin/users/${person.userId}`, { working_hours: { days: [1], start: '17:00', end: '09:00' } });
    expect(res.statusCode).toBe(400);
  });
});
