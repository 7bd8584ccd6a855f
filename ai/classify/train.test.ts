import { describe, expect, it } from 'vitest';
import { loadBanking77, loadBitext, resolveDatasetsDir } from './datasets.js';
import { evaluateModel } from './evaluate.js';
import {
  createClassifier,
  generateSeedTickets,
  parseModel,
  predictModel,
  serializeModel,
  trainClassifier,
  type TrainingExample,
  type TrainOptions,
  vectorize,
} from '../../src/modules/classify';

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

  describe('with intent labels only, from another label set', () => {
    const phrases: Record<string, string[]> = {
      card_arrival: ['my card has not arrived', 'still waiting for my new card', 'when will my card arrive'],
      exchange_rate: ['what exchange rate do you use', 'is the exchange rate fair', 'exchange rate for euros'],
      top_up_failed: ['my top up failed', 'top up did not work', 'the top up was declined'],
    };
    const examples: TrainingExample[] = Object.entries(phrases).flatMap(([intent, texts]) =>
      texts.map((description, i) => ({ id: `${intent}:${i}`, source: 'test', subject: '', description, intent })),
    );
    const labels = { intent: Object.keys(phrases) };

    it('trains just the intent head and predicts with it', () => {
      const model = trainClassifier(examples, { ...options, labels, features: { minDf: 1 } });
      const x = vectorize(model.vocab, 'my card has still not arrived');
      expect(Object.keys(model.heads)).toEqual(['intent']);
      expect(predictModel(model, x).labels).toEqual({ intent: 'card_arrival' });
      expect(Object.keys(parseModel(serializeModel(model)).heads)).toEqual(['intent']);
      expect(Object.keys(evaluateModel(model, examples).heads)).toEqual(['intent']);
    });

    it('refuses to build a ticket classifier from a model without every head', () => {
      const model = trainClassifier(examples, { ...options, maxIterations: 2, labels, features: { minDf: 1 } });
      expect(() => createClassifier(model)).toThrow(/needs category, priority and intent/);
    });

    it('names the row whose label is not in the label set', () => {
      expect(() => trainClassifier(examples, { ...options, features: { minDf: 1 } })).toThrow(
        /card_arrival:0: "card_arrival" is not one of the intent labels/,
      );
    });
  });
});
