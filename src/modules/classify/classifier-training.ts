import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serializeModel, type ClassifierModel } from './artifact.js';
import { TrainWorkerReply, type TrainingMeta, type TrainWorkerRequest } from './classify.schema.js';

// A path, not an import: training code lives in ai/ and runs in its own process, never in the server's.
const TRAIN_WORKER = fileURLToPath(new URL('../../../ai/classify/train-worker.ts', import.meta.url));

export interface TrainingRun {
  promoted: boolean;
  decision: string;
  artifact: string | null;
  meta: TrainingMeta;
}

export interface TrainingRequest extends Omit<TrainWorkerRequest, 'baseline'> {
  baseline: ClassifierModel;
}

// The lowest CPU priority: a retraining started by agents' corrections must not slow the tickets and
// automatic answers being served meanwhile (on two cores it otherwise takes one of them).
function yieldToRequests(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, 19);
  } catch {
    // Not permitted here (some containers): it trains at normal priority.
  }
}

// Training takes about a minute of CPU: it runs in a child process so the server keeps answering.
// The result comes back as one IPC message; the child's output is kept only to explain a failure.
export async function runTrainingProcess(req: TrainingRequest): Promise<TrainingRun> {
  const request: TrainWorkerRequest = { ...req, baseline: serializeModel(req.baseline) };
  const child = fork(TRAIN_WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  yieldToRequests(child.pid);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const reply = await new Promise<TrainWorkerReply | undefined>((resolve, reject) => {
    let received: TrainWorkerReply | undefined;
    child.once('message', (message) => (received = TrainWorkerReply.parse(message)));
    child.once('error', reject);
    child.once('exit', () => resolve(received));
    child.send(request);
  });
  if (!reply) throw new Error(`training process ended without a result (exit ${child.exitCode}): ${output.slice(-1000)}`);
  if (!reply.ok) throw new Error(`training failed: ${reply.error}`);
  return { promoted: reply.promoted, decision: reply.decision, artifact: reply.artifact, meta: reply.meta };
}
