import { tokenize } from './text-normalize.js';

// Function words carry source style (banking one-liners vs. e-mails), not topic; they
// still take part in bigrams ("not working", "log in"), where they do carry meaning.
export const STOPWORDS = new Set(
  ('a an and are as at be but by for from had has have i if in is it its me my of on or our so that the their ' +
    'them there these they this to was we were what when which who will with would you your am been being do ' +
    'does did just also than then too very can could should may might us all any some such only own same about ' +
    'into over after before again further once here here why how both each few more most other no nor not').split(' '),
);

export interface FeatureConfig {
  /** Drop STOPWORDS from unigrams and char n-grams. */
  stopwords: boolean;
  minDf: number;
  maxWordFeatures: number;
  maxCharFeatures: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  stopwords: true,
  minDf: 2,
  maxWordFeatures: 12000,
  maxCharFeatures: 24000,
  charMin: 3,
  charMax: 5,
};

/** Word terms (unigrams, "a b" bigrams) take indices [0, words.length); char n-grams follow. */
export interface Vocabulary {
  config: FeatureConfig;
  words: string[];
  chars: string[];
  idf: Float32Array;
  wordIndex: Map<string, number>;
  charIndex: Map<string, number>;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface TermCounts {
  words: Map<string, number>;
  chars: Map<string, number>;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

// Typos usually damage one spot of a word, so most of its 3–5 char n-grams survive.
export function charNgrams(token: string, min: number, max: number): string[] {
  const padded = ` ${token.slice(0, 30)} `;
  const grams: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  }
  return grams;
}

export function countTerms(normalized: string, config: FeatureConfig): TermCounts {
  const tokens = tokenize(normalized);
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (i > 0) increment(words, `${tokens[i - 1]} ${token}`);
    if (config.stopwords && STOPWORDS.has(token)) return;
    increment(words, token);
    for (const gram of charNgrams(token, config.charMin, config.charMax)) increment(chars, gram);
  });
  return { words, chars };
}

function topByDf(df: Map<string, number>, minDf: number, cap: number): string[] {
  return [...df.entries()]
    .filter(([, count]) => count >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, cap)
    .map(([term]) => term);
}

export function createVocabulary(
  config: FeatureConfig,
  words: string[],
  chars: string[],
  idf: Float32Array,
): Vocabulary {
  return {
    config,
    words,
    chars,
    idf,
    wordIndex: new Map(words.map((t, i) => [t, i])),
    charIndex: new Map(chars.map((t, i) => [t, words.length + i])),
  };
}

/** Keeps the most frequent terms by document frequency; ties break alphabetically. */
export function buildVocabulary(
  normalizedTexts: readonly string[],
  config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
): Vocabulary {
  const wordDf = new Map<string, number>();
  const charDf = new Map<string, number>();
  for (const text of normalizedTexts) {
    const counts = countTerms(text, config);
    for (const term of counts.words.keys()) increment(wordDf, term);
    for (const term of counts.chars.keys()) increment(charDf, term);
  }
  const words = topByDf(wordDf, config.minDf, config.maxWordFeatures);
  const chars = topByDf(charDf, config.minDf, config.maxCharFeatures);
  const n = normalizedTexts.length;
  const idf = new Float32Array(words.length + chars.length);
  const smooth = (df: number) => Math.log((1 + n) / (1 + df)) + 1;
  words.forEach((t, i) => (idf[i] = smooth(wordDf.get(t) ?? 0)));
  chars.forEach((t, i) => (idf[words.length + i] = smooth(charDf.get(t) ?? 0)));
  return createVocabulary(config, words, chars, idf);
}

export function featureCount(vocab: Vocabulary): number {
  return vocab.words.length + vocab.chars.length;
}

export function termName(vocab: Vocabulary, index: number): string {
  return index < vocab.words.length ? vocab.words[index] : vocab.chars[index - vocab.words.length];
}
