// What kind of fact a question asks for, and whether a sentence states such a fact. The extractive
// answer prefers a sentence that states one ("We retry 3, 7 and 14 days after") over a nearby
// sentence that only shares words with the question ("If the charge fails, we try again").
// These are general question words, not any knowledge base's wording.

export type AnswerType = 'quantity' | 'place' | 'other';

const QUANTITY =
  /\b(?:how (?:long|many|much|far|often|soon|quickly|fast|early|late|big|large|old)|what (?:time|rate|percentage|price|fee|fees|cost|costs|amount)|until when|by when|till when|when|cost|costs|price|prices|fee|fees|charge for|limit|limits|maximum|minimum|max|min|expire|expires|valid|deadline|percent)\b/i;
const PLACE = /\b(?:where|which (?:menu|page|tab|button|setting|settings)|how (?:do|can|should|would) (?:i|we|you|one)|how to|find|turn on|turn off|set up|change|add|remove|download|export)\b/i;

export function answerType(question: string): AnswerType {
  if (QUANTITY.test(question)) return 'quantity';
  if (PLACE.test(question)) return 'place';
  return 'other';
}

/** A number, a price, a percentage, a duration or a time of day. */
export function statesQuantity(sentence: string): boolean {
  return /\d/.test(sentence);
}

/** A menu path ("Settings → Billing", "Settings > Billing") or a web address. */
export function statesPlace(sentence: string): boolean {
  return /→|\S\s>\s\S|\b[\w-]+\.(?:example|com|org|net|io)\b|@/.test(sentence);
}

/** Extra sentence score for stating the kind of fact the question asks for. */
export function factBonus(type: AnswerType, sentence: string): number {
  const quantity = statesQuantity(sentence);
  const place = statesPlace(sentence);
  if (type === 'quantity' && quantity) return 0.15;
  if (type === 'place' && place) return 0.15;
  return quantity || place ? 0.03 : 0;
}
