import { describe, expect, it } from 'vitest';
import { holidaysToText, hoursToRows, parseHolidays, rowsToHours } from './calendar-form';

describe('working hours in the form', () => {
  it('gives one row per weekday, closed days unticked', () => {
    const rows = hoursToRows([{ day: 'mon', start: '08:00', end: '16:00' }]);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ day: 'mon', open: true, start: '08:00', end: '16:00' });
    expect(rows[6]).toMatchObject({ day: 'sun', open: false });
  });

  it('round-trips the open days only', () => {
    const hours = [
      { day: 'mon' as const, start: '09:00', end: '17:00' },
      { day: 'fri' as const, start: '09:00', end: '13:00' },
    ];
    expect(rowsToHours(hoursToRows(hours))).toEqual(hours);
  });

  it('spans a split day from its first start to its last end', () => {
    const rows = hoursToRows([
      { day: 'tue', start: '13:00', end: '17:00' },
      { day: 'tue', start: '08:00', end: '12:00' },
    ]);
    expect(rows[1]).toEqual({ day: 'tue', open: true, start: '08:00', end: '17:00' });
  });
});

describe('holidays as text', () => {
  it('parses dates with optional names and skips blank lines', () => {
    expect(parseHolidays('2026-12-25 Christmas Day\n\n2026-12-26')).toEqual({ holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26' }], errors: [] });
  });

  it('reports a bad line by its number', () => {
    expect(parseHolidays('2026-12-25\nXmas').errors).toEqual(['Line 2: start with a date as YYYY-MM-DD']);
  });

  it('writes them back one per line', () => {
    expect(holidaysToText([{ date: '2026-01-01', name: 'New Year' }, { date: '2026-05-01' }])).toBe('2026-01-01 New Year\n2026-05-01');
  });
});
