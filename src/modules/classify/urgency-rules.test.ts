import { describe, expect, it } from 'vitest';
import { detectUrgency } from './urgency-rules.js';

describe('detectUrgency', () => {
  it('marks "production down" as urgent and names the keyword', () => {
    expect(detectUrgency('our production is down since 9am')).toEqual({
      priority: 'urgent',
      reason: 'urgent keyword "production down" (matched "production is down")',
    });
  });

  it('marks a hacked account as urgent', () => {
    expect(detectUrgency('i think my account was hacked')?.priority).toBe('urgent');
  });

  it('raises weaker wording such as "as soon as possible" only to high', () => {
    expect(detectUrgency('please send the invoice as soon as possible')?.priority).toBe('high');
  });

  it('ignores negated urgency', () => {
    expect(detectUrgency('not urgent, no rush at all, just a question about invoices')).toBeUndefined();
  });

  it('returns nothing for an ordinary request', () => {
    expect(detectUrgency('how do i change my email address?')).toBeUndefined();
  });
});
