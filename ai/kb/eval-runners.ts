import { shouldAutoResolve } from '../../src/modules/kb/answer';
import type { EvalQuestion, EvalSplit } from './eval-dataset';

export interface SplitOption {
  /** Only questions of this split; all questions when omitted. */
  split?: EvalSplit;
}

export interface RankingScores {
  n: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
}

export interface RetrievalMiss {
  id: string;
  question: string;
  style: string;
  relevant: string[];
  /** 1-based rank of the first relevant article, null when it is not in the top 10. */
  rank: number | null;
  top: string[];
}

export interface RetrievalReport extends RankingScores {
  perStyle: Record<string, RankingScores>;
  /** Questions whose first result is not relevant, in dataset order. */
  misses: RetrievalMiss[];
}

const inSplit = (questions: readonly EvalQuestion[], split?: EvalSplit) =>
  questions.filter((q) => split === undefined || q.split === split);

function scores(ranks: readonly (number | null)[]): RankingScores {
  const n = ranks.length;
  if (n === 0) return { n, recallAt1: 0, recallAt5: 0, mrrAt10: 0 };
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n;
  return { n, recallAt1: within(1), recallAt5: within(5), mrrAt10: mrr };
}

/**
 * Recall@1, Recall@5 and MRR@10 of the answerable questions: a question counts
 * as found at the rank of its first relevant article. `search` returns ranked
 * article slugs; repeats (several chunks of one article) count once, at their
 * best rank. Questions run one at a time.
 */
export async function evaluateRetrieval(
  questions: readonly EvalQuestion[],
  search: (question: string) => Promise<string[]>,
  options: SplitOption = {},
): Promise<RetrievalReport> {
  const answerable = inSplit(questions, options.split).filter((q) => q.relevant.length > 0);
  const results: { q: EvalQuestion; rank: number | null; top: string[] }[] = [];
  for (const q of answerable) {
    const ranked = [...new Set(await search(q.question))].slice(0, 10);
    const index = ranked.findIndex((slug) => q.relevant.includes(slug));
    results.push({ q, rank: index === -1 ? null : index + 1, top: ranked.slice(0, 5) });
  }
  const styles = [...new Set(results.map((r) => r.q.style))].sort();
  return {
    ...scores(results.map((r) => r.rank)),
    perStyle: Object.fromEntries(
      styles.map((style) => [style, scores(results.filter((r) => r.q.style === style).map((r) => r.rank))]),
    ),
    misses: results
      .filter((r) => r.rank !== 1)
      .map(({ q, rank, top }) => ({ id: q.id, question: q.question, style: q.style, relevant: q.relevant, rank, top })),
  };
}

export interface AutoResolveAnswer {
  confidence: number;
  /** The article the answer cites first; null when there is no answer. */
  topSlug: string | null;
}

export interface AutoResolveRow {
  threshold: number;
  /** Correct auto-resolves ÷ all auto-resolves; null when nothing is auto-resolved. */
  precision: number | null;
  /** Correct auto-resolves ÷ answerable questions. */
  coverage: number;
  autoResolved: number;
  /** Auto-resolves citing a non-relevant article, unanswerable questions included. */
  wrong: number;
  unanswerableAutoResolved: number;
}

/** 0.50, 0.55, …, 0.95 */
export const AUTO_RESOLVE_THRESHOLDS: readonly number[] = Array.from({ length: 10 }, (_, i) => (50 + 5 * i) / 100);

/**
 * Ask every question once, then count at each threshold what would be
 * auto-resolved: confidence ≥ threshold (as `shouldAutoResolve` decides) and
 * an answer that cites an article. It is correct when that article is
 * relevant, so any auto-resolve of an unanswerable question is wrong.
 */
export async function evaluateAutoResolve(
  questions: readonly EvalQuestion[],
  ask: (question: string) => Promise<AutoResolveAnswer>,
  thresholds: readonly number[] = AUTO_RESOLVE_THRESHOLDS,
  options: SplitOption = {},
): Promise<AutoResolveRow[]> {
  const selected = inSplit(questions, options.split);
  const outcomes: { answerable: boolean; correct: boolean; answer: AutoResolveAnswer }[] = [];
  for (const q of selected) {
    const answer = await ask(q.question);
    const correct = answer.topSlug !== null && q.relevant.includes(answer.topSlug);
    outcomes.push({ answerable: q.relevant.length > 0, correct, answer });
  }
  const answerableCount = outcomes.filter((o) => o.answerable).length;
  return thresholds.map((threshold) => {
    const taken = outcomes.filter((o) => o.answer.topSlug !== null && shouldAutoResolve(o.answer.confidence, threshold));
    const correct = taken.filter((o) => o.correct).length;
    return {
      threshold,
      precision: taken.length > 0 ? correct / taken.length : null,
      coverage: answerableCount > 0 ? correct / answerableCount : 0,
      autoResolved: taken.length,
      wrong: taken.length - correct,
      unanswerableAutoResolved: taken.filter((o) => !o.answerable).length,
    };
  });
}

/**
 * The lowest threshold whose precision reaches `minPrecision` with no
 * unanswerable question auto-resolved, or null. Pass rows of the TUNE split,
 * then report the test split at the threshold it returns.
 */
export function pickThreshold(rows: readonly AutoResolveRow[], options: { minPrecision?: number } = {}): number | null {
  const { minPrecision = 0.97 } = options;
  const ok = rows.filter((r) => r.precision !== null && r.precision >= minPrecision && r.unanswerableAutoResolved === 0);
  return ok.length > 0 ? Math.min(...ok.map((r) => r.threshold)) : null;
}

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Overall and per-style scores, then up to `maxMisses` questions whose first result was wrong. */
export function formatRetrievalReport(report: RetrievalReport, options: { maxMisses?: number } = {}): string {
  const { maxMisses = 15 } = options;
  const row = (label: string, s: RankingScores) => [label, String(s.n), fixed(s.recallAt1), fixed(s.recallAt5), fixed(s.mrrAt10)];
  const body = table(
    ['style', 'n', 'recall@1', 'recall@5', 'MRR@10'],
    [row('all', report), ...Object.entries(report.perStyle).map(([style, s]) => row(style, s))],
  );
  if (report.misses.length === 0) return body;
  const oneLine = (text: string) => {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
  };
  const misses = report.misses
    .slice(0, maxMisses)
    .map((m) => `  ${m.id} [rank ${m.rank ?? '>10'}] "${oneLine(m.question)}"\n    want ${m.relevant.join(', ')}; got ${m.top.join(', ') || '(nothing)'}`);
  const more = report.misses.length > maxMisses ? [`  … and ${report.misses.length - maxMisses} more`] : [];
  return [body, '', `Not at rank 1 (${report.misses.length}):`, ...misses, ...more].join('\n');
}

/** One line per threshold; `picked` marks the chosen threshold. */
export function formatAutoResolveTable(rows: readonly AutoResolveRow[], options: { picked?: number | null } = {}): string {
  return table(
    ['threshold', 'precision', 'coverage', 'auto-resolved', 'wrong', 'unanswerable', ''],
    rows.map((r) => [
      r.threshold.toFixed(2),
      fixed(r.precision),
      fixed(r.coverage),
      String(r.autoResolved),
      String(r.wrong),
      String(r.unanswerableAutoResolved),
      r.threshold === options.picked ? '← picked' : '',
    ]),
  );
}
