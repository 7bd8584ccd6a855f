import { describe, expect, it } from 'vitest';
import { serializeModel } from './artifact.js';
import { createClassifier } from './classifier.js';
import { loadBanking77, loadBitext, resolveDatasetsDir } from './datasets.js';
import { generateSeedTickets } from './seed-tickets.js';
import { trainClassifier, type TrainOptions } from './train.js';

const dir = resolveDatasetsDir();
const every = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);
const subset = [
  ...every(loadBitext(dir), 16),
  ...every(loadBanking77(dir, 'train.csv'), 40),
  ...every(generateSeedTickets(), 8),
];
const options: TrainOptions = {
  seed: 3,
  maxIterations: 25,
  features: { maxWordFeatures: 2000, maxCharFeatures: 3000 },
};

describe('trainClassifier', () => {
  it('serializes byte-for-byte the same artifact when retrained with the same data and seed', () => {
    const first = serializeModel(trainClassifier(subset, options));
    const second = serializeModel(trainClassifier(subset, options));
    expect(second).toBe(first);
  });

  it('gives a different model id for a different seed', () => {
    const a = trainClassifier(subset, { ...options, maxIterations: 2 });
    const b = trainClassifier(subset, { ...options, maxIterations: 2, seed: 4 });
    expect(a.modelId).not.toBe(b.modelId);
  });

  it('reports progress for every head', () => {
    const stages = new Set<string>();
    trainClassifier(subset, { ...options, maxIterations: 2, onProgress: (p) => stages.add(p.stage) });
    expect([...stages]).toEqual(['features', 'category', 'priority', 'intent']);
  });

  it('learns enough from a small subset to route an invoice request to billing', () => {
    const classifier = createClassifier(trainClassifier(subset, options));
    const result = classifier.classify({ subject: 'Invoice', description: 'I need a copy of my invoice please' });
    expect(result.category).toBe('billing');
  });
});
