import { createHash } from 'node:crypto';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../../core/context';
import { generateSeedTickets, originExamples } from '../classify';
import { findPublishedArticleTexts } from '../kb';
import { corpusSentences } from './lm-corpus';
import { buildNgramModel } from './ngram';
import { dictionaryFor, loadPronunciations } from './pronunciations';
import { stockModel } from './stt-pocketsphinx';
import { SPOKEN_FRAMING } from './voice-phrases';
import { findLanguageModel, insertLanguageModel } from './voice.queries';

export const BUILD_LM_JOB = 'voice.build_language_model';
const LM_VERSION = 'trigram-abs-v1';

export interface LanguageModelFiles {
  id: string;
  lmPath: string;
  dictPath: string;
}

let classifierTexts: string[] | null = null;

// The classifier's training texts say how customers describe problems; they never change at run time.
function trainingTexts(): string[] {
  classifierTexts ??= [...generateSeedTickets(60), ...originExamples()].map((e) => `${e.subject}.\n${e.description}`);
  return classifierTexts;
}

export async function domainCorpus(ctx: Pick<CoreContext, 'db'>): Promise<string[]> {
  const articles = await findPublishedArticleTexts(ctx.db);
  return [...SPOKEN_FRAMING, ...trainingTexts(), ...articles.map((a) => `${a.title}.\n${a.body}`)];
}

function fingerprintOf(texts: string[]): string {
  const hash = createHash('sha256').update(LM_VERSION);
  for (const t of texts) hash.update('\u0000').update(t);
  return hash.digest('hex');
}

async function materialize(fingerprint: string, arpa: string, dictionary: string): Promise<LanguageModelFiles> {
  const dir = join(tmpdir(), 'clara-voice-lm');
  const id = fingerprint.slice(0, 12);
  const lmPath = join(dir, `${id}.lm`);
  const dictPath = join(dir, `${id}.dict`);
  try {
    await access(dictPath);
  } catch {
    await mkdir(dir, { recursive: true });
    await writeFile(lmPath, arpa);
    await writeFile(dictPath, dictionary);
  }
  return { id, lmPath, dictPath };
}

/**
 * The current domain model: built and stored in the database once per corpus (the fingerprint
 * changes when the knowledge base does), then written to a temp folder for PocketSphinx.
 */
export async function ensureLanguageModel(ctx: Pick<CoreContext, 'db' | 'config' | 'log'>): Promise<LanguageModelFiles> {
  const texts = await domainCorpus(ctx);
  const fingerprint = fingerprintOf(texts);
  let row = await findLanguageModel(ctx.db, fingerprint);
  if (!row) {
    const started = Date.now();
    const pronunciations = await loadPronunciations(stockModel(ctx.config.CLARA_POCKETSPHINX_MODEL_DIR).dict);
    const model = buildNgramModel(corpusSentences(texts, pronunciations));
    const dictionary = dictionaryFor(model.vocabulary, pronunciations);
    await insertLanguageModel(ctx.db, { fingerprint, arpa: model.arpa, dictionary, stats: { ...model.stats, texts: texts.length } });
    ctx.log.info({ ...model.stats, ms: Date.now() - started }, 'voice language model built');
    row = (await findLanguageModel(ctx.db, fingerprint))!;
  }
  return materialize(fingerprint, row.arpa, row.dictionary);
}
