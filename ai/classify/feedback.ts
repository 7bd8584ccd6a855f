import {
  FeedbackExample,
  type Intent,
  type LabeledExample,
} from '../../src/modules/classify';

/** Parses agent corrections (one JSON object per line); a bad line fails with its number. */
export function parseFeedbackJsonl(text: string, sourceName = 'feedback'): LabeledExample[] {
  const examples: LabeledExample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = FeedbackExample.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${sourceName}:${i + 1}: ${parsed.error.message}`);
    const { subject, description, category, priority, intent } = parsed.data;
    examples.push({
      id: `feedback:${sourceName}:${i + 1}`,
      source: 'feedback',
      subject,
      description,
      category,
      priority,
      intent: intent as Intent | undefined,
    });
  });
  return examples;
}
