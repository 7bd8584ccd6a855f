import { describe, expect, it } from 'vitest';
import { addBusinessTime, ALWAYS_OPEN, businessTimeBetween, WEEKDAYS, type BusinessCalendar, type Weekday } from './business-time';

const H = 3600_000;
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function calendar(timezone: string, opts: { holidays?: string[]; days?: Weekday[]; start?: string; end?: string } = {}): BusinessCalendar {
  const days = opts.days ?? weekdays;
  return {
    timezone,
    workingHours: days.map((day) => ({ day, start: opts.start ?? '09:00', end: opts.end ?? '17:00' })),
    holidays: opts.holidays ?? [],
  };
}

const berlin = calendar('Europe/Berlin');
const at = (iso: string) => new Date(iso);

describe('adding business time', () => {
  it('stays within the working day when there is time left', () => {
    // Monday 10:00 in Berlin (UTC+1) plus 2 h is 12:00 the same day.
    expect(addBusinessTime(berlin, at('2026-03-02T09:00:00Z'), 2 * H).toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });

  it('carries the rest over the night to the next morning', () => {
    // Monday 16:00 + 2 h: 1 h on Monday, 1 h from Tuesday 09:00.
    expect(addBusinessTime(berlin, at('2026-03-02T15:00:00Z'), 2 * H).toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('starts counting at opening time when the ticket comes in at night', () => {
    expect(addBusinessTime(berlin, at('2026-03-02T05:00:00Z'), H).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 16:00 + 2 h ends Monday 10:00.
    expect(addBusinessTime(berlin, at('2026-03-06T15:00:00Z'), 2 * H).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });

  it('skips holidays', () => {
    const withHoliday = calendar('Europe/Berlin', { holidays: ['2026-03-09'] });
    expect(addBusinessTime(withHoliday, at('2026-03-06T15:00:00Z'), 2 * H).toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });

  it('reads working hours in the calendar time zone', () => {
    const newYork = calendar('America/New_York');
    // 14:00 UTC on Monday is 15:00 in Berlin but 09:00 in New York (UTC-5).
    expect(addBusinessTime(berlin, at('2026-03-02T14:00:00Z'), 4 * H).toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(addBusinessTime(newYork, at('2026-03-02T14:00:00Z'), 4 * H).toISOString()).toBe('2026-03-02T18:00:00.000Z');
  });

  it('keeps 09:00 local across the spring DST change in Europe', () => {
    // Friday 27 March 16:00 CET (UTC+1); Monday 30 March is CEST (UTC+2): 10:00 local is 08:00 UTC.
    expect(addBusinessTime(berlin, at('2026-03-27T15:00:00Z'), 2 * H).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps 09:00 local across the US DST change', () => {
    const newYork = calendar('America/New_York');
    // Friday 6 March 16:00 EST (UTC-5) + 2 h: Monday 9 March 10:00 EDT (UTC-4).
    expect(addBusinessTime(newYork, at('2026-03-06T21:00:00Z'), 2 * H).toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });

  it('honours split shifts with a lunch break', () => {
    const split: BusinessCalendar = {
      timezone: 'UTC',
      workingHours: weekdays.flatMap((day) => [
        { day, start: '09:00', end: '12:00' },
        { day, start: '13:00', end: '17:00' },
      ]),
      holidays: [],
    };
    expect(addBusinessTime(split, at('2026-03-02T11:00:00Z'), 2 * H).toISOString()).toBe('2026-03-02T14:00:00.000Z');
  });

  it('is plain wall-clock time without a calendar', () => {
    expect(addBusinessTime(ALWAYS_OPEN, at('2026-03-07T23:00:00Z'), 2 * H).toISOString()).toBe('2026-03-08T01:00:00.000Z');
  });
});

describe('measuring business time', () => {
  it('counts only working hours over a weekend', () => {
    // Friday 15:00-17:00 and Monday 09:00-11:00 Berlin time.
    expect(businessTimeBetween(berlin, at('2026-03-06T14:00:00Z'), at('2026-03-09T10:00:00Z'))).toBe(4 * H);
  });

  it('is zero over a night and a holiday', () => {
    const withHoliday = calendar('Europe/Berlin', { holidays: ['2026-03-03'] });
    expect(businessTimeBetween(withHoliday, at('2026-03-02T17:00:00Z'), at('2026-03-04T07:00:00Z'))).toBe(0);
  });

  it('counts a 23-hour day on the spring DST change in a round-the-clock calendar', () => {
    const allDay = calendar('Europe/Berlin', { days: [...WEEKDAYS], start: '00:00', end: '24:00' });
    // Sunday 29 March 2026 lasts 23 hours in Berlin.
    expect(businessTimeBetween(allDay, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * H);
  });

  it('is the inverse of adding business time', () => {
    const from = at('2026-03-05T16:30:00Z');
    const to = addBusinessTime(berlin, from, 11 * H);
    expect(businessTimeBetween(berlin, from, to)).toBe(11 * H);
  });

  it('is zero when the end is not after the start', () => {
    expect(businessTimeBetween(berlin, at('2026-03-03T10:00:00Z'), at('2026-03-02T10:00:00Z'))).toBe(0);
  });
});
