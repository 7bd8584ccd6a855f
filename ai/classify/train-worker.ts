// The admin retrain job's training process (src/modules/classify/classifier-training.ts forks it):
// one request in, one reply out, both over IPC and checked by the schemas both sides share.
import { parseModel, serializeModel, TrainWorkerRequest, type TrainWorkerReply } from '../../src/modules/classify';
import { feedbackExamples, runTraining } from './train-run.js';

function reply(message: TrainWorkerReply): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (raw) => {
  try {
    const request = TrainWorkerRequest.parse(raw);
    const result = runTraining({
      date: request.date,
      datasetsDir: request.datasetsDir,
      baseline: parseModel(request.baseline),
      feedback: feedbackExamples(request.feedbackJsonl, 'agent corrections'),
      sample: request.sample,
    });
    reply({
      ok: true,
      promoted: result.promoted,
      decision: result.decision,
      artifact: result.promoted ? serializeModel(result.model) : null,
      meta: result.meta,
    });
  } catch (err) {
    reply({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
