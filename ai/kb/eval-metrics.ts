import { createRng, shuffleInPlace } from '../../src/core/prng';
export interface LabeledQuery {
  text: string;
  relevant: ReadonlySet<string>;
  /** Split key (e.g. the answer id) so tuning and held-out queries never share a document. */
  group: string;
}

export interface RankingMetrics {
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
}

/** Recall@k counts a query as found when any relevant id is in the top k; MRR@10 uses the first relevant rank. */
export function evaluateRanking(queries: readonly LabeledQuery[], rank: (query: string) => string[]): RankingMetrics {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  for (const query of queries) {
    const ids = rank(query.text).slice(0, 10);
    const first = ids.findIndex((id) => query.relevant.has(id));
    if (first === 0) r1 += 1;
    if (first >= 0 && first < 5) r5 += 1;
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const n = queries.length || 1;
  return { recallAt1: r1 / n, recallAt5: r5 / n, mrrAt10: mrr / n };
}

/** Seeded split of items by group: `share` of the groups (with all their items) go to `tune`. */
export function splitByAnswer<T>(items: readonly T[], groupOf: (item: T) => string, seed: number, share: number) {
  const groups = [...new Set(items.map(groupOf))].sort();
  shuffleInPlace(groups, createRng(seed));
  const tuneGroups = new Set(groups.slice(0, Math.round(groups.length * share)));
  return {
    tune: items.filter((item) => tuneGroups.has(groupOf(item))),
    test: items.filter((item) => !tuneGroups.has(groupOf(item))),
  };
}

export interface ScoredOutcome {
  confidence: number;
  correct: boolean;
}

function atThreshold(outcomes: readonly ScoredOutcome[], threshold: number) {
  const taken = outcomes.filter((o) => o.confidence >= threshold);
  const precision = taken.length > 0 ? taken.filter((o) => o.correct).length / taken.length : NaN;
  return { precision, coverage: taken.length / (outcomes.length || 1) };
}

/**
 * Pick the lowest threshold whose precision on `tune` reaches `target`, then
 * report precision and coverage (share auto-resolved) on `test` as Markdown.
 */
export function calibrate(tune: readonly ScoredOutcome[], test: readonly ScoredOutcome[], target = 0.9): string {
  const thresholds = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
  const chosen = thresholds.find((t) => atThreshold(tune, t).precision >= target);
  const lines = ['| threshold | held-out precision | held-out coverage |', '| --- | --- | --- |'];
  for (const t of thresholds.filter((_, i) => i % 2 === 1)) {
    const { precision, coverage } = atThreshold(test, t);
    lines.push(`| ${t.toFixed(2)} | ${Number.isNaN(precision) ? '—' : precision.toFixed(3)} | ${coverage.toFixed(3)} |`);
  }
  if (chosen === undefined) return `${lines.join('\n')}\n\nNo threshold reaches precision ${target} on the tune split.`;
  const held = atThreshold(test, chosen);
  return (
    `${lines.join('\n')}\n\nLowest threshold with tune precision ≥ ${target}: ${chosen.toFixed(2)} → held-out ` +
    `precision ${held.precision.toFixed(3)}, coverage ${held.coverage.toFixed(3)}`
  );
}
