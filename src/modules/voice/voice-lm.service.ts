import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../../core/context';
import { generateSeedTickets, originExamples } from '../classify';
import { findPublishedArticleTexts } from '../kb';
import { corpusSentences } from './lm-corpus';
import { buildNgramModel } from './ngram';
import { dictionaryFor, loadPronunciations } from './pronunciations';
import { stockModel } from './stt-pocketsphinx';
import { SPOKEN_FRAMING } from './voice-phrases';
import { deleteLanguageModelsExcept, findLanguageModel, insertLanguageModel } from './voice.queries';

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

function filesFor(fingerprint: string): LanguageModelFiles {
  const id = fingerprint.slice(0, 12);
  const dir = join(tmpdir(), 'clara-voice-lm');
  return { id, lmPath: join(dir, `${id}.lm`), dictPath: join(dir, `${id}.dict`) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// Written under a temporary name and renamed: a second worker never reads a half-written model.
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, content);
  await rename(temp, path);
}

/**
 * The current domain model: built and stored in the database once per corpus (the fingerprint
 * changes when the knowledge base does), then written to a temp folder for PocketSphinx.
 */
export async function ensureLanguageModel(ctx: Pick<CoreContext, 'db' | 'config' | 'log'>): Promise<LanguageModelFiles> {
  const texts = await domainCorpus(ctx);
  const fingerprint = fingerprintOf(texts);
  const files = filesFor(fingerprint);
  if ((await exists(files.lmPath)) && (await exists(files.dictPath))) return files;
  let row = await findLanguageModel(ctx.db, fingerprint);
  if (!row) {
    const started = Date.now();
    const pronunciations = await loadPronunciations(stockModel(ctx.config.CLARA_POCKETSPHINX_MODEL_DIR).dict);
    const model = buildNgramModel(corpusSentences(texts, pronunciations));
    const dictionary = dictionaryFor(model.vocabulary, pronunciations);
    await insertLanguageModel(ctx.db, { fingerprint, arpa: model.arpa, dictionary, stats: { ...model.stats, texts: texts.length } });
    await deleteLanguageModelsExcept(ctx.db, fingerprint);
    ctx.log.info({ ...model.stats, ms: Date.now() - started }, 'voice language model built');
    row = (await findLanguageModel(ctx.db, fingerprint))!;
  }
  await writeAtomically(files.lmPath, row.arpa);
  await writeAtomically(files.dictPath, row.dictionary);
  return files;
}
