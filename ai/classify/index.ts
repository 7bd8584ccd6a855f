export {
  evaluateIntentCsv,
  evaluateProduct,
  evaluateSupportTickets,
  INTENT_CSV_TRAIN_OPTIONS,
  measureLatency,
  resolveEvalDataset,
  trainIntentCsv,
  type DatasetEvaluation,
  type EvalDatasetKind,
  type LatencyStats,
} from './dataset-eval.js';
export { HELD_OUT_SEED, loadCorpus, resolveDatasetsDir, type Corpus } from './datasets.js';
export { evaluateModel, shouldPromote, type ConfusionPair, type EvaluationReport, type HeadMetrics } from './evaluate.js';
export { parseFeedbackJsonl } from './feedback.js';
export { feedbackExamples, runTraining, type TrainRunOptions, type TrainRunResult } from './train-run.js';
