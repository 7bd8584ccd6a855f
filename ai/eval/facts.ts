import { traceText } from '../../src/modules/kb/fact-trace';

// A key fact counts as stated when it appears in the answer after both are reduced to plain text
// the way the product checks an LLM answer's facts against its sources (`traceText`): case,
// Markdown emphasis, arrow styles in menu paths ("A → B", "A > B", "A -> B"), dash styles in
// ranges ("3–5", "3-5") and thousands separators do not matter.
export function factText(text: string): string {
  return traceText(text).trim();
}

export function containsFact(answer: string, fact: string): boolean {
  return factText(answer).includes(factText(fact));
}

/** Every fact is stated; a question without facts counts as stated. */
export function containsAllFacts(answer: string, facts: readonly string[] = []): boolean {
  return facts.every((f) => containsFact(answer, f));
}
