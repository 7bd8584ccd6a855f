// Reproduces CALIBRATION in answer-calibration.ts: npx tsx ai/kb/answer-calibration-fit.ts
//
// Reads ONLY the tune splits of eval/kb-demo, eval/rosterly, eval/fernhill and eval/bank-faq, runs each question
// through the product's retrieval and extractive answer (in-memory PGlite,
// full-text), and fits a logistic model of "the first citation is relevant"
// (unanswerable → 0) by Newton's method with an L2 penalty on the weights.
// bank-faq has no unanswerable questions and a different style, so its rows get
// their own per-row weight; that weight and the penalty are chosen by held-out
// log-loss (the three KB sets leave-one-out, bank-faq 5-fold), averaged
// per set. Deterministic: no random numbers.
import { createContext } from '../../src/context';
import { systemActor } from '../../src/core/rbac';
import { openDatabase } from '../../src/core/db';
import { testConfig } from '../../src/testing/test-app';
import { featureVector, FEATURE_NAMES, type AnswerFeatures } from '../../src/modules/kb/answer-calibration';
import { loadEvalDataset } from './eval-dataset';
import { importArticles } from '../../src/modules/kb/kb-import.service';
import { extractiveWithFeatures } from '../../src/modules/kb/kb-answer.service';
import { setArticleStatus } from '../../src/modules/kb/kb-articles.service';
import type { KbContext } from '../../src/modules/kb/kb.context';

export interface Row {
  x: number[];
  y: 0 | 1;
  w: number;
  source: string;
  id: string;
  unanswerable: boolean;
  /** The scope check passed (`answerScope`): only such answers reach the calibrated bar. */
  covered: boolean;
}

export interface LogisticModel {
  intercept: number;
  weights: number[];
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Weighted L2-penalized logistic regression (intercept not penalized), Newton–Raphson; `fixed` weights stay 0. */
function newton(rows: readonly Row[], lambda: number, fixed: ReadonlySet<number>, iterations = 50): LogisticModel {
  const d = rows[0].x.length + 1;
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const r of rows) {
      const x = [1, ...r.x];
      const p = sigmoid(x.reduce((s, v, i) => s + v * beta[i], 0));
      for (let i = 0; i < d; i++) {
        grad[i] += r.w * (p - r.y) * x[i];
        for (let j = 0; j < d; j++) hess[i][j] += r.w * p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] += lambda * beta[i];
      hess[i][i] += lambda;
      if (fixed.has(i - 1)) {
        grad[i] = 0;
        for (let j = 0; j < d; j++) hess[i][j] = hess[j][i] = i === j ? 1 : 0;
      }
    }
    hess[0][0] += 1e-9;
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { intercept: beta[0], weights: beta.slice(1) };
}

/**
 * Every feature is oriented so that more means "more likely answered"; the
 * weights are constrained to be ≥ 0 so the confidence is monotone in each one
 * (an active set: the most negative weight is pinned to 0 and the rest refit).
 */
export function fitLogistic(rows: readonly Row[], lambda: number): LogisticModel {
  const fixed = new Set<number>();
  for (;;) {
    const model = newton(rows, lambda, fixed);
    let worst = -1;
    model.weights.forEach((w, i) => {
      if (!fixed.has(i) && w < 0 && (worst === -1 || w < model.weights[worst])) worst = i;
    });
    if (worst === -1) return { intercept: model.intercept, weights: model.weights.map((w, i) => (fixed.has(i) ? 0 : w)) };
    fixed.add(worst);
  }
}

export const predict = (m: LogisticModel, x: readonly number[]) =>
  sigmoid(m.intercept + x.reduce((s, v, i) => s + v * m.weights[i], 0));

async function rowOf(ctx: KbContext, question: string, relevant: string[], meta: { source: string; id: string; weight: number }): Promise<Row | null> {
  const { hits, extractive, features, scope } = await extractiveWithFeatures(ctx, question);
  if (!features) return null; // no answer: never auto-resolved, nothing to calibrate
  const cited = extractive.citations[0]?.articleId;
  const slug = hits.find((h) => h.articleId === cited)?.slug ?? null;
  const y = slug !== null && relevant.includes(slug) ? 1 : 0;
  return { x: featureVector(features as AnswerFeatures), y, w: meta.weight, source: meta.source, id: meta.id, unanswerable: relevant.length === 0, covered: scope.covered };
}

/**
 * Tune rows of one eval folder. With `withoutArticle`, every answerable question is asked a
 * second time with its articles unpublished: the best remaining article is a near-miss written
 * in the KB's own words, the hardest kind of question the gate must refuse (label 0).
 */
async function tuneRows(folder: string, weight: number, opts: { withoutArticle?: boolean } = {}): Promise<Row[]> {
  const ctx = await createContext({ config: testConfig(), database: await openDatabase({ dataDir: 'memory://' }) });
  await ctx.kb.start();
  const ds = await loadEvalDataset(folder);
  await importArticles(ctx, ds.articles);
  const rows: Row[] = [];
  for (const q of ds.questions.filter((q) => q.split === 'tune')) {
    const row = await rowOf(ctx, q.question, q.relevant, { source: folder, id: q.id, weight });
    if (row) rows.push(row);
    if (!opts.withoutArticle || q.relevant.length === 0) continue;
    const toggle = async (status: 'draft' | 'published') => {
      for (const slug of q.relevant) await setArticleStatus(ctx, { actor: systemActor }, slug, status);
      ctx.kb.vocabulary = null; // the term statistics must not remember the hidden article
    };
    await toggle('draft');
    const held = await rowOf(ctx, q.question, [], { source: `${folder} (article hidden)`, id: q.id, weight });
    if (held) rows.push(held);
    await toggle('published');
  }
  await ctx.database.close();
  return rows;
}

function logLoss(m: LogisticModel, rows: readonly Row[]): number {
  const eps = 1e-6;
  return rows.reduce((s, r) => {
    const p = Math.min(1 - eps, Math.max(eps, predict(m, r.x)));
    return s - (r.y === 1 ? Math.log(p) : Math.log(1 - p));
  }, 0) / rows.length;
}

async function main() {
  // --cache FILE reuses the tune rows of an earlier run (for quick experiments with the fit only).
  const cacheAt = process.argv.indexOf('--cache');
  const cache = cacheAt > 0 ? process.argv[cacheAt + 1] : undefined;
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const cached = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as { demo: Row[]; bank: Row[] }) : null;
  // The out-of-domain companies' tune splits count like kb-demo's: the model must hold for a KB it was not written for.
  // --hidden adds the article-hidden twins (see tuneRows). Tried on 2026-12-06: the model got more
  // cautious everywhere without a better precision/coverage trade-off, so the shipped fit leaves them out.
  const withoutArticle = process.argv.includes('--hidden');
  const demoAll = cached?.demo ?? [
    ...(await tuneRows('eval/kb-demo', 1, { withoutArticle })),
    ...(await tuneRows('eval/rosterly', 1, { withoutArticle })),
    ...(await tuneRows('eval/fernhill', 1, { withoutArticle })),
  ];
  const bankAll = cached?.bank ?? (await tuneRows('eval/bank-faq', 1));
  if (cache && !cached) writeFileSync(cache, JSON.stringify({ demo: demoAll, bank: bankAll }));
  // --covered-only fits on the answers that pass the scope check (the gate refuses the others before
  // it reads the confidence): P(correct | in scope). Tried on 2026-12-06: the held-out curve moved
  // to higher confidences with the same precision/coverage trade-off, so the shipped fit uses all rows.
  const coveredOnly = process.argv.includes('--covered-only');
  const kbOnly = process.argv.includes('--kb-only');
  const demo = coveredOnly ? demoAll.filter((r) => r.covered) : demoAll;
  const bank = coveredOnly ? bankAll.filter((r) => r.covered) : bankAll;
  const count = (rows: Row[]) => `${rows.length} rows, ${rows.filter((r) => r.y === 1).length} positive, ${rows.filter((r) => r.unanswerable).length} unanswerable`;
  console.error(`kb-demo + rosterly + fernhill tune: ${count(demo)}; bank-faq tune: ${count(bank)}`);

  // Both sets must be predicted well: the criterion is the mean of the kb-demo
  // leave-one-out log-loss and the bank-faq 5-fold log-loss (folds by row index mod 5).
  // bank-faq rows train at per-row weight b (kb-demo rows at 1).
  const bankWeights = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
  const lambdas = [0.03, 0.1, 0.3, 1];
  let best = { loss: Infinity, b: 0, lambda: 0 };
  for (const b of bankWeights) {
    const bankRows = bank.map((r) => ({ ...r, w: b }));
    for (const lambda of lambdas) {
      let demoLoss = 0;
      demo.forEach((held, i) => {
        demoLoss += logLoss(fitLogistic([...demo.filter((_, j) => j !== i), ...bankRows], lambda), [held]);
      });
      demoLoss /= demo.length;
      let bankLoss = 0;
      for (let fold = 0; fold < 5; fold++) {
        const model = fitLogistic([...demo, ...bankRows.filter((_, j) => j % 5 !== fold)], lambda);
        bankLoss += logLoss(model, bank.filter((_, j) => j % 5 === fold)) * bank.filter((_, j) => j % 5 === fold).length;
      }
      bankLoss /= bank.length;
      // --kb-only: pick by the help-center sets alone (bank-faq is another task: one-answer FAQ, nothing unanswerable).
      const loss = kbOnly ? demoLoss : (demoLoss + bankLoss) / 2;
      console.error(`bank weight ${b}  lambda ${lambda}  KB sets LOO ${demoLoss.toFixed(4)}  bank-faq CV ${bankLoss.toFixed(4)}  mean ${loss.toFixed(4)}`);
      if (loss < best.loss - 1e-12) best = { loss, b, lambda };
    }
  }
  const train = [...demo, ...(best.b > 0 ? bank.map((r) => ({ ...r, w: best.b })) : [])];
  const model = fitLogistic(train, best.lambda);
  console.error(`picked bank weight ${best.b}, lambda ${best.lambda} (mean held-out log-loss ${best.loss.toFixed(4)})`);
  for (const r of demo.filter((r) => r.y === 0 && predict(model, r.x) >= 0.7)) {
    console.error(`  ${r.source.replace('eval/', '').padEnd(9)} ${r.id.padEnd(24)} y=${r.y}  p=${predict(model, r.x).toFixed(3)}`);
  }
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const taken = demo.filter((r) => predict(model, r.x) >= t);
    const correct = taken.filter((r) => r.y === 1).length;
    console.error(`  tune at ${t}: ${taken.length} resolved, ${correct} correct, ${taken.filter((r) => r.unanswerable).length} unanswerable`);
  }
  // Held-out view of the bar: each KB-set row predicted by a model fit without it.
  const bankTrain = best.b > 0 ? bank.map((r) => ({ ...r, w: best.b })) : [];
  const loo = demo.map((held, i) => predict(fitLogistic([...demo.filter((_, j) => j !== i), ...bankTrain], best.lambda), held.x));
  for (const source of [...new Set(demo.map((r) => r.source))]) {
    const idx = demo.map((r, i) => (r.source === source ? i : -1)).filter((i) => i >= 0);
    const answerable = demoAll.filter((r) => r.source === source && !r.unanswerable).length;
    const cells = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95].map((t) => {
      const taken = idx.filter((i) => demo[i].covered && loo[i] >= t);
      const correct = taken.filter((i) => demo[i].y === 1).length;
      return `${t}: ${taken.length}/${correct}/${taken.filter((i) => demo[i].unanswerable).length} (${(correct / answerable).toFixed(2)})`;
    });
    console.error(`  LOO ${source.replace('eval/', '').padEnd(9)} resolved/correct/unanswerable (coverage)  ${cells.join('  ')}`);
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  console.log(`// fit ${new Date().toISOString().slice(0, 10)} on kb-demo + rosterly + fernhill tune (${demo.length}) + bank-faq tune (${bank.length}, per-row weight ${best.b}), L2 lambda ${best.lambda}`);
  console.log(`// features: ${FEATURE_NAMES.join(', ')}`);
  console.log('export const CALIBRATION = {');
  console.log(`  intercept: ${round(model.intercept)},`);
  console.log(`  weights: [${model.weights.map(round).join(', ')}],`);
  console.log('} as const;');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
