import { describe, expect, it } from 'vitest';
import { intersect, overlaps, slotsIn, subtract, workingIntervals } from './intervals';

const at = (s: string) => new Date(s);
const iv = (a: string, b: string) => ({ start: at(a), end: at(b) });
const show = (list: { start: Date; end: Date }[]) => list.map((i) => `${i.start.toISOString()}/${i.end.toISOString()}`);

describe('intervals', () => {
  it('does not count touching intervals as overlapping', () => {
    expect(overlaps(iv('2026-03-02T09:00Z', '2026-03-02T10:00Z'), iv('2026-03-02T10:00Z', '2026-03-02T11:00Z'))).toBe(false);
    expect(overlaps(iv('2026-03-02T09:00Z', '2026-03-02T10:01Z'), iv('2026-03-02T10:00Z', '2026-03-02T11:00Z'))).toBe(true);
    expect(overlaps(iv('2026-03-02T09:00Z', '2026-03-02T12:00Z'), iv('2026-03-02T10:00Z', '2026-03-02T11:00Z'))).toBe(true);
  });

  it('subtracts busy time and intersects calendars', () => {
    const free = subtract([iv('2026-03-02T09:00Z', '2026-03-02T17:00Z')], [iv('2026-03-02T10:00Z', '2026-03-02T11:00Z'), iv('2026-03-02T10:30Z', '2026-03-02T12:00Z')]);
    expect(show(free)).toEqual(['2026-03-02T09:00:00.000Z/2026-03-02T10:00:00.000Z', '2026-03-02T12:00:00.000Z/2026-03-02T17:00:00.000Z']);
    expect(show(intersect(free, [iv('2026-03-02T09:30Z', '2026-03-02T13:00Z')]))).toEqual([
      '2026-03-02T09:30:00.000Z/2026-03-02T10:00:00.000Z',
      '2026-03-02T12:00:00.000Z/2026-03-02T13:00:00.000Z',
    ]);
  });

  it('places working hours in the user zone, moving in UTC when DST starts', () => {
    const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    // New York switches to EDT on Sunday 2026-03-08.
    const got = workingIntervals(hours, 'America/New_York', at('2026-03-06T00:00Z'), at('2026-03-10T00:00Z'));
    expect(show(got)).toEqual(['2026-03-06T14:00:00.000Z/2026-03-06T22:00:00.000Z', '2026-03-09T13:00:00.000Z/2026-03-09T21:00:00.000Z']);
  });

  it('cuts slots of the requested length on step boundaries', () => {
    const got = slotsIn([iv('2026-03-02T09:10Z', '2026-03-02T10:30Z')], 30, 30, 10);
    expect(show(got)).toEqual(['2026-03-02T09:30:00.000Z/2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z/2026-03-02T10:30:00.000Z']);
  });
});
