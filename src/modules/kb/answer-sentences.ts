import type { RetrievedChunk } from './answer.schema';
import { chunkBody } from './chunker';
import { parseMarkdownBlocks } from './markdown-blocks';
import { analyzeTerms, splitSentences } from './text-analysis';

export interface CandidateSentence {
  /** Index of the chunk in the score-sorted input. */
  chunkRank: number;
  /** Sentence index within the chunk. */
  position: number;
  text: string;
  terms: Set<string>;
  /** Terms of the article title and the headings above the sentence. */
  context: Set<string>;
  /** Terms of the headings above the sentence, without the article title. */
  section: Set<string>;
  /** Sentences with the same key sit under the same heading of the same chunk. */
  sectionKey: string;
  listItem: boolean;
  /** Index of the Markdown block (paragraph, list item, table) within the chunk. */
  block: number;
  /** The list marker ("1.", "-") on the first sentence of a list item, so an answer can keep the list. */
  marker: string | null;
}

const LIST_MARKER = /^\s*([-*+]|\d{1,9}[.)])\s+/;

/** Markdown inline syntax → plain text: links keep their label, emphasis markers and images go. */
export function plainInline(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

// Each table row becomes one sentence, "Header: cell; Header: cell", so a row
// keeps the meaning its column headers give it.
function tableSentences(lines: string[]): string[] {
  const rows = lines.map(tableCells).filter((cells) => !cells.every((c) => /^:?-{2,}:?$/.test(c) || c === ''));
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) =>
    cells
      .map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell))
      .filter((cell) => cell && !/:\s*(?:—|-)?$/.test(cell))
      .join('; '),
  );
}

function proseUnits(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.every((l) => l.trim().startsWith('|'))) return tableSentences(lines).map(plainInline);
  return splitSentences(plainInline(text));
}

/** A sentence as its chunk alone defines it: what `candidateSentences` adds is the chunk's rank. */
type ChunkSentence = Omit<CandidateSentence, 'chunkRank' | 'sectionKey'> & { heading: string };

// Every question reads the sentences of the same few chunks again: their analysis is kept per chunk (by
// title, heading path and text), up to a knowledge base's worth. Kept sentences are shared: never mutate one.
const SENTENCES_LIMIT = 4096;
const kept = new Map<string, readonly ChunkSentence[]>();

function chunkSentences(chunk: RetrievedChunk): readonly ChunkSentence[] {
  const key = `${chunk.articleTitle}\u0000${chunk.headingPath.join('\u0001')}\u0000${chunk.text}`;
  const found = kept.get(key);
  if (found) return found;
  const sentences: ChunkSentence[] = [];
  const path = chunk.headingPath.slice(1).join(' ');
  let heading = '';
  let position = 0;
  parseMarkdownBlocks(chunkBody(chunk.text, chunk.headingPath)).forEach((block, blockIndex) => {
    if (block.kind === 'heading') heading = block.text;
    if (block.kind !== 'prose') return;
    const section = new Set(analyzeTerms(`${path} ${heading}`));
    const context = new Set([...analyzeTerms(chunk.articleTitle), ...section]);
    const marker = block.listItem ? (LIST_MARKER.exec(block.text)?.[1] ?? null) : null;
    let first = true;
    for (const sentence of proseUnits(block.text)) {
      const terms = new Set(analyzeTerms(sentence));
      if (terms.size === 0) continue;
      sentences.push({ position, text: sentence, terms, context, section, heading, listItem: block.listItem, block: blockIndex, marker: first ? marker : null });
      first = false;
      position += 1;
    }
  });
  if (kept.size >= SENTENCES_LIMIT) kept.delete(kept.keys().next().value!);
  kept.set(key, sentences);
  return sentences;
}

/** Split each retrieved chunk into sentences with their analyzed terms; code blocks are skipped. */
export function candidateSentences(chunks: readonly RetrievedChunk[]): CandidateSentence[] {
  return chunks.flatMap((chunk, chunkRank) =>
    chunkSentences(chunk).map(({ heading, ...sentence }) => ({ ...sentence, chunkRank, sectionKey: `${chunkRank}:${heading}` })),
  );
}

export function makeSnippet(text: string, maxChars = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
