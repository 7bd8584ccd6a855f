import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  /** false: the question names something the knowledge base or the cited article never mentions. */
  covered: boolean;
  /** Question terms no article uses. */
  unknownTerms: string[];
  /** Question terms the knowledge base uses, but not the cited article. */
  missingTerms: string[];
}

/** At most this many known question terms may be absent from the cited article (paraphrases). */
export const MAX_MISSING_TERMS = 1;

/**
 * `focus` is the normalized question sentences; `kbStems` the stem-lite forms of the KB's words;
 * `articleText` the cited article's retrieved text.
 */
export function answerScope(focus: string, kbStems: ReadonlySet<string>, articleText: string): AnswerScope {
  const everyday = commonStems();
  const terms = [...new Set(analyzeTerms(focus))].filter((t) => !CHATTER.has(t) && !everyday.has(t) && t.length > 1);
  const article = new Set(analyzeTerms(articleText));
  const unknownTerms = terms.filter((t) => !kbStems.has(t));
  const missingTerms = terms.filter((t) => kbStems.has(t) && !article.has(t));
  return { covered: unknownTerms.length === 0 && missingTerms.length <= MAX_MISSING_TERMS, unknownTerms, missingTerms };
}
