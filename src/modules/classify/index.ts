export { parseModel, serializeModel, type ClassifierModel } from './artifact.js';
export {
  createClassifier,
  DEFAULT_ARTIFACT_PATH,
  loadClassifier,
  metadataPath,
  predictModel,
  type Classifier,
  type ClassifierOptions,
} from './classifier.js';
export { ClassifyResult, FeedbackExample, TicketText, TrainingMeta, TrainWorkerRequest, TrainWorkerReply } from './classify.schema.js';
export { HEADS, type HeadName, type LabeledExample, type TrainingExample } from './example.js';
export * from './labels.js';
export { DEFAULT_ROUTING, QUEUES, routeTicket, type Queue, type RoutingTable } from './routing.js';
export { ROUTING_SETTING } from './active-classifier';
export { normalizeTicket } from './text-normalize.js';
export { vectorize } from './text-features.js';
export { stratifiedSplit } from './split.js';
export { decidePriority } from './priority-cues.js';
export { DEFAULT_TRAIN_OPTIONS, trainClassifier, type TrainOptions, type TrainProgress, type TrainStage } from './train.js';
export { detectUrgency, type UrgencyMatch } from './urgency-rules.js';
export { ActiveClassifier, CATEGORY_TRIAGE_BELOW } from './active-classifier';
export { classifyRoutes } from './classify.routes';
export { registerClassifyJobs } from './classify.jobs';
export { feedbackJsonl } from './classify.service';
export type { ClassifyContext } from './classify.context';
export { generateSeedTickets } from './seed-tickets.js';
export { ORIGIN_SOURCE, originExamples } from './origin-examples.js';
export { retrainIfDue, subscribeAutoRetrain } from './auto-retrain.service';
export { mixCategoryEvidence, QUEUE_EVIDENCE_WEIGHT, queueCategoryEvidence, type QueueDescription } from './queue-evidence.js';
