import { describe, expect, it } from 'vitest';
import { formatDuration, formatMinutes, formatRelative } from './time';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h'],
    [3 * 3600 + 5 * 60, '3 h 5 min'],
    [86_400, '1 d'],
    [2 * 86_400 + 4 * 3600 + 59, '2 d 4 h'],
    [-90, '1 min'],
  ])('formats %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatMinutes', () => {
  it('formats SLA policy minutes', () => {
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(72 * 60)).toBe('3 d');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  it('says just now, ago and in', () => {
    expect(formatRelative('2026-03-02T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-03-02T10:00:00Z', now)).toBe('2 h ago');
    expect(formatRelative('2026-03-02T12:30:00Z', now)).toBe('in 30 min');
  });
});
