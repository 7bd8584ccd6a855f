import type { DatasetEvaluation, HeadMetrics } from '../../ai/classify';

const f3 = (v: number) => v.toFixed(3);
const ms = (v: number) => `${v.toFixed(3)} ms`;

function table(rows: string[][], rightAligned: (column: number) => boolean = (c) => c > 0): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

function perClass(head: string, m: HeadMetrics): string[] {
  const rows = Object.entries(m.perClass)
    .sort(([a, x], [b, y]) => x.f1 - y.f1 || a.localeCompare(b))
    .map(([label, c]) => [label, f3(c.precision), f3(c.recall), f3(c.f1), String(c.support)]);
  const confusions = m.confusions.map((p) => `  ${String(p.count).padStart(4)}  ${p.gold} → ${p.predicted}`);
  return [
    '',
    `${head}: per class, weakest F1 first`,
    ...table([['label', 'P', 'R', 'F1', 'support'], ...rows]).map((l) => `  ${l}`),
    '',
    `${head}: top confusions (count, gold → predicted)`,
    ...(confusions.length ? confusions : ['  none']),
  ];
}

/** The human-readable report of `clara eval classifier`. */
export function formatEvaluation(e: DatasetEvaluation): string {
  const lines = [`dataset: ${e.dataset} (${e.kind})`, `split:   ${e.split}`];
  const model = [e.model.version ?? e.model.id, e.model.trainedAt ? `trained ${e.model.trainedAt}` : ''].filter(Boolean);
  lines.push(`model:   ${model.join(', ')}`);
  if (e.training) {
    const o = e.training.options;
    lines.push(
      `training: ${e.training.rows} rows, ${e.training.classes} classes, ${e.training.seconds.toFixed(1)} s ` +
        `(l2 ${o.l2}, seed ${o.seed}, at most ${o.maxIterations} L-BFGS iterations)`,
    );
  }
  if (e.loadMs !== undefined) lines.push(`load:    ${e.loadMs.toFixed(0)} ms`);
  const l = e.latency;
  lines.push(`latency: p50 ${ms(l.p50Ms)}, p99 ${ms(l.p99Ms)}, mean ${ms(l.meanMs)} per ticket (${l.samples} tickets, in process)`);

  const heads = Object.entries(e.heads);
  lines.push('', ...table([['head', 'rows', 'accuracy', 'macro-F1', 'ECE'], ...heads.map(([h, m]) => [h, String(m.rows), f3(m.accuracy), f3(m.macroF1), f3(m.ece)])]));
  if (e.bySource) {
    const rows = Object.entries(e.bySource).flatMap(([source, byHead]) =>
      Object.entries(byHead).map(([h, m]) => [source, h, String(m.rows), f3(m.accuracy), f3(m.macroF1)]),
    );
    lines.push('', 'by source', ...table([['source', 'head', 'rows', 'accuracy', 'macro-F1'], ...rows], (c) => c > 1).map((r) => `  ${r}`));
  }
  for (const [head, m] of heads) lines.push(...perClass(head, m));
  return lines.join('\n');
}
