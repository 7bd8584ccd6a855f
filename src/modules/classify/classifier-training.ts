import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeModel } from './artifact.js';
import { metadataPath } from './classifier.js';

const TRAIN_SCRIPT = fileURLToPath(new URL('../../../scripts/classify/train.ts', import.meta.url));

export interface TrainingRun {
  promoted: boolean;
  decision: string;
  artifact: string | null;
  meta: Record<string, unknown> | null;
  output: string;
}

export interface TrainingRequest {
  baseline: Parameters<typeof serializeModel>[0];
  feedbackJsonl: string;
  sample: number;
  datasetsDir?: string;
  date: string;
}

// Training takes about a minute of CPU: it runs in a child process so the server keeps answering.
export async function runTrainingProcess(req: TrainingRequest): Promise<TrainingRun> {
  const dir = mkdtempSync(join(tmpdir(), 'clara-train-'));
  try {
    writeFileSync(join(dir, 'baseline.json'), serializeModel(req.baseline));
    const args = ['--import', 'tsx', TRAIN_SCRIPT, '--out', join(dir, 'model.json'), '--baseline', join(dir, 'baseline.json')];
    args.push('--sample', String(req.sample), '--date', req.date);
    if (req.feedbackJsonl.trim()) {
      writeFileSync(join(dir, 'feedback.jsonl'), req.feedbackJsonl);
      args.push('--feedback', join(dir, 'feedback.jsonl'));
    }
    const env = { ...process.env, ...(req.datasetsDir ? { CLARA_DATASETS_DIR: req.datasetsDir } : {}) };
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('error', reject);
      child.once('exit', (c) => resolve({ code: c, output: out }));
    });
    const decision = /compared with .*?: (.*)/.exec(output)?.[1] ?? (code === 0 ? 'promote' : 'failed');
    if (code === 2) return { promoted: false, decision, artifact: null, meta: null, output };
    const artifactPath = join(dir, 'model.json');
    if (code !== 0 || !existsSync(artifactPath)) throw new Error(`training failed (exit ${code}): ${output.slice(-1000)}`);
    const meta = JSON.parse(readFileSync(metadataPath(artifactPath), 'utf8')) as Record<string, unknown>;
    return { promoted: true, decision, artifact: readFileSync(artifactPath, 'utf8'), meta, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
