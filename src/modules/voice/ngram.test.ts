import { describe, expect, it } from 'vitest';
import { corpusSentences, numberToWords } from './lm-corpus';
import { buildNgramModel } from './ngram';
import { dictionaryFor, parsePronunciations } from './pronunciations';

const DICT = parsePronunciations(['i AY', 'was W AA Z', 'charged CH AA R JH D', 'twice T W AY S', 'please P L IY Z', 'refund R IH F AH N D', 'refund(2) R IY F AH N D', 'me M IY', 'my M AY', 'error EH R ER', 'five F AY V', 'hundred HH AH N D R AH D'].join('\n'));

// log10 probabilities of the ARPA sections, keyed by n-gram.
function sections(arpa: string) {
  const probs = new Map<string, number>();
  const backoffs = new Map<string, number>();
  for (const line of arpa.split('\n')) {
    const m = /^(-?\d+\.\d+) ([^\t]+?)(?:\t(-?\d+\.\d+))?$/.exec(line);
    if (!m) continue;
    probs.set(m[2]!, Number(m[1]));
    if (m[3] !== undefined) backoffs.set(m[2]!, Number(m[3]));
  }
  return { probs, backoffs };
}

describe('domain language model', () => {
  it('cuts sentences at words the dictionary cannot pronounce and spells numbers out', () => {
    expect(corpusSentences(['I was charged twice by Stripe, please refund me. Error 500!'], DICT)).toEqual([
      ['i', 'was', 'charged', 'twice'],
      ['please', 'refund', 'me'],
      ['error', 'five', 'hundred'],
    ]);
    expect(numberToWords(1203)).toBe('one thousand two hundred three');
  });

  it('writes an ARPA model whose probabilities sum to one in every context', () => {
    const sentences = corpusSentences(['I was charged twice.', 'Please refund me.', 'I was charged.', 'Please refund my charge twice.', 'Refund me please.'], DICT);
    const model = buildNgramModel(sentences, 3);
    expect(model.arpa).toMatch(/^\\data\\\nngram 1=\d+\nngram 2=\d+\nngram 3=\d+\n/);
    expect(model.arpa.trimEnd().endsWith('\\end\\')).toBe(true);
    const { probs, backoffs } = sections(model.arpa);
    const vocab = [...model.vocabulary, '</s>'];
    const p = (words: string[]): number => {
      const key = words.join(' ');
      if (probs.has(key)) return 10 ** probs.get(key)!;
      if (words.length === 1) return 0;
      return 10 ** (backoffs.get(words.slice(0, -1).join(' ')) ?? 0) * p(words.slice(1));
    };
    for (const context of [['<s>'], ['i'], ['refund'], ['i', 'was'], ['please', 'refund']]) {
      const total = vocab.reduce((sum, w) => sum + p([...context, w]), 0);
      expect(total).toBeCloseTo(1, 3);
    }
  });

  it('writes a dictionary with every pronunciation of the model words only', () => {
    expect(dictionaryFor(['refund', 'me'], DICT)).toBe('refund R IH F AH N D\nrefund(2) R IY F AH N D\nme M IY\n');
  });
});
