import { describe, expect, it } from 'vitest';
import type { Meeting } from '@shared/modules/meetings/meetings.schema';
import { DateTime } from 'luxon';
import { buildRrule, describeRecurrence, durationMinutes, emptyForm, formToCreateBody, formToUpdateBody, groupSlotsByDay, meetingToForm, repeatOf, suggestionQuery, toWallTime, wallToIso } from './meeting-form';

const form = (over = {}) => ({ ...emptyForm('Europe/Berlin', DateTime.fromISO('2026-03-10T09:00:00Z')), title: 'Weekly sync', ...over });

describe('recurrence rules', () => {
  it('repeats a weekly meeting on the weekday it starts', () => {
    expect(buildRrule('weekly', '2026-03-10T10:00')).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(buildRrule('weekly', '2026-03-15T10:00')).toBe('FREQ=WEEKLY;BYDAY=SU');
  });

  it('builds a daily rule and no rule for a one-off meeting', () => {
    expect(buildRrule('daily', '2026-03-10T10:00')).toBe('FREQ=DAILY');
    expect(buildRrule('none', '2026-03-10T10:00')).toBeNull();
  });

  it('reads back the rules the dialog makes and leaves others alone', () => {
    expect(repeatOf(null)).toBe('none');
    expect(repeatOf('FREQ=WEEKLY;BYDAY=TU')).toBe('weekly');
    expect(repeatOf('RRULE:FREQ=DAILY')).toBe('daily');
    expect(repeatOf('FREQ=WEEKLY;BYDAY=MO,WE')).toBeNull();
    expect(repeatOf('FREQ=WEEKLY;COUNT=5')).toBeNull();
    expect(repeatOf('FREQ=MONTHLY')).toBeNull();
  });

  it('describes a rule in words where it can', () => {
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO')).toBe('every Monday');
    expect(describeRecurrence('FREQ=DAILY')).toBe('every day');
    expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
  });
});

describe('times in a zone', () => {
  it('shows an instant as wall-clock time in the meeting zone and back, across a DST switch', () => {
    expect(toWallTime('2026-03-10T09:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-10T10:00');
    expect(toWallTime('2026-04-01T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-04-01T10:00');
    expect(wallToIso('2026-04-01T10:00', 'America/New_York')).toBe('2026-04-01T14:00:00.000Z');
    expect(wallToIso('not a time', 'UTC')).toBeNull();
  });

  it('starts a new meeting at the given instant in the user zone, 30 minutes long', () => {
    const f = form();
    expect([f.start, f.end, f.timezone]).toEqual(['2026-03-10T10:00', '2026-03-10T10:30', 'Europe/Berlin']);
    expect(durationMinutes(f)).toBe(30);
  });
});

describe('request bodies', () => {
  it('sends wall-clock times with their zone, the rule, attendees and external guests', () => {
    const body = formToCreateBody(form({ repeat: 'weekly', attendeeIds: ['u1'], externalEmails: [' Guest@Example.com'], agenda: '  ' }));
    expect(body).toEqual({
      title: 'Weekly sync',
      agenda: null,
      location: null,
      start: '2026-03-10T10:00',
      end: '2026-03-10T10:30',
      timezone: 'Europe/Berlin',
      attendee_ids: ['u1'],
      external_attendees: [{ email: 'guest@example.com' }],
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      allow_conflicts: undefined,
    });
    expect(formToCreateBody(form(), true).allow_conflicts).toBe(true);
  });

  it('changes one occurrence without touching the rule, and leaves unchanged times out', () => {
    const initial = form({ repeat: 'weekly' });
    const body = formToUpdateBody({ ...initial, title: 'Moved' }, initial, 'occurrence', '2026-03-17T09:00:00.000Z', null);
    expect(body).toMatchObject({ scope: 'occurrence', occurrence_start: '2026-03-17T09:00:00.000Z', title: 'Moved' });
    expect(body).not.toHaveProperty('recurrence');
    expect(body).not.toHaveProperty('start');
  });

  it('moves a whole series by the offset chosen on one of its occurrences', () => {
    const initial = form({ repeat: 'weekly', start: '2026-03-17T10:00', end: '2026-03-17T10:30' });
    const body = formToUpdateBody({ ...initial, start: '2026-03-18T11:00', end: '2026-03-18T11:30' }, initial, 'series', null, '2026-03-03T09:00:00.000Z');
    expect(body).toMatchObject({ scope: 'series', start: '2026-03-04T11:00', end: '2026-03-04T11:30', recurrence: 'FREQ=WEEKLY;BYDAY=WE' });
  });
});

describe('suggested free times', () => {
  it('searches a week from the meeting day for the same people and length, never from the past', () => {
    const now = DateTime.fromISO('2026-03-10T12:34:56Z');
    expect(suggestionQuery(form({ start: '2026-03-12T15:00', end: '2026-03-12T16:00', attendeeIds: ['u1'] }), now)).toEqual({
      attendees: ['me', 'u1'],
      duration: 60,
      from: '2026-03-11T23:00:00.000Z',
      to: '2026-03-18T23:00:00.000Z',
      limit: 40,
    });
    expect(suggestionQuery(form(), now).from).toBe('2026-03-10T12:34:00.000Z');
  });
});

describe('meetings in the dialog', () => {
  it('lists the attendees other than the organizer, and external guests', () => {
    const m: Meeting = {
      id: 'm1',
      series_id: null,
      occurrence_start: '2026-03-10T09:00:00.000Z',
      notes: null,
      all_day: false,
      status: 'scheduled',
      reminder_minutes: null,
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
      title: 'Sync',
      agenda: null,
      location: 'Room 1',
      start: '2026-03-10T09:00:00.000Z',
      end: '2026-03-10T10:00:00.000Z',
      timezone: 'Europe/Berlin',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      organizer: { id: 'org', name: 'Olga' },
      attendees: [
        { user_id: 'org', email: 'o@x.io', name: 'Olga', response: 'accepted' },
        { user_id: 'me', email: 'me@x.io', name: 'Me', response: 'needs-action' },
        { user_id: 'u2', email: 'u2@x.io', name: 'U2', response: 'tentative' },
        { user_id: null, email: 'guest@example.com', name: null, response: 'needs-action' },
      ],
    };
    const f = meetingToForm(m);
    expect(f).toMatchObject({ start: '2026-03-10T10:00', end: '2026-03-10T11:00', attendeeIds: ['me', 'u2'], externalEmails: ['guest@example.com'], customRecurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' });
  });

  it('groups free slots by local day', () => {
    const slots = [{ start: '2026-03-10T22:30:00Z' }, { start: '2026-03-11T08:00:00Z' }, { start: '2026-03-11T09:00:00Z' }];
    expect(groupSlotsByDay(slots, 'Europe/Berlin').map((d) => [d.day, d.slots.length])).toEqual([
      ['2026-03-10', 1],
      ['2026-03-11', 2],
    ]);
    expect(groupSlotsByDay(slots, 'UTC').map((d) => d.day)).toEqual(['2026-03-10', '2026-03-11']);
  });
});
