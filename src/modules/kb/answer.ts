import { candidateSentences, makeSnippet, type CandidateSentence } from './answer-sentences';
import { answerType, factBonus, type AnswerType } from './answer-type';
import type { AnswerResult, Citation, RetrievedChunk } from './answer.schema';
import { analyzeTerms, countTokens } from './text-analysis';

export interface ExtractiveOptions {
  /** 1–4 sentences make an answer; default 4. */
  maxSentences?: number;
  /** Only the best-scored chunks are read; default 5. */
  maxChunks?: number;
  maxAnswerWords?: number;
  /** Append [n] after each run of sentences, n = position in `citations`; default true. */
  citationMarkers?: boolean;
}

/** Calibrated on the bank-faq tuning split; see README.md before changing. */
export const DEFAULT_AUTO_RESOLVE_THRESHOLD = 0.7;

/** A numbered list is completed up to this many words of answer. */
const WHOLE_LIST_WORDS = 220;

const NO_ANSWER: AnswerResult = { answer: '', citations: [], confidence: 0 };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function sortChunks(chunks: readonly RetrievedChunk[], limit: number): RetrievedChunk[] {
  return [...chunks]
    .sort((a, b) => b.score - a.score || (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0))
    .slice(0, limit);
}

/**
 * How clearly `articleId` (default: the top chunk's article) beats the best
 * chunk of any other article: (own − rival) / own, clamped to [0,1]; 0 when it
 * does not win. Only one article retrieved: 1 if it has several chunks, else
 * 0.5. Fused RRF scores sit close together, so their margins are small:
 * calibrate the auto-resolve threshold for the retrieval setup in use.
 */
export function retrievalMargin(sorted: readonly RetrievedChunk[], articleId = sorted[0]?.articleId): number {
  const own = sorted.find((c) => c.articleId === articleId);
  if (!own) return 0;
  const rival = sorted.find((c) => c.articleId !== articleId);
  if (!rival) return sorted.length > 1 ? 1 : 0.5;
  return own.score > 0 ? clamp01((own.score - rival.score) / own.score) : 0;
}

function chunkWeights(sorted: readonly RetrievedChunk[]): number[] {
  const scores = sorted.map((c) => c.score);
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  if (min >= 0) return scores.map((s) => (max > 0 ? s / max : 1));
  return scores.map((s) => (max > min ? (s - min) / (max - min) : 1));
}

// A question term found only in the title or headings above a sentence still
// counts, but less than one in the sentence itself.
const CONTEXT_CREDIT = 0.6;

function termMatch(candidate: CandidateSentence, term: string): number {
  if (candidate.terms.has(term)) return 1;
  return candidate.context.has(term) ? CONTEXT_CREDIT : 0;
}

// Sentences of one paragraph run on; a list item starts its own line with its marker, so numbered
// steps read as steps; a paragraph after a list starts a new one.
function compose(selected: CandidateSentence[], sorted: RetrievedChunk[], markers: boolean) {
  const citations: Citation[] = [];
  let answer = '';
  const snippets = new Map<number, string[]>();
  selected.forEach((s, i) => {
    const chunk = sorted[s.chunkRank];
    if (!snippets.has(s.chunkRank)) {
      snippets.set(s.chunkRank, []);
      citations.push({ articleId: chunk.articleId, chunkId: chunk.chunkId, title: chunk.articleTitle, snippet: '' });
    }
    snippets.get(s.chunkRank)?.push(s.text);
    const endOfRun = selected[i + 1]?.chunkRank !== s.chunkRank;
    const n = citations.findIndex((c) => c.chunkId === chunk.chunkId) + 1;
    const text = markers && endOfRun ? `${s.text} [${n}]` : s.text;
    const prev = selected[i - 1];
    const sameItem = prev && prev.chunkRank === s.chunkRank && prev.block === s.block;
    if (!prev) answer = s.listItem ? `${s.marker ?? '-'} ${text}` : text;
    else if (s.listItem && !sameItem) answer += `${prev.listItem ? '\n' : '\n\n'}${s.marker ?? '-'} ${text}`;
    else if (!s.listItem && prev.listItem) answer += `\n\n${text}`;
    else answer += ` ${text}`;
  });
  for (const citation of citations) {
    const rank = sorted.findIndex((c) => c.chunkId === citation.chunkId);
    citation.snippet = makeSnippet((snippets.get(rank) ?? []).join(' '));
  }
  return { answer, citations };
}

/** Every item of a numbered list one of the selected sentences belongs to: steps are kept whole. */
function wholeNumberedLists(selected: CandidateSentence[], all: CandidateSentence[], maxWords: number): CandidateSentence[] {
  const out = [...selected];
  let words = countTokens(out.map((c) => c.text).join(' '));
  for (const s of selected) {
    if (!s.listItem) continue;
    const section = all.filter((c) => c.chunkRank === s.chunkRank && c.sectionKey === s.sectionKey).sort((a, b) => a.position - b.position);
    // The run of list items around s, item blocks next to each other.
    const at = section.indexOf(s);
    let start = at;
    while (start > 0 && section[start - 1]!.listItem && section[start]!.block - section[start - 1]!.block <= 1) start -= 1;
    let end = at;
    while (end < section.length - 1 && section[end + 1]!.listItem && section[end + 1]!.block - section[end]!.block <= 1) end += 1;
    const run = section.slice(start, end + 1);
    if (!run.some((c) => c.marker && /^\d/.test(c.marker))) continue;
    const missing = run.filter((c) => !out.includes(c));
    const extra = countTokens(missing.map((c) => c.text).join(' '));
    if (missing.length === 0 || words + extra > maxWords) continue;
    out.push(...missing);
    words += extra;
  }
  return out.sort((a, b) => a.chunkRank - b.chunkRank || a.position - b.position);
}

interface Scored {
  c: CandidateSentence;
  score: number;
}

function scoreCandidates(queryTerms: string[], candidates: CandidateSentence[], sorted: RetrievedChunk[], type: AnswerType): Scored[] {
  const weight = new Map<string, number>();
  for (const term of queryTerms) {
    const df = candidates.filter((c) => c.terms.has(term)).length;
    weight.set(term, Math.log(1 + candidates.length / (df + 0.5)));
  }
  const totalWeight = [...weight.values()].reduce((a, b) => a + b, 0);
  const chunkWeight = chunkWeights(sorted);
  return candidates
    .filter((c) => queryTerms.some((t) => c.terms.has(t)))
    .map((c) => {
      const relevance = queryTerms.reduce((sum, t) => sum + (weight.get(t) ?? 0) * termMatch(c, t), 0) / totalWeight;
      const section = queryTerms.filter((t) => c.section.has(t)).length / queryTerms.length;
      const position = 1 / (1 + 0.2 * c.position);
      const score = 0.55 * relevance + 0.1 * section + 0.25 * chunkWeight[c.chunkRank] + 0.1 * position + factBonus(type, c.text);
      return { c, score };
    })
    .sort((a, b) => b.score - a.score || a.c.chunkRank - b.c.chunkRank || a.c.position - b.c.position);
}

interface Section {
  key: string;
  sentences: CandidateSentence[];
  score: number;
}

// A section (the sentences under one heading) is scored by the IDF-weighted share of question
// terms it states, a term only in its heading or the title counting 0.6, plus the fact bonus
// of its best sentence: "Remove someone" answers "do we pay for people we deactivate?" as a
// whole, even when a lone sentence of another section shares more words.
function bestSection(all: CandidateSentence[], scored: Scored[], queryTerms: string[], type: AnswerType): Section {
  const weight = new Map(queryTerms.map((t) => [t, Math.log(1 + all.length / (all.filter((c) => c.terms.has(t)).length + 0.5))]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const sections = new Map<string, CandidateSentence[]>();
  for (const c of all) sections.set(c.sectionKey, [...(sections.get(c.sectionKey) ?? []), c]);
  const bestSentence = new Map<string, number>();
  for (const { c, score } of scored) bestSentence.set(c.sectionKey, Math.max(bestSentence.get(c.sectionKey) ?? 0, score));
  let best: Section | null = null;
  for (const [key, sentences] of sections) {
    if (!bestSentence.has(key)) continue;
    const covered = queryTerms.reduce((sum, t) => {
      const inText = sentences.some((c) => c.terms.has(t));
      return sum + (weight.get(t) ?? 0) * (inText ? 1 : sentences[0].context.has(t) ? CONTEXT_CREDIT : 0);
    }, 0);
    const bonus = Math.max(...sentences.map((c) => factBonus(type, c.text)));
    const score = covered / total + bonus + 0.1 * (bestSentence.get(key) ?? 0);
    if (!best || score > best.score) best = { key, sentences: [...sentences].sort((a, b) => a.position - b.position), score };
  }
  return best!;
}

function selectSentences(all: CandidateSentence[], scored: Scored[], queryTerms: string[], sorted: RetrievedChunk[], max: number, maxWords: number, type: AnswerType) {
  const selected: CandidateSentence[] = [];
  const stated = new Set<string>();
  let words = 0;
  const fits = (c: CandidateSentence) => selected.length < max && !selected.includes(c) && words + countTokens(c.text) <= maxWords;
  const take = (c: CandidateSentence) => {
    selected.push(c);
    queryTerms.filter((t) => c.terms.has(t)).forEach((t) => stated.add(t));
    words += countTokens(c.text);
  };
  // The best section, read from its start; when it is too long for the answer, from its best sentence.
  const section = bestSection(all, scored, queryTerms, type);
  const lead = scored.find((s) => s.c.sectionKey === section.key)!;
  const fromStart = section.sentences.slice(0, section.sentences.indexOf(lead.c) + 1);
  const startsAtTop = countTokens(fromStart.map((c) => c.text).join(' ')) <= maxWords && fromStart.length <= max;
  // Sentences that share nothing with the question and state nothing of the asked kind stay out.
  const relevant = (c: CandidateSentence) => c === lead.c || queryTerms.some((t) => c.terms.has(t)) || factBonus(type, c.text) >= 0.15 || (lead.c.listItem && c.listItem && c.position > lead.c.position);
  for (const c of section.sentences.slice(startsAtTop ? 0 : section.sentences.indexOf(lead.c))) if (relevant(c) && fits(c)) take(c);
  // The question asks for a number or a place and the answer has none yet: the article's best
  // sentence that states one and shares a question term ("when will you retry?" → "We retry
  // the charge 3, 7 and 14 days after…").
  const statesType = (c: CandidateSentence) => factBonus(type, c.text) >= 0.15;
  if (type !== 'other' && !selected.some(statesType)) {
    const factual = scored.find(({ c }) => statesType(c) && fits(c));
    if (factual) take(factual.c);
  }
  // Another section only when it states a question term the answer lacks.
  for (const { c, score } of scored) {
    if (c.sectionKey === section.key) continue;
    const adds = queryTerms.some((t) => c.terms.has(t) && !stated.has(t));
    if (adds && score >= 0.8 * lead.score && fits(c)) take(c);
  }
  return selected.sort((a, b) => a.chunkRank - b.chunkRank || a.position - b.position);
}

/**
 * Answer without an LLM: pick the 1–3 sentences of the retrieved chunks that
 * best match the question and cite their chunks. Pass the normalized question
 * (see `normalizeQuery`) so corrected typos count.
 *
 * Sentence score = 0.55·relevance + 0.10·section + 0.25·chunk + 0.10·position:
 * relevance = IDF-weighted share of question terms in the sentence (a term only
 * in its title/headings counts 0.6), section = share of question terms in the
 * headings above it, chunk = chunk score ÷ best, position = 1/(1 + 0.2·index).
 * More sentences are added when they cover a new question term and score
 * within 70% of the best (85% from another article); a matching list step
 * brings the steps right after it.
 *
 * confidence = (0.5·coverage + 0.5·margin) × (0.5 + 0.5·agreement): coverage is
 * the share of question terms found in the chosen sentences (0.6 via
 * headings), margin is `retrievalMargin` of the answer's article, agreement is
 * 1 when that article is also the top-ranked one, else 0.
 */
export function extractiveAnswer(
  question: string,
  chunks: readonly RetrievedChunk[],
  options: ExtractiveOptions = {},
): AnswerResult {
  const { maxSentences = 4, maxChunks = 5, maxAnswerWords = 90, citationMarkers = true } = options;
  const sorted = sortChunks(chunks, maxChunks);
  const queryTerms = [...new Set(analyzeTerms(question))];
  const type = answerType(question);
  // The answer speaks for the best-ranked article; its sentences are then chosen within it.
  const candidates = candidateSentences(sorted).filter((c) => sorted[c.chunkRank].articleId === sorted[0]?.articleId);
  const scored = queryTerms.length > 0 ? scoreCandidates(queryTerms, candidates, sorted, type) : [];
  if (scored.length === 0) return NO_ANSWER;

  const selected = selectSentences(candidates, scored, queryTerms, sorted, maxSentences, maxAnswerWords, type);
  const answerArticle = sorted[scored[0].c.chunkRank].articleId;
  const coverage =
    queryTerms.reduce((sum, t) => sum + Math.max(0, ...selected.map((s) => termMatch(s, t))), 0) / queryTerms.length;
  const agreement = answerArticle === sorted[0].articleId ? 1 : 0;
  const confidence = clamp01((0.5 * coverage + 0.5 * retrievalMargin(sorted, answerArticle)) * (0.5 + 0.5 * agreement));
  // Confidence is judged on the chosen sentences; the answer then carries the rest of a numbered
  // list they start or sit in, so a customer never gets step 2 without steps 1 and 3.
  const shown = wholeNumberedLists(selected, candidates, WHOLE_LIST_WORDS);
  return { ...compose(shown, sorted, citationMarkers), confidence: Math.round(confidence * 1000) / 1000 };
}

/**
 * Auto-resolve only when confidence ≥ threshold. A NaN or out-of-range value,
 * or a threshold outside (0, 1], never auto-resolves: a misconfigured setting
 * must not close every ticket.
 */
export function shouldAutoResolve(confidence: number, threshold: number = DEFAULT_AUTO_RESOLVE_THRESHOLD): boolean {
  const valid = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
  if (!valid(confidence) || !valid(threshold) || threshold === 0) return false;
  return confidence >= threshold;
}
