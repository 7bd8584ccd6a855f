import { describe, expect, it } from 'vitest';
import { confidenceTone, formatPercent } from './confidence';

describe('confidenceTone', () => {
  it.each([
    [0.95, 'high'],
    [0.85, 'high'],
    [0.84, 'medium'],
    [0.6, 'medium'],
    [0.59, 'low'],
    [0, 'low'],
  ])('calls %s %s', (value, tone) => {
    expect(confidenceTone(value)).toBe(tone);
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percent', () => {
    expect(formatPercent(0.873)).toBe('87%');
  });

  it('clamps values outside 0..1 and treats NaN as 0', () => {
    expect(formatPercent(1.4)).toBe('100%');
    expect(formatPercent(-0.2)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });
});
