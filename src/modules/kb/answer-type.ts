// What kind of fact a question asks for, and whether a sentence states such a fact. The extractive
// answer prefers a sentence that states one ("We retry 3, 7 and 14 days after") over a nearby
// sentence that only shares words with the question ("If the charge fails, we try again"), and
// the auto-resolve gate refuses an answer that states no fact of the kind asked for ("how long
// does a repair take?" answered with a price). These are general question words, not any
// knowledge base's wording.

export type AnswerType = 'duration' | 'quantity' | 'place' | 'other';

// "How long", "until when", "when will": a time span, a date or a time of day answers these.
const DURATION =
  /\b(?:how (?:long|soon|quickly|fast|early|late)|how many (?:minutes|hours|days|weeks|months|years)|until when|by when|till when|when (?:will|would|does|do|can|is|are|should)|what time|expire|expires|expiry|valid|validity|deadline)\b/i;
const QUANTITY =
  /\b(?:how (?:many|much|far|often|big|large|old)|what (?:rate|percentage|price|fee|fees|cost|costs|amount)|when|cost|costs|price|prices|fee|fees|charge for|limit|limits|maximum|minimum|max|min|percent)\b/i;
const PLACE = /\b(?:where|which (?:menu|page|tab|button|setting|settings)|how (?:do|can|should|would) (?:i|we|you|one)|how to|find|turn on|turn off|set up|change|add|remove|download|export)\b/i;

export function answerType(question: string): AnswerType {
  if (DURATION.test(question)) return 'duration';
  if (QUANTITY.test(question)) return 'quantity';
  if (PLACE.test(question)) return 'place';
  return 'other';
}

/** A number, a price, a percentage, a duration or a time of day. */
export function statesQuantity(sentence: string): boolean {
  return /\d/.test(sentence);
}

const NUMBER_WORD = '(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|a few|several)';
const SPAN = new RegExp(
  [
    `\\b${NUMBER_WORD}(?:\\s*(?:-|–|to|or)\\s*${NUMBER_WORD})?[\\s-]*(?:business |working |calendar |full )?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\\b`,
    '\\b\\d{1,2}[:.]\\d{2}\\b', // a time of day
    '\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b',
    '\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b',
    '\\b(?:next|same|following) (?:business |working )?day\\b',
    '\\b(?:immediately|at once|instantly|right away|straight away|lifetime|never expires?|do(?:es)? not expire|overnight|tomorrow|today)\\b',
  ].join('|'),
  'i',
);

/** A time span ("14 days", "2–3 business days"), a date, a weekday, a time of day or "immediately". */
export function statesDuration(sentence: string): boolean {
  return SPAN.test(sentence);
}

/** A menu path ("Settings → Billing", "Settings > Billing") or a web address. */
export function statesPlace(sentence: string): boolean {
  return /→|\S\s>\s\S|\b[\w-]+\.(?:example|com|org|net|io)\b|@/.test(sentence);
}

/** Whether the text states a fact of the kind the question asks for (always true for 'other'). */
export function statesAnswerType(type: AnswerType, text: string): boolean {
  if (type === 'duration') return statesDuration(text);
  if (type === 'quantity') return statesQuantity(text);
  if (type === 'place') return statesPlace(text);
  return true;
}

/** Extra sentence score for stating the kind of fact the question asks for. */
export function factBonus(type: AnswerType, sentence: string): number {
  if (type !== 'other' && statesAnswerType(type, sentence)) return 0.15;
  return statesQuantity(sentence) || statesPlace(sentence) ? 0.03 : 0;
}
