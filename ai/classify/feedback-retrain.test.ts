import { describe, expect, it } from 'vitest';
import { loadBanking77, loadBitext, resolveDatasetsDir } from './datasets.js';
import { feedbackExamples } from './train-run.js';
import {
  createClassifier,
  generateSeedTickets,
  trainClassifier,
  type TrainOptions,
} from '../../src/modules/classify';

const dir = resolveDatasetsDir();
const every = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);
// ~700 rows and 20 iterations: two trainings take about 1.5 s of CPU.
const subset = [
  ...every(loadBitext(dir), 24),
  ...every(loadBanking77(dir, 'train.csv'), 60),
  ...every(generateSeedTickets(), 12),
];
const options: TrainOptions = { seed: 3, maxIterations: 20, features: { maxWordFeatures: 2000, maxCharFeatures: 3000 } };

// The small model files this under billing; the agent moves it to a feature request.
const ticket = { subject: '', description: 'Please add dark mode to the dashboard' };
const correction = JSON.stringify({ ...ticket, intent: 'feature_request', priority: 'low' });

describe('retraining with agent feedback', () => {
  it('predicts the corrected label for a ticket an agent corrected', () => {
    const before = createClassifier(trainClassifier(subset, options)).classify(ticket);
    const feedback = feedbackExamples([correction, correction, correction].join('\n'), 'corrections.jsonl');
    const after = createClassifier(trainClassifier([...subset, ...feedback], options)).classify(ticket);

    expect(before.intent).not.toBe('feature_request');
    expect(after).toMatchObject({ category: 'technical', intent: 'feature_request' });
  });
});
