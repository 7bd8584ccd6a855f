import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerType, statesAnswerType, type AnswerType } from './answer-type';
import { analyzeTerms, stemLite } from './text-analysis';

// Does the cited article speak about what the question asks? Near-misses share most of their
// words with a neighbouring article ("a gift card in Swiss francs", "pause the subscription"):
// the calibrated confidence sees the shared words, this check sees the ones that are not shared.
// Only the question sentences count (`questionFocus`), so an email's greeting and context do not.

// Helpdesk small talk that says nothing about the topic; no article needs to contain these.
const CHATTER = new Set(
  'help need want know like thank thanks hi hello hey dear question possible way thing someone somebody anyone anybody really still already ok okay sure tell let advis wonder'.split(' '),
);

// The 1,000 most frequent English words (GloVe 6B's vocabulary order, `models/english-words.txt`,
// written by ai/data/english-words.ts) say too little to mark a question as out of scope: a
// customer writes "instead", "money" or "office" about any topic. Rarer words name the thing asked
// about ("francs", "pause", "purchase order").
export const COMMON_WORD_RANK = 1000;
const WORDS_FILE = fileURLToPath(new URL('../../../models/english-words.txt', import.meta.url));
let common: Set<string> | null = null;
function commonStems(): Set<string> {
  common ??= new Set(
    readFileSync(WORDS_FILE, 'utf8')
      .split('\n')
      .slice(0, COMMON_WORD_RANK)
      .filter(Boolean)
      .map(stemLite),
  );
  return common;
}

export interface AnswerScope {
  /**
   * false: the question names something the knowledge base or the cited article never mentions,
   * or asks for a kind of fact (a duration, a number, a place) that the answer does not state.
   */
  covered: boolean;
  /** The kind of fact the question sentences ask for (`answer-type.ts`). */
  asks: AnswerType;
  /** Whether the answer states a fact of that kind (true when the question asks for none). */
  statesAskedFact: boolean;
  /** Question terms no article uses. */
  unknownTerms: string[];
  /** Question terms the knowledge base uses, but not the cited article. */
  missingTerms: string[];
}

/** At most this many known question terms may be absent from the cited article (paraphrases). */
export const MAX_MISSING_TERMS = 1;

/**
 * Words a customer wrote as names (capitalized, not opening a sentence): "the Netherlands", "Swiss
 * francs", "Microsoft Teams". A name is never everyday, however frequent: a country, a brand or a
 * product the knowledge base does not mention is what a near-miss asks about.
 */
export function namedStems(raw: string): Set<string> {
  const named = new Set<string>();
  for (const sentence of raw.split(/(?<=[.!?:])\s+|\n+/)) {
    const words = sentence.match(/[A-Za-z][A-Za-z']*/g) ?? [];
    words.slice(1).forEach((w) => {
      if (/^[A-Z][a-z]+$/.test(w)) named.add(stemLite(w.toLowerCase()));
    });
  }
  return named;
}

export interface ScopeInput {
  /** The normalized question sentences (`questionFocus`). */
  focus: string;
  /** Stem-lite forms of the knowledge base's words. */
  kbStems: ReadonlySet<string>;
  /** The cited article's retrieved text. */
  articleText: string;
  /** The answer given (checked for the kind of fact asked); omitted: not checked. */
  answer?: string;
  /** Stems the customer wrote as names (`namedStems`). */
  named?: ReadonlySet<string>;
}

export function answerScope({ focus, kbStems, articleText, answer, named = new Set() }: ScopeInput): AnswerScope {
  const everyday = commonStems();
  const terms = [...new Set(analyzeTerms(focus))].filter((t) => !CHATTER.has(t) && (named.has(t) || !everyday.has(t)) && t.length > 1);
  const article = new Set(analyzeTerms(articleText));
  const unknownTerms = terms.filter((t) => !kbStems.has(t));
  const missingTerms = terms.filter((t) => kbStems.has(t) && !article.has(t));
  const asks = answerType(focus);
  const statesAskedFact = answer === undefined || statesAnswerType(asks, answer);
  return { covered: unknownTerms.length === 0 && missingTerms.length <= MAX_MISSING_TERMS && statesAskedFact, asks, statesAskedFact, unknownTerms, missingTerms };
}
