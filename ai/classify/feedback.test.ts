import { describe, expect, it } from 'vitest';
import { parseFeedbackJsonl } from './feedback.js';

describe('parseFeedbackJsonl', () => {
  it('turns each line into a training example and keeps missing labels missing', () => {
    const text = [
      '{"subject":"VPN","description":"VPN drops every hour","category":"technical","intent":"technical_issue"}',
      '',
      '{"subject":"","description":"please stop the emails","priority":"low"}',
    ].join('\n');
    const examples = parseFeedbackJsonl(text, 'week-12.jsonl');
    expect(examples).toHaveLength(2);
    expect(examples[0]).toMatchObject({ source: 'feedback', category: 'technical', intent: 'technical_issue' });
    expect(examples[1].category).toBeUndefined();
    expect(examples[1].id).toBe('feedback:week-12.jsonl:3');
  });

  it('names the line of an unknown label', () => {
    expect(() => parseFeedbackJsonl('{"description":"x","category":"sales"}', 'f')).toThrow(/^f:1:/);
  });
});
