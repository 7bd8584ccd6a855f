import { charNgrams, STOPWORDS, type SparseVector, type Vocabulary } from './features.js';
import { tokenize } from './text-normalize.js';

/** A token's features: its unigram's index and its char n-grams' indices (-1: not in the vocabulary). */
export interface TokenFeatures {
  word: number;
  chars: Int32Array;
}

/** A text's TF-IDF vector, with the term frequency behind each entry and the text's tokens. */
export interface TextFeatures {
  x: SparseVector;
  tf: Float64Array;
  tokens: string[];
}

// Per vocabulary: each token's feature indices, cached because words repeat across tickets (slicing
// and hashing every char n-gram again was most of a long e-mail's classification time), and dense
// scratch arrays, so that indices are counted and sorted as plain numbers.
interface Scratch {
  tokens: Map<string, TokenFeatures>;
  counts: Float64Array;
  values: Float64Array;
}
const scratchByVocab = new WeakMap<Vocabulary, Scratch>();
const MAX_CACHED_TOKENS = 50_000;

function scratchFor(vocab: Vocabulary): Scratch {
  let scratch = scratchByVocab.get(vocab);
  if (!scratch) {
    const dim = vocab.idf.length;
    scratch = { tokens: new Map(), counts: new Float64Array(dim), values: new Float64Array(dim) };
    scratchByVocab.set(vocab, scratch);
  }
  return scratch;
}

export function tokenFeatures(vocab: Vocabulary, token: string): TokenFeatures {
  const cache = scratchFor(vocab).tokens;
  let found = cache.get(token);
  if (!found) {
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    const grams = charNgrams(token, vocab.config.charMin, vocab.config.charMax);
    found = { word: vocab.wordIndex.get(token) ?? -1, chars: Int32Array.from(grams, (g) => vocab.charIndex.get(g) ?? -1) };
    cache.set(token, found);
  }
  return found;
}

/**
 * Sublinear TF-IDF; word and char blocks are L2-normalized separately, then jointly.
 * Same terms as countTerms, and each block's norm is summed in the order countTerms first
 * meets its terms, so vectors are bit-for-bit those the model was trained on.
 */
export function textFeatures(vocab: Vocabulary, normalized: string): TextFeatures {
  const { counts, values } = scratchFor(vocab);
  const tokens = tokenize(normalized);
  // Plain indexed loops: closures and typed-array iterators here cost more than the counting.
  const words: number[] = [];
  const chars: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      const j = vocab.wordIndex.get(`${tokens[i - 1]} ${tokens[i]}`);
      if (j !== undefined && counts[j]++ === 0) words.push(j);
    }
    if (vocab.config.stopwords && STOPWORDS.has(tokens[i])) continue;
    const features = tokenFeatures(vocab, tokens[i]);
    if (features.word >= 0 && counts[features.word]++ === 0) words.push(features.word);
    for (let g = 0; g < features.chars.length; g++) {
      const j = features.chars[g];
      if (j >= 0 && counts[j]++ === 0) chars.push(j);
    }
  }
  // A block is empty exactly when its norm is 0 (every tf-idf value is positive).
  const blocks = [words, chars].filter((order) => order.length > 0);
  const indices = new Int32Array(words.length + chars.length);
  let size = 0;
  for (const order of blocks) {
    let norm = 0;
    for (const j of order) {
      values[j] = (1 + Math.log(counts[j])) * vocab.idf[j];
      norm += values[j] * values[j];
    }
    const scale = 1 / (Math.sqrt(norm) * Math.sqrt(blocks.length));
    for (const j of order) {
      values[j] *= scale;
      indices[size++] = j;
    }
  }
  indices.sort();
  const x = { indices, values: new Float32Array(size) };
  const tf = new Float64Array(size);
  for (let n = 0; n < size; n++) {
    x.values[n] = values[indices[n]];
    tf[n] = counts[indices[n]];
  }
  for (let n = 0; n < words.length; n++) counts[words[n]] = 0;
  for (let n = 0; n < chars.length; n++) counts[chars[n]] = 0;
  return { x, tf, tokens };
}

export function vectorize(vocab: Vocabulary, normalized: string): SparseVector {
  return textFeatures(vocab, normalized).x;
}
