import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.js';
import {
  BANKING77_INTENTS,
  BITEXT_INTENTS,
  SUPPORT_TICKET_PRIORITIES,
  SUPPORT_TICKET_QUEUES,
} from './dataset-mapping.js';
import {
  generateSeedTickets,
  INTENT_CATEGORY,
  type LabeledExample,
  ORIGIN_SOURCE,
  originExamples,
  stratifiedSplit,
} from '../../src/modules/classify';

/** Fixed so every model is compared on the same held-out rows, whatever its training seed. */
export const HELD_OUT_SEED = 7;
const TEST_FRACTION = 0.2;

export const SOURCES = {
  banking77: 'Banking77 (PolyAI), CC BY 4.0',
  bitext: 'Bitext customer-support sample, attribution kept (Bitext CDLA-Sharing 1.0 for its public sets)',
  'clara-seed': 'Clara project-written templates, MIT',
  'support-tickets-en': 'Tobi-Bueck customer-support-tickets, CC BY-NC 4.0 (not for shipped models)',
} as const;

export interface Corpus {
  train: LabeledExample[];
  test: LabeledExample[];
  /** support-tickets-en held-out rows: real-shaped tickets from another domain. */
  crossDomainTest: LabeledExample[];
  sources: string[];
}

export interface CorpusOptions {
  datasetsDir: string;
  includeNonCommercial?: boolean;
}

// Training and evaluation run outside the server, so they read the environment here rather than through core/config.
export function resolveDatasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  return path.resolve(env.CLARA_DATASETS_DIR ?? path.join(repoRoot, '../shared/datasets'));
}

function readCsv(dir: string, ...file: string[]): Record<string, string>[] {
  return parseCsv(readFileSync(path.join(dir, ...file), 'utf8'));
}

function fromIntentRow(
  source: string,
  id: string,
  text: string,
  label: string,
  mapping: Record<string, readonly [keyof typeof INTENT_CATEGORY, LabeledExample['priority']]>,
): LabeledExample {
  const mapped = mapping[label];
  if (!mapped) throw new Error(`${source}: unmapped label "${label}"`);
  const [intent, priority] = mapped;
  return { id, source, subject: '', description: text, category: INTENT_CATEGORY[intent], priority, intent };
}

export function loadBanking77(dir: string, file: 'train.csv' | 'test.csv'): LabeledExample[] {
  return readCsv(dir, 'banking77', file).map((row, i) =>
    fromIntentRow('banking77', `banking77:${file}:${i}`, row.text, row.category, BANKING77_INTENTS),
  );
}

export function loadBitext(dir: string): LabeledExample[] {
  return readCsv(dir, 'bitext-support-intents', 'utterances.csv').map((row, i) =>
    fromIntentRow('bitext', `bitext:${i}`, row.utterance, row.intent, BITEXT_INTENTS),
  );
}

export function loadSupportTickets(dir: string): LabeledExample[] {
  return readSupportTickets(path.join(dir, 'support-tickets-en'));
}

/** `folder/tickets.csv` with Clara's category/priority mapping (README, "Label mapping"). */
export function readSupportTickets(folder: string): LabeledExample[] {
  return readCsv(folder, 'tickets.csv').map((row, i) => ({
    id: `support-tickets-en:${i}`,
    source: 'support-tickets-en',
    subject: row.subject,
    description: row.body,
    category: SUPPORT_TICKET_QUEUES[row.queue],
    priority: SUPPORT_TICKET_PRIORITIES[row.priority],
  }));
}

/** support-tickets-en has no official split: a fixed, seeded 80/20 split by category × priority. */
export function splitSupportTickets(rows: readonly LabeledExample[]): { train: LabeledExample[]; test: LabeledExample[] } {
  return stratifiedSplit(rows, (e) => `${e.category}:${e.priority}`, TEST_FRACTION, HELD_OUT_SEED);
}

/** Loads every source with its fixed held-out split (Banking77 keeps its official test set). */
export function loadCorpus({ datasetsDir, includeNonCommercial = false }: CorpusOptions): Corpus {
  const byIntent = (e: LabeledExample) => e.intent ?? '';
  const bitext = stratifiedSplit(loadBitext(datasetsDir), byIntent, TEST_FRACTION, HELD_OUT_SEED);
  const seed = stratifiedSplit(generateSeedTickets(), byIntent, TEST_FRACTION, HELD_OUT_SEED);
  const tickets = splitSupportTickets(loadSupportTickets(datasetsDir));
  const train = [...loadBanking77(datasetsDir, 'train.csv'), ...bitext.train, ...seed.train, ...originExamples()];
  const sources: string[] = [SOURCES.banking77, SOURCES.bitext, SOURCES['clara-seed'], ORIGIN_SOURCE];
  if (includeNonCommercial) {
    train.push(...tickets.train);
    sources.push(SOURCES['support-tickets-en']);
  }
  return {
    train,
    test: [...loadBanking77(datasetsDir, 'test.csv'), ...bitext.test, ...seed.test],
    crossDomainTest: tickets.test,
    sources,
  };
}
