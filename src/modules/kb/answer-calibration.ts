// Calibrated answer confidence: P(the answer's first citation answers the question).
//
// A few features are read from what retrieval and the extractive answer return,
// then mapped to a probability by a small logistic model. The coefficients below
// were fit ONLY on tune-split questions (eval/kb-demo tune, plus eval/bank-faq tune
// down-weighted because that set has no unanswerable questions) by
// `npx tsx ai/kb/answer-calibration-fit.ts`, which prints this block.
// Label: 1 when auto-resolving with the first citation would be correct,
// 0 otherwise (every unanswerable question is 0). Re-run the script and paste its
// output here whenever retrieval, chunking or the extractive answer change.
import type { AnswerResult } from './answer.schema';
import { answerType, statesAnswerType } from './answer-type';
import { chunkTerms, idf, type TermStats } from './term-stats';
import { analyzeTerms, vocabularyStems } from './text-analysis';

/** What the features need from a retrieved hit (a structural subset of `RetrievedHit`). */
export interface CalibrationHit {
  articleId: string;
  text: string;
  scores: { fulltext: number | null; vector: number | null; lexical?: number };
}

export interface AnswerFeatures {
  /** `extractiveAnswer`'s heuristic confidence, [0,1]. */
  extractive: number;
  /** Best raw lexical score (BM25 + headings, `lexicalScores`) of a chunk of the cited article. */
  topScore: number;
  /** (own − rival) / max(own, rival) over raw lexical scores, by article, in [−1, 1]; 1 when no other article matched. */
  margin: number;
  /** Share of the question's content terms found anywhere in the cited article's retrieved chunks (title and headings included). */
  articleCoverage: number;
  /** Share of the question's content terms found in the answer sentences. */
  answerCoverage: number;
  /**
   * Like `articleCoverage`, but only over the question terms that occur somewhere in the KB:
   * a word no article uses ("invalid credentials") can be covered by none, so it says nothing
   * about which article answers. 0 when no term is known.
   */
  knownCoverage: number;
  /** Share of the question's content terms that occur somewhere in the KB (1 without a vocabulary). */
  knownShare: number;
  /**
   * Like `knownCoverage`, but only over the cited article's title and section headings:
   * a question about what a heading names ("reset password" → "Reset your password")
   * is more likely answered than one whose words are scattered through the body.
   */
  headingCoverage: number;
  /** Number of distinct content terms of the question (stopwords dropped, stem-lite). */
  terms: number;
  /**
   * IDF-weighted share of the terms of the question sentences (`questionFocus`) found in the cited
   * article's retrieved chunks; a term the KB never uses counts as missing. A near-miss ("a gift
   * card in Swiss francs?") asks about something the article does not mention.
   */
  focusCoverage: number;
  /** As `focusCoverage`, over the answer sentences and the headings of the cited article only. */
  answerFocusCoverage: number;
  /** 1 when the answer states a fact of the kind the question asks for (`answer-type.ts`: a duration, a number, a place), or it asks for none; else 0. */
  typeMatch: number;
  /** 1 / (1 + number of terms of the question sentences that no article uses). */
  knownFocus: number;
}

export const FEATURE_NAMES = [
  'extractive',
  'logTopScore',
  'margin',
  'articleCoverage',
  'answerCoverage',
  'knownCoverage',
  'knownShare',
  'logTerms',
  'headingCoverage',
  'focusCoverage',
  'answerFocusCoverage',
  'typeMatch',
  'knownFocus',
] as const;

/** Feature vector the model reads (same order as FEATURE_NAMES); each is oriented so that more means "more likely answered". */
export function featureVector(f: AnswerFeatures): number[] {
  return [
    f.extractive,
    Math.log10(Math.max(0, f.topScore) + 0.001),
    f.margin,
    f.articleCoverage,
    f.answerCoverage,
    f.knownCoverage,
    f.knownShare,
    Math.log(1 + f.terms),
    f.headingCoverage,
    f.focusCoverage,
    f.answerFocusCoverage,
    f.typeMatch,
    f.knownFocus,
  ];
}

// A chunk's text starts with its `Title > H2 > H3` line; deeper headings stay in it as `##` lines.
const headingLines = (text: string) => {
  const lines = text.split('\n');
  return [lines[0] ?? '', ...lines.slice(1).filter((l) => /^#{1,6} /.test(l))];
};

const share = (terms: readonly string[], found: ReadonlySet<string>) =>
  terms.length === 0 ? 0 : terms.filter((t) => found.has(t)).length / terms.length;

function weightedShare(terms: readonly string[], found: ReadonlySet<string>, stats?: TermStats): number {
  const w = (t: string) => (stats ? idf(stats, t) : 1);
  const total = terms.reduce((sum, t) => sum + w(t), 0);
  return total === 0 ? 0 : terms.filter((t) => found.has(t)).reduce((sum, t) => sum + w(t), 0) / total;
}

/**
 * Features of one answer. `question` should be the normalized question (as passed
 * to `extractiveAnswer`) and `focus` its question sentences, normalized the same way
 * (`questionFocus`); `hits` are the retrieved chunks with their raw scores; `kb` the
 * KB's distinct lowercased words and term statistics (the ones `retrieve` uses).
 */
export function answerFeatures(
  question: string,
  hits: readonly CalibrationHit[],
  answer: AnswerResult,
  vocabulary?: ReadonlySet<string>,
  options: { focus?: string; stats?: TermStats } = {},
): AnswerFeatures {
  const terms = [...new Set(analyzeTerms(question))];
  // A term is known when the KB has any inflection of it ("task" is known from "tasks").
  const stems = vocabulary === undefined ? undefined : vocabularyStems(vocabulary);
  const knownTerms = terms.filter((t) => stems === undefined || stems.has(t));
  const cited = answer.citations[0]?.articleId;
  const best = new Map<string, number>();
  for (const h of hits) {
    const s = h.scores.lexical ?? h.scores.fulltext ?? 0;
    best.set(h.articleId, Math.max(best.get(h.articleId) ?? 0, s));
  }
  const own = cited === undefined ? 0 : (best.get(cited) ?? 0);
  const rival = Math.max(0, ...[...best].filter(([id]) => id !== cited).map(([, s]) => s));
  const top = Math.max(own, rival);
  const margin = top > 0 ? (own - rival) / top : 0;
  const citedHits = hits.filter((h) => h.articleId === cited);
  // The term statistics keep each chunk's analysis: the same few chunks are cited again and again.
  const { stats } = options;
  const articleTerms = new Set(citedHits.flatMap((h) => (stats ? [...chunkTerms(stats, h.text).tf.keys()] : analyzeTerms(h.text))));
  const answerTerms = new Set(analyzeTerms(answer.answer));
  const headingTerms = new Set(citedHits.flatMap((h) => headingLines(h.text).flatMap((l) => analyzeTerms(l))));
  const focusTerms = [...new Set(analyzeTerms(options.focus ?? question))];
  const statesType = statesAnswerType(answerType(options.focus ?? question), answer.answer);
  return {
    extractive: answer.confidence,
    topScore: own,
    margin,
    articleCoverage: share(terms, articleTerms),
    answerCoverage: share(terms, answerTerms),
    knownCoverage: share(knownTerms, articleTerms),
    knownShare: terms.length === 0 ? 0 : knownTerms.length / terms.length,
    terms: terms.length,
    headingCoverage: share(knownTerms, headingTerms),
    focusCoverage: weightedShare(focusTerms, articleTerms, options.stats),
    answerFocusCoverage: weightedShare(focusTerms, new Set([...answerTerms, ...headingTerms]), options.stats),
    typeMatch: statesType ? 1 : 0,
    knownFocus: 1 / (1 + focusTerms.filter((t) => stems !== undefined && !stems.has(t)).length),
  };
}

// --- fitted by answer-calibration-fit.ts (paste its output below) ---
// fit 2026-12-06 on kb-demo + rosterly + fernhill tune (252) + bank-faq tune (983, per-row weight 0.5), L2 lambda 0.03
// features: extractive, logTopScore, margin, articleCoverage, answerCoverage, knownCoverage, knownShare, logTerms, headingCoverage, focusCoverage, answerFocusCoverage, typeMatch, knownFocus
export const CALIBRATION = {
  intercept: -6.7075,
  weights: [0, 0, 3.7234, 2.1371, 0, 0, 0, 1.7006, 2.2984, 0, 1.2149, 0.2453, 0],
} as const;
// --- end of fitted block ---

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic model over `featureVector`; returns a probability in [0,1], rounded to 3 decimals. */
export function calibrate(
  f: AnswerFeatures,
  model: { intercept: number; weights: readonly number[] } = CALIBRATION,
): number {
  const x = featureVector(f);
  const z = model.intercept + x.reduce((sum, v, i) => sum + v * (model.weights[i] ?? 0), 0);
  const p = sigmoid(z);
  return Number.isFinite(p) ? Math.round(p * 1000) / 1000 : 0;
}
