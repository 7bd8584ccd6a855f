import cliProgress from 'cli-progress';
import type { TrainProgress } from '../modules/classify';

/** A progress bar on stderr (stdout stays for results and --json) fed by trainClassifier's onProgress. */
export function trainingProgressBar(label = 'training') {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {stage} | loss {loss}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  return {
    update(p: TrainProgress) {
      const payload = { stage: p.stage, loss: p.loss === undefined ? '-' : p.loss.toFixed(4) };
      if (state === 'running') {
        bar.update(p.step, payload);
      } else {
        bar.start(p.steps, p.step, payload);
        state = 'running';
      }
    },
    /** Safe to call any number of times, e.g. before every log line. */
    stop() {
      if (state === 'running') bar.stop();
      if (state !== 'idle') state = 'stopped';
    },
  };
}
