import type { Category, Intent, Priority } from './labels.js';

/** One training/evaluation row; a missing label means that head skips the row. */
export interface LabeledExample {
  id: string;
  source: string;
  subject: string;
  description: string;
  category?: Category;
  priority?: Priority;
  intent?: Intent;
}

export type HeadName = 'category' | 'priority' | 'intent';
export const HEADS: readonly HeadName[] = ['category', 'priority', 'intent'];

/**
 * A row for `trainClassifier`/`evaluateModel`: labels are plain strings so a head can be
 * trained on another label set (Banking77's 77 intents) as well as on Clara's.
 */
export type TrainingExample = Omit<LabeledExample, HeadName> & Partial<Record<HeadName, string>>;
