// Shared text primitives for chunking, ranking and answering. Keeping token
// counting and term analysis in one place means chunk budgets, BM25 and answer
// scoring all agree on what a "word" is.

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can cannot could did do does doing during each few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not of ' +
    'on once only or other our ours ourselves over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours yourself yourselves dont doesnt didnt cant im ive ' +
    'get got please also may might must shall us let lets'
  ).split(' '),
);

/** The one token counter: a token is a whitespace-separated word. */
export function countTokens(text: string): number {
  let count = 0;
  for (const part of text.split(/\s+/)) if (part) count += 1;
  return count;
}

/** Lowercase, fold diacritics, drop apostrophes, turn every other non-alphanumeric into a space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Normalized surface words, stopwords included. */
export function words(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word[word.length - 1];
  if (word.length > 4 && last === word[word.length - 2] && /[bcdfghjklmnpqrtvwxz]/.test(last)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Light suffix stripping (plurals, -ing, -ed, -ation, -ly, trailing e). It is
 * not a real stemmer: it only needs to map inflections of the same word to the
 * same key, e.g. invoice/invoices/invoicing, cancel/cancelled/cancellation.
 */
export function stemLite(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return undouble(w);
}

export interface AnalyzeOptions {
  stem?: boolean;
  dropStopwords?: boolean;
}

/** Index/query terms: normalized words, optionally without stopwords and stemmed. */
export function analyzeTerms(text: string, options: AnalyzeOptions = {}): string[] {
  const { stem = true, dropStopwords = true } = options;
  const terms: string[] = [];
  for (const word of words(text)) {
    if (dropStopwords && isStopword(word)) continue;
    terms.push(stem ? stemLite(word) : word);
  }
  return terms;
}

/**
 * Split prose into sentences. Breaks after . ! ? when the next sentence starts
 * with an uppercase letter, digit or opening quote, so "e.g. the" stays whole.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["')\]]*)\s+(?=["'(\[]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const stemCache = new WeakMap<ReadonlySet<string>, Set<string>>();
/** Stem-lite forms of a vocabulary, cached per vocabulary set: a term is known when the KB has any inflection of it. */
export function vocabularyStems(vocabulary: ReadonlySet<string>): Set<string> {
  let stems = stemCache.get(vocabulary);
  if (!stems) {
    stems = new Set([...vocabulary].map(stemLite));
    stemCache.set(vocabulary, stems);
  }
  return stems;
}
