import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ARTIFACT_PATH, HEADS, loadClassifier, type LabeledExample } from '../../src/modules/classify';
import { loadCorpus, resolveDatasetsDir } from './datasets.js';
import { evaluateModel, type EvaluationReport, type HeadMetrics } from './evaluate.js';

const HELP = `Evaluate a trained classifier on the held-out split.

Usage: npx tsx ai/classify/eval-cli.ts [--model models/classifier-v1.json] [--per-class]

Prints accuracy, macro-F1 and expected calibration error (ECE) per head and source,
the cross-domain check on support-tickets-en, and load / per-ticket timings.`;

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: DEFAULT_ARTIFACT_PATH },
    'per-class': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const loadStart = performance.now();
const classifier = loadClassifier(path.resolve(values.model));
const loadMs = performance.now() - loadStart;
const corpus = loadCorpus({ datasetsDir: resolveDatasetsDir() });

const fmt = (v: number) => v.toFixed(3);
const rows: string[][] = [['set', 'head', 'rows', 'accuracy', 'macro-F1', 'ECE']];
function addRows(set: string, report: EvaluationReport) {
  const heads: [string, HeadMetrics | undefined][] = [
    ...HEADS.map((h) => [h, report.heads[h]] as [string, HeadMetrics | undefined]),
    ['priority+rules', report.priorityWithRules],
  ];
  for (const [head, m] of heads) {
    if (m) rows.push([set, head, String(m.rows), fmt(m.accuracy), fmt(m.macroF1), fmt(m.ece)]);
  }
}

const bySource = new Map<string, LabeledExample[]>();
for (const e of corpus.test) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
const overall = evaluateModel(classifier.model, corpus.test);
addRows('held-out (all)', overall);
for (const [source, examples] of bySource) addRows(`held-out ${source}`, evaluateModel(classifier.model, examples));
addRows('support-tickets-en', evaluateModel(classifier.model, corpus.crossDomainTest));

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));

if (values['per-class']) {
  for (const head of HEADS) {
    console.log(`\n${head} (held-out, all)`);
    for (const [label, m] of Object.entries(overall.heads[head]?.perClass ?? {})) {
      console.log(`  ${label.padEnd(22)} P ${fmt(m.precision)}  R ${fmt(m.recall)}  F1 ${fmt(m.f1)}  n ${m.support}`);
    }
  }
}

const tickets = corpus.crossDomainTest.slice(0, 500);
const classifyStart = performance.now();
for (const t of tickets) classifier.classify(t);
const perTicketMs = (performance.now() - classifyStart) / tickets.length;
console.log(`\nmodel ${classifier.version}, trained ${classifier.trainedAt ?? 'unknown'}`);
console.log(`load ${loadMs.toFixed(0)} ms, classify ${perTicketMs.toFixed(3)} ms/ticket (support-tickets-en bodies)`);
