import type { AskResponse } from './kb.api.schema';
import type { Citation } from './answer.schema';
import { extractiveAnswer } from './answer';
import { answerFeatures, calibrate } from './answer-calibration';
import { buildGroundedPrompt, parseCitations } from './grounded-prompt';
import type { KbContext } from './kb.context';
import { retrieve, searchableText, type RetrievedHit } from './kb-search.service';
import { normalizeQuery } from './query-normalize';
import { questionFocus } from './question-focus';
import { answerScope, namedStems } from './answer-scope';
import { untracedFacts } from './fact-trace';
import { vocabularyStems } from './text-analysis';

const TOP_CHUNKS = 8;

function toCitations(citations: Citation[], hits: RetrievedHit[]) {
  return citations.map((c) => {
    const hit = hits.find((h) => h.chunkId === c.chunkId);
    return { article_id: c.articleId, slug: hit?.slug ?? '', title: c.title, chunk_id: c.chunkId, score: hit?.score ?? 0, snippet: c.snippet };
  });
}

/**
 * Retrieval, the extractive answer and the calibration features of one question.
 * `askKb` and the calibration fit (answer-calibration-fit.ts) both go through here,
 * so the model is fit on exactly the features the product computes.
 */
export async function extractiveWithFeatures(ctx: KbContext, question: string, opts: AskOptions = {}) {
  const exclude = new Set(opts.excludeChunkIds ?? []);
  const retrieved = await retrieve(ctx, question, TOP_CHUNKS + exclude.size);
  const normalized = retrieved.normalized;
  const hits = retrieved.hits.filter((h) => !exclude.has(h.chunkId)).slice(0, TOP_CHUNKS);
  const extractive = extractiveAnswer(normalized.text, hits);
  const kb = ctx.kb.vocabulary;
  const focus = normalizeQuery(questionFocus(question), kb?.words ?? new Set()).text;
  const features = extractive.answer ? answerFeatures(normalized.text, hits, extractive, kb?.words, { focus, stats: kb?.stats }) : null;
  const cited = extractive.citations[0]?.articleId;
  const articleText = hits.filter((h) => h.articleId === cited).map(searchableText).join('\n');
  const scope = answerScope({
    focus,
    kbStems: vocabularyStems(kb?.words ?? new Set()),
    articleText,
    answer: extractive.answer ?? undefined,
    named: namedStems(questionFocus(question)),
  });
  return { normalized, hits, extractive, features, scope };
}

// confidence is a calibrated probability that the first citation answers the question
// (answer-calibration.ts: retrieval score, margin over the runner-up article, question
// coverage by the article and by the answer). It is the same in both modes: an LLM's
// fluency says nothing about whether the KB covers the question.
export interface AskOptions {
  /** Sections that must not be used: an answer the customer said did not help. */
  excludeChunkIds?: readonly string[];
}

export async function askKb(ctx: KbContext, question: string, opts: AskOptions = {}): Promise<AskResponse & { llm_rejected?: string }> {
  const { hits, extractive, features, scope: s } = await extractiveWithFeatures(ctx, question, opts);
  const scope = { covered: s.covered, unknown_terms: s.unknownTerms, missing_terms: s.missingTerms, asks: s.asks, states_asked_fact: s.statesAskedFact };
  const base = { retrieval: ctx.kb.mode, scope };
  if (!extractive.answer || !features) return { ...base, answer: null, confidence: 0, mode: 'extractive', citations: [] };
  const confidence = calibrate(features);
  const extractiveResult: AskResponse = {
    ...base,
    answer: extractive.answer,
    confidence,
    mode: 'extractive',
    citations: toCitations(extractive.citations, hits),
  };
  const llm = ctx.kb.llm;
  if (!llm) return extractiveResult;
  try {
    const prompt = buildGroundedPrompt(question, hits);
    const reply = await llm.chat([
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.prompt },
    ]);
    const parsed = parseCitations(reply, prompt.sources);
    if (parsed.noAnswer) return { ...base, answer: null, confidence: 0, mode: 'llm', citations: [] };
    if (parsed.citations.length === 0 || parsed.unknownRefs.length > 0) {
      // An answer that cites nothing we retrieved is not grounded: it is thrown away.
      return { ...extractiveResult, llm_rejected: parsed.citations.length === 0 ? 'no citations' : 'cited unknown sources' };
    }
    // A number, menu path or address that no cited source states was made up: the answer is thrown away.
    const untraced = untracedFacts(reply, prompt.sources);
    if (untraced.length > 0) {
      ctx.log.warn({ facts: untraced.map((f) => f.fact) }, 'LLM answer states facts its sources do not; using the extractive answer');
      return { ...extractiveResult, llm_rejected: 'facts not in the cited sources' };
    }
    return { ...base, answer: reply.trim(), confidence, mode: 'llm', citations: toCitations(parsed.citations, hits) };
  } catch (err) {
    ctx.log.warn({ err }, 'LLM answer failed; using the extractive answer');
    return { ...extractiveResult, llm_rejected: 'llm error' };
  }
}
