import { InvalidArgumentError, type Command } from 'commander';
import type { AppContext } from '../context';
import {
  evaluateIntentCsv,
  evaluateProduct,
  evaluateSupportTickets,
  feedbackExamples,
  resolveEvalDataset,
  runTraining,
  type DatasetEvaluation,
} from '../../ai/classify';
import { feedbackJsonl } from '../modules/classify';
import { formatEvaluation } from './classifier-report';
import { trainingProgressBar } from './training-progress';

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('expected a number > 0');
  return n;
}

const TRAIN_HELP = `
Trains on Banking77 + Bitext + Clara's seed tickets ($CLARA_DATASETS_DIR, default ../shared/datasets),
scores the fixed held-out split, and writes the artifact (+ .meta.json) only if no head scores worse
than the current one at --out (exit code 2 otherwise). Same seed and data give a byte-identical file.`;

export function addTrainCommand(program: Command, withContext: WithContext): void {
  program
    .command('train')
    .description('Train the ticket classifier (category, priority, intent) and write its artifact')
    .option('--with-feedback', "add agents' label corrections from the database to the training rows")
    .option('--out <file>', 'artifact to write', 'models/classifier-v1.json')
    .option('--sample <n>', 'train on every n-th corpus row only (quick runs)', positiveInt, 1)
    .option('--force', 'write even if the new model scores worse than the current one')
    .addHelpText('after', TRAIN_HELP)
    .action(async (o: { withFeedback?: boolean; out: string; sample: number; force?: boolean }) => {
      let jsonl = '';
      if (o.withFeedback) {
        const exported = await withContext((ctx) => feedbackJsonl(ctx));
        console.log(`feedback: ${exported.count} corrected tickets from the database`);
        jsonl = exported.jsonl;
      }
      const bar = trainingProgressBar();
      const result = runTraining({
        out: o.out,
        date: new Date().toISOString().slice(0, 10),
        feedback: feedbackExamples(jsonl, 'database'),
        sample: o.sample,
        force: o.force,
        onProgress: (p) => bar.update(p),
        log: (line) => {
          bar.stop();
          console.log(line);
        },
      });
      if (!result.promoted) process.exitCode = 2;
    });
}

const EVAL_HELP = `
Datasets:
  product (default)                 the shipped model on its held-out split, every head and source
  <folder> with train.csv+test.csv  Banking77-style (text,category): trains our TF-IDF + softmax model
                                    on train.csv with the folder's own labels, scores test.csv
  <folder> with tickets.csv         support-tickets-en: the shipped model, cross-domain check

Example: npx clara eval classifier --dataset ../shared/datasets/banking77`;

interface EvalOptions {
  dataset: string;
  split: string;
  model?: string;
  l2?: number;
  maxIterations?: number;
  json?: boolean;
}

function evaluate(o: EvalOptions): DatasetEvaluation {
  const { kind, folder } = resolveEvalDataset(o.dataset);
  if (o.split !== 'test' && o.split !== 'validation') throw new InvalidArgumentError('--split is test or validation');
  const tuning = o.split !== 'test' || o.l2 !== undefined || o.maxIterations !== undefined;
  if (tuning && kind !== 'intent-csv') throw new Error('--split, --l2 and --max-iterations need a train.csv + test.csv folder');
  if (kind === 'intent-csv' && folder) {
    const bar = o.json ? undefined : trainingProgressBar(`training on ${folder}`);
    try {
      return evaluateIntentCsv(folder, {
        split: o.split,
        overrides: { l2: o.l2, maxIterations: o.maxIterations },
        onProgress: bar && ((p) => bar.update(p)),
      });
    } finally {
      bar?.stop();
    }
  }
  if (kind === 'support-tickets' && folder) return evaluateSupportTickets(folder, { modelPath: o.model });
  return evaluateProduct({ modelPath: o.model });
}

export function addClassifierEvalCommand(evalCommand: Command): void {
  evalCommand
    .command('classifier')
    .description("Accuracy, macro-F1, per-class report and top confusions on a dataset's test split")
    .option('--dataset <folder>', 'product, or a dataset folder (see below)', 'product')
    .option('--split <split>', 'test, or validation: a slice of train.csv for tuning (train.csv + test.csv folders)', 'test')
    .option('--l2 <x>', 'tuning: L2 strength for a train.csv folder (default: the tuned value)', positiveNumber)
    .option('--max-iterations <n>', 'tuning: L-BFGS iteration cap for a train.csv folder', positiveInt)
    .option('--model <file>', 'artifact to evaluate instead of the shipped one (product, support-tickets-en)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', EVAL_HELP)
    .action((o: EvalOptions) => {
      const result = evaluate(o);
      console.log(o.json ? JSON.stringify(result, null, 2) : formatEvaluation(result));
    });
}
