import type { DomainReport, GateRow } from './domain-eval';

/** Issue 13's targets for a company Clara has never seen. */
export const TARGETS = {
  category: 0.85,
  priority: 0.7,
  rightArticleFirst: 0.85,
  factPresent: 0.7,
  precision: 0.97,
  coverage: 0.4,
  escalationRecall: 0.85,
  falseEscalations: 0.08,
} as const;

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

function line(label: string, value: string, target: string, ok: boolean): string {
  return `  ${mark(ok)} ${label.padEnd(34)} ${value.padStart(16)}   target ${target}`;
}

export function formatGateCurve(rows: readonly GateRow[], threshold: number): string {
  const header = 'threshold  resolved  correct  +facts  uncovered  precision  coverage';
  const body = rows.map(
    (r) =>
      `${r.threshold.toFixed(2).padStart(9)}  ${String(r.resolved).padStart(8)}  ${String(r.correct).padStart(7)}  ${String(r.correctWithFacts).padStart(6)}  ${String(r.uncoveredResolved).padStart(9)}  ${pct(r.precision).padStart(9)}  ${pct(r.coverage).padStart(8)}${r.threshold === threshold ? '  ← in use' : ''}`,
  );
  return [header, ...body].join('\n');
}

/** The figures with their targets (`ok` / `MISS`), then the precision/coverage curve. */
export function formatDomainReport(r: DomainReport, options: { misses?: number } = {}): string {
  const out = [`${r.dataset} (${r.split} split)`];
  if (r.classifier) {
    const c = r.classifier;
    out.push(line(`category accuracy (${c.n} tickets)`, pct(c.category), `≥ ${TARGETS.category}`, c.category >= TARGETS.category));
    out.push(line('priority accuracy', pct(c.priority), `≥ ${TARGETS.priority}`, c.priority >= TARGETS.priority));
    out.push(`       sent to a person (unsure of the category): ${c.uncertain}; category accuracy of the rest ${pct(c.categoryWhenSure)}`);
  }
  if (r.escalation) {
    const e = r.escalation;
    out.push(line('escalation recall', `${e.caught}/${e.positives} = ${pct(e.recall)}`, `≥ ${TARGETS.escalationRecall}`, (e.recall ?? 0) >= TARGETS.escalationRecall));
    out.push(line('false escalations', `${e.falseEscalations}/${e.negatives} = ${pct(e.falseRate)}`, `≤ ${TARGETS.falseEscalations}`, (e.falseRate ?? 0) <= TARGETS.falseEscalations));
  }
  const a = r.answers;
  const first = a.answerable ? a.rightArticleFirst / a.answerable : 0;
  const facts = a.answerable ? a.factPresent / a.answerable : 0;
  out.push(line(`right article first (${a.answerable})`, `${a.rightArticleFirst} = ${pct(first)}`, `≥ ${TARGETS.rightArticleFirst}`, first >= TARGETS.rightArticleFirst));
  out.push(line('key fact in the answer', `${a.factPresent} = ${pct(facts)}`, `≥ ${TARGETS.factPresent}`, facts >= TARGETS.factPresent));
  const g = r.autoResolve.atThreshold;
  out.push(line(`uncovered auto-resolved (at ${r.autoResolve.threshold})`, String(g.uncoveredResolved), '= 0', g.uncoveredResolved === 0));
  out.push(line('auto-resolve precision', `${g.correct}/${g.resolved} = ${pct(g.precision)}`, `≥ ${TARGETS.precision}`, (g.precision ?? 1) >= TARGETS.precision));
  out.push(line('auto-resolve coverage', pct(g.coverage), `≥ ${TARGETS.coverage}`, g.coverage >= TARGETS.coverage));
  out.push('', formatGateCurve(r.autoResolve.curve, r.autoResolve.threshold));
  const limit = options.misses ?? 0;
  if (limit > 0) {
    if (r.autoResolve.wrong.length) out.push('', 'Wrong auto-resolves:', ...r.autoResolve.wrong.map((w) => `  ${w.id} → ${w.cited} (${w.confidence})${w.uncovered ? ' [uncovered]' : ''}`));
    if (r.escalation) out.push('', `Escalations missed: ${r.escalation.missed.join(', ') || 'none'}`, `False escalations: ${r.escalation.falseIds.join(', ') || 'none'}`);
    if (r.classifier) out.push('', 'Most frequent classifier mistakes:', ...r.classifier.confusions.map((c) => `  ${c.head}: ${c.gold} → ${c.predicted} ×${c.count}`));
    const misses = a.misses.slice(0, limit).map((m) => `  ${m.id} (${m.reason}; cited ${m.cited ?? 'nothing'}): ${m.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
    if (misses.length) out.push('', 'Answers without the key fact:', ...misses);
  }
  return out.join('\n');
}
