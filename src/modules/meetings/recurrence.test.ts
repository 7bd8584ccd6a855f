import { describe, expect, it } from 'vitest';
import { expandOccurrences, findOccurrence, normalizeRrule, parseDay, parseInstant, RecurrenceError, seriesEnd } from './recurrence';

const iso = (d: Date) => d.toISOString();
const weeklyBerlin = {
  start: new Date('2026-03-02T09:00:00Z'), // Monday 10:00 in Berlin (CET)
  end: new Date('2026-03-02T10:00:00Z'),
  timezone: 'Europe/Berlin',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO',
};

describe('expanding a recurrence rule', () => {
  it('returns only the occurrences overlapping the range', () => {
    const got = expandOccurrences(weeklyBerlin, new Date('2026-03-10T00:00:00Z'), new Date('2026-03-24T00:00:00Z'));
    expect(got.map((o) => iso(o.start))).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z']);
  });

  it('keeps the local wall-clock time across a DST switch (10:00 Berlin is 08:00 UTC in summer)', () => {
    const got = expandOccurrences(weeklyBerlin, new Date('2026-03-23T00:00:00Z'), new Date('2026-04-07T00:00:00Z'));
    expect(got.map((o) => iso(o.start))).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z']);
    expect(got.every((o) => o.end.getTime() - o.start.getTime() === 3600_000)).toBe(true);
  });

  it('includes an occurrence that started before the range and is still running', () => {
    const got = expandOccurrences(weeklyBerlin, new Date('2026-03-09T09:30:00Z'), new Date('2026-03-09T09:45:00Z'));
    expect(got.map((o) => iso(o.start))).toEqual(['2026-03-09T09:00:00.000Z']);
  });

  it('stops after COUNT and at UNTIL', () => {
    const counted = { ...weeklyBerlin, recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' };
    expect(expandOccurrences(counted, new Date('2026-01-01Z'), new Date('2027-01-01Z'))).toHaveLength(3);
    expect(iso(seriesEnd(counted)!)).toBe('2026-03-16T10:00:00.000Z');
    const until = { ...weeklyBerlin, recurrence: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T090000Z' };
    expect(expandOccurrences(until, new Date('2026-01-01Z'), new Date('2027-01-01Z')).map((o) => iso(o.start))).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
    ]);
    expect(seriesEnd(weeklyBerlin)).toBeNull();
  });

  it('expands a daily rule on weekdays only', () => {
    const daily = { ...weeklyBerlin, recurrence: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR' };
    const got = expandOccurrences(daily, new Date('2026-03-06T00:00:00Z'), new Date('2026-03-10T00:00:00Z'));
    expect(got.map((o) => iso(o.start))).toEqual(['2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z']);
  });

  it('treats a single meeting as its own only occurrence', () => {
    const single = { ...weeklyBerlin, recurrence: null };
    expect(expandOccurrences(single, new Date('2026-03-02T10:00:00Z'), new Date('2026-03-03Z'))).toEqual([]);
    expect(expandOccurrences(single, new Date('2026-03-02T09:59:00Z'), new Date('2026-03-03Z'))).toHaveLength(1);
  });

  it('finds an occurrence by its exact start only', () => {
    expect(findOccurrence(weeklyBerlin, new Date('2026-03-30T08:00:00Z'))).not.toBeNull();
    expect(findOccurrence(weeklyBerlin, new Date('2026-03-30T09:00:00Z'))).toBeNull();
  });
});

describe('validating rules and times', () => {
  it('normalises the RRULE: prefix and case', () => {
    expect(normalizeRrule('rrule:freq=weekly;byday=mo')).toBe('FREQ=WEEKLY;BYDAY=MO');
  });

  it.each(['FREQ=HOURLY', 'BYDAY=MO', 'FREQ=WEEKLY;COUNT=5000', 'FREQ=WEEKLY;COUNT=2;UNTIL=20260101T000000Z', 'FREQ=WEEKLY\nDTSTART:2026'])(
    'refuses %j',
    (rule) => {
      expect(() => normalizeRrule(rule)).toThrow(RecurrenceError);
    },
  );

  it('reads a time without offset in the given zone and a time with offset as is', () => {
    expect(iso(parseInstant('2026-07-01T10:00', 'America/New_York')!)).toBe('2026-07-01T14:00:00.000Z');
    expect(iso(parseInstant('2026-07-01T10:00:00+02:00', 'America/New_York')!)).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(parseDay('2026-07-01', 'Europe/Berlin')!)).toBe('2026-06-30T22:00:00.000Z');
    expect(parseInstant('2026-13-01T10:00', 'UTC')).toBeNull();
  });
});
