import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, resolveDatasetsDir } from './datasets.js';
import { evaluateModel, type EvaluationReport } from './evaluate.js';
import {
  type Classifier,
  ClassifyResult,
  loadClassifier,
  QUEUES,
} from '../../src/modules/classify';

// Measured on the shipped artifact (README): category accuracy 0.976, ECE category 0.003,
// priority 0.006, intent 0.022. Thresholds leave room for a retrain, not for a regression.
const MIN_CATEGORY_ACCURACY = 0.95;
const MAX_CATEGORY_ECE = 0.03;
const MAX_PRIORITY_ECE = 0.03;
const MAX_INTENT_ECE = 0.06;

// Load time and per-ticket latency are measured by `npm run bench -- --only classifier`, not here.
let classifier: Classifier;
let heldOut: EvaluationReport;

beforeAll(() => {
  classifier = loadClassifier();
  heldOut = evaluateModel(classifier.model, loadCorpus({ datasetsDir: resolveDatasetsDir() }).test);
});

describe('shipped classifier', () => {
  it('loads the shipped artifact with its version', () => {
    expect(classifier.version).toMatch(/^v1-[0-9a-f]{12}$/);
  });

  it('scores above the measured category accuracy floor on held-out rows', () => {
    expect(heldOut.heads.category?.accuracy).toBeGreaterThan(MIN_CATEGORY_ACCURACY);
  });

  it('is calibrated: expected calibration error stays under the measured bound', () => {
    expect(heldOut.heads.category?.ece).toBeLessThan(MAX_CATEGORY_ECE);
    expect(heldOut.heads.priority?.ece).toBeLessThan(MAX_PRIORITY_ECE);
    expect(heldOut.heads.intent?.ece).toBeLessThan(MAX_INTENT_ECE);
  });

  it('returns a result with every field the API promises', () => {
    const result = classifier.classify({ subject: 'Invoice for March', description: 'Please send our invoice.' });
    expect(ClassifyResult.parse(result)).toEqual(result);
    expect(QUEUES).toContain(result.queue);
    expect(result).toMatchObject({ category: 'billing', intent: 'invoice', queue: 'Billing & Payments' });
    expect(result.top_terms).toContain('invoice');
  });

  it('routes a login problem to Technical Issues despite typos', () => {
    const result = classifier.classify({
      subject: 'cant logg in',
      description: 'i cant login to my acount, the pasword reset emial never arives',
    });
    expect(result).toMatchObject({ category: 'technical', intent: 'login_access', queue: 'Technical Issues' });
  });

  it('raises priority to urgent with a reason when the ticket says production is down', () => {
    const result = classifier.classify({
      subject: 'Help',
      description: 'Our production is down and customers cannot check out. Please call me.',
    });
    expect(result.priority).toBe('urgent');
    expect(result.rule?.reason).toMatch(/production is down/);
    expect(result.queue).toBe('Technical Issues');
  });

  it('does not let quoted history trigger the urgent rule', () => {
    const result = classifier.classify({
      subject: 'Newsletter',
      description: 'Please unsubscribe me from the newsletter.\n\nOn Tue, Anna wrote:\n> URGENT: production down',
    });
    expect(result.rule).toBeUndefined();
    expect(result.priority).not.toBe('urgent');
  });
});
