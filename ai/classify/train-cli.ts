// The same run as `clara train`, with more knobs (the admin retrain job runs train-worker.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { trainingProgressBar } from '../../src/cli/training-progress.js';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/modules/classify';
import { feedbackExamples, runTraining } from './train-run.js';

const HELP = `Train Clara's ticket classifier.

Usage: npx tsx ai/classify/train-cli.ts [options]

  --out <file>        artifact to write (default models/classifier-v1.json)
  --feedback <file>   JSONL of {subject, description, category?, priority?, intent?}; repeatable
  --seed <n>          training seed (default ${DEFAULT_TRAIN_OPTIONS.seed})
  --l2 <x>            L2 regularization strength (default ${DEFAULT_TRAIN_OPTIONS.l2})
  --date <YYYY-MM-DD> training date stored in the .meta.json (default: today, UTC)
  --include-nc        also train on support-tickets-en (CC BY-NC: not for shipped models)
  --baseline <file>   compare with this artifact instead of the existing --out file
  --sample <n>        train on every n-th training row only (quick retrains, tests)
  --force             write even if the new model scores worse than the current one
  -h, --help          show this help

Datasets are read from $CLARA_DATASETS_DIR (default ../shared/datasets).
Exit code 2: the new model scored worse and was not written.`;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'models/classifier-v1.json' },
    feedback: { type: 'string', multiple: true, default: [] },
    seed: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.seed) },
    l2: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.l2) },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    'include-nc': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    sample: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const bar = trainingProgressBar();
const result = runTraining({
  out: values.out,
  date: values.date,
  feedback: values.feedback.flatMap((file) => feedbackExamples(readFileSync(file, 'utf8'), path.basename(file))),
  seed: Number(values.seed),
  l2: Number(values.l2),
  includeNonCommercial: values['include-nc'],
  baseline: values.baseline,
  sample: Number(values.sample),
  force: values.force,
  onProgress: (p) => bar.update(p),
  log: (line) => {
    bar.stop();
    console.log(line);
  },
});
if (!result.promoted) process.exit(2);
