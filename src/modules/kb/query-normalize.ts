import { rewriteSynonyms, synonymRules, type PhraseRewrite } from './query-synonyms';
import { isStopword, stemLite, vocabularyStems, words } from './text-analysis';

export interface QueryCorrection {
  from: string;
  to: string;
}

export interface NormalizedQuery {
  /** Lowercased, punctuation-free, typo-corrected words (stopwords kept). */
  text: string;
  /** The words that carry meaning: `text` without stopwords (all words if every one is a stopword). */
  terms: string[];
  corrections: QueryCorrection[];
  /** Support phrasings rewritten to the KB's wording (`query-synonyms.ts`), e.g. "log on" → "sign in". */
  rewrites: PhraseRewrite[];
  /** For PostgreSQL `websearch_to_tsquery`; '' when the query has no words. */
  websearch: string;
}

export interface QueryNormalizeOptions {
  /** 'any' ORs the terms (recall, for ranked hybrid search); 'all' ANDs them. Default 'any'. */
  mode?: 'any' | 'all';
  maxTerms?: number;
}

// editDistance's three rows, kept between calls: spelling correction compares each unknown word with every
// vocabulary word of about its length, and new arrays per comparison kept the garbage collector busy.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let prevPrev = rows[0]!;
  let prev = rows[1]!;
  let row = rows[2]!;
  for (let j = 0; j < width; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, prevPrev[j - 2]! + 1);
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const free = prevPrev;
    prevPrev = prev;
    prev = row;
    row = free;
  }
  return prev[b.length]!;
}

function preferred(candidate: string, best: string, word: string): boolean {
  const candidateFirst = candidate[0] === word[0];
  if (candidateFirst !== (best[0] === word[0])) return candidateFirst;
  return candidate < best;
}

// Per vocabulary: its words by length (a word of length n is only compared with words n±2), and the
// corrections already worked out (customers' words repeat: greetings, names, the same typos).
interface CorrectionIndex {
  byLength: Map<number, string[]>;
  corrected: Map<string, string | null>;
}
const indexes = new WeakMap<ReadonlySet<string>, CorrectionIndex>();
const CORRECTED_LIMIT = 20_000;

function correctionIndex(vocabulary: ReadonlySet<string>): CorrectionIndex {
  let index = indexes.get(vocabulary);
  if (!index) {
    const byLength = new Map<number, string[]>();
    for (const w of vocabulary) {
      if (w.length < 3) continue;
      const same = byLength.get(w.length);
      if (same) same.push(w);
      else byLength.set(w.length, [w]);
    }
    index = { byLength, corrected: new Map() };
    indexes.set(vocabulary, index);
  }
  return index;
}

/**
 * The closest vocabulary word to a word the vocabulary lacks (in any inflection):
 * at most 1 edit for words of 5–7 letters, 2 for longer ones. Shorter words, numbers and
 * stopwords are never changed, since one edit turns them into other real words.
 * Ties prefer the same first letter, then alphabetical order.
 */
export function correctWord(word: string, vocabulary: ReadonlySet<string>): string | null {
  if (vocabulary.has(word) || word.length < 5 || /\d/.test(word) || isStopword(word)) return null;
  // Another inflection of a word the KB uses is not a typo: "charging" must not become "changing".
  if (vocabularyStems(vocabulary).has(stemLite(word))) return null;
  const index = correctionIndex(vocabulary);
  const known = index.corrected.get(word);
  if (known !== undefined) return known;
  const best = closestWord(word, index.byLength);
  if (index.corrected.size >= CORRECTED_LIMIT) index.corrected.clear();
  index.corrected.set(word, best);
  return best;
}

function closestWord(word: string, byLength: ReadonlyMap<number, readonly string[]>): string | null {
  const max = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of byLength.get(length) ?? []) {
      const distance = editDistance(word, candidate, max);
      if (distance > max) continue;
      const better = best === null || distance < bestDistance || (distance === bestDistance && preferred(candidate, best, word));
      if (better) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/**
 * Normalize a user's question for full-text search: lowercase, strip punctuation,
 * rewrite support synonyms to the KB's wording, fix typos, build websearch syntax.
 */
export function normalizeQuery(
  query: string,
  vocabulary: ReadonlySet<string>,
  options: QueryNormalizeOptions = {},
): NormalizedQuery {
  const { mode = 'any', maxTerms = 32 } = options;
  const rules = synonymRules(vocabulary);
  // Synonyms go first: a word the KB lacks ("unsubscribe") would otherwise be
  // "corrected" to a lookalike ("subscribe"). A second pass catches a synonym
  // that was only recognisable after its typo was fixed ("biled" → "billed").
  const first = rewriteSynonyms(words(query), rules);
  const corrections: QueryCorrection[] = [];
  const corrected = first.words.map((word) => {
    const to = correctWord(word, vocabulary);
    if (!to) return word;
    corrections.push({ from: word, to });
    return to;
  });
  const second = rewriteSynonyms(corrected, rules);
  const fixed = second.words;
  const meaningful = fixed.filter((w) => !isStopword(w));
  const terms = [...new Set(meaningful.length > 0 ? meaningful : fixed)].slice(0, maxTerms);
  // websearch_to_tsquery reads a bare "or" as an operator and "-x" as NOT; the
  // words here have no punctuation left, and "or"/"and" only survive when every
  // word is a stopword, so they are quoted to stay literal.
  const safe = terms.map((t) => (t === 'or' || t === 'and' ? `"${t}"` : t));
  return {
    text: fixed.join(' '),
    terms,
    corrections,
    rewrites: [...first.rewrites, ...second.rewrites],
    websearch: safe.join(mode === 'any' ? ' or ' : ' '),
  };
}
