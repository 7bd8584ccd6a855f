import { overlapTail, splitOversized, toUnit, type Unit } from './chunk-units';
import { joinBlocks, parseMarkdownBlocks, type MarkdownBlock } from './markdown-blocks';
import { countTokens, normalizeText } from './text-analysis';

export interface Chunk {
  /** 0-based position within the article. */
  ordinal: number;
  /** [article title, H2, H3, ...]: the deepest heading shared by everything in the chunk. */
  headingPath: string[];
  /** Indexed text: the heading path line, a blank line, then the Markdown body. */
  text: string;
  tokenCount: number;
}

export interface ChunkOptions {
  title: string;
  minTokens?: number;
  maxTokens?: number;
  overlapTokens?: number;
}

export const CHUNK_DEFAULTS = { minTokens: 150, maxTokens: 400, overlapTokens: 30 } as const;

const PATH_SEPARATOR = ' > ';

export function formatChunkText(headingPath: readonly string[], body: string): string {
  return `${headingPath.join(PATH_SEPARATOR)}\n\n${body}`;
}

/** The Markdown body of a chunk's indexed text, without its heading-path line. */
export function chunkBody(text: string, headingPath: readonly string[]): string {
  const header = `${headingPath.join(PATH_SEPARATOR)}\n\n`;
  return text.startsWith(header) ? text.slice(header.length) : text;
}

interface Section {
  index: number;
  path: string[];
  blocks: MarkdownBlock[];
}

interface Piece {
  section: number;
  path: string[];
  units: Unit[];
  startsWithOverlap: boolean;
}

function toSections(blocks: MarkdownBlock[], title: string): Section[] {
  const sections: Section[] = [{ index: 0, path: [title], blocks: [] }];
  let stack: { level: number; text: string }[] = [];
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      sections[sections.length - 1].blocks.push(block);
      continue;
    }
    if (!block.text) continue;
    if (block.level === 1 && normalizeText(block.text) === normalizeText(title)) stack = [];
    else {
      stack = stack.filter((h) => h.level < block.level);
      stack.push({ level: block.level, text: block.text });
    }
    sections.push({ index: sections.length, path: [title, ...stack.map((h) => h.text)], blocks: [] });
  }
  return sections.filter((s) => s.blocks.length > 0);
}

function splitSection(section: Section, maxTokens: number, overlapTokens: number): Piece[] {
  const budget = Math.max(1, maxTokens - countTokens(section.path.join(PATH_SEPARATOR)));
  const units = section.blocks
    .filter((b): b is Exclude<MarkdownBlock, { kind: 'heading' }> => b.kind !== 'heading')
    .flatMap((b) => splitOversized(toUnit(b), budget));
  const total = units.reduce((sum, u) => sum + u.tokens, 0);
  const piece = (units: Unit[], startsWithOverlap: boolean): Piece => ({
    section: section.index,
    path: section.path,
    units,
    startsWithOverlap,
  });
  if (total <= budget) return [piece(units, false)];

  // Aim for evenly sized chunks so the last one is not a tiny remainder.
  const target = total / Math.ceil(total / Math.max(1, budget - overlapTokens));
  const pieces: Piece[] = [];
  let current = piece([], false);
  let tokens = 0;
  for (const unit of units) {
    const hasContent = current.units.length > (current.startsWithOverlap ? 1 : 0);
    if (hasContent && (tokens + unit.tokens > budget || tokens >= target)) {
      pieces.push(current);
      const overlap = overlapTail(current.units, overlapTokens);
      const fits = overlap !== null && overlap.tokens + unit.tokens <= budget;
      current = fits ? piece([overlap], true) : piece([], false);
      tokens = fits ? overlap.tokens : 0;
    }
    current.units.push(unit);
    tokens += unit.tokens;
  }
  pieces.push(current);
  return pieces;
}

function commonPrefix(paths: string[][]): string[] {
  const first = paths[0];
  let length = first.length;
  for (const path of paths) {
    let i = 0;
    while (i < length && i < path.length && path[i] === first[i]) i += 1;
    length = i;
  }
  return first.slice(0, Math.max(1, length));
}

// Pieces from different sections share a chunk under their common heading path;
// the headings below that path are kept inline so the text still reads right.
function renderGroup(group: Piece[]): { headingPath: string[]; text: string } {
  const headingPath = commonPrefix(group.map((p) => p.path));
  const blocks: MarkdownBlock[] = [];
  let previous: Piece | null = null;
  for (const piece of group) {
    let depth = headingPath.length;
    const prevPath = previous ? previous.path : headingPath;
    while (depth < piece.path.length && depth < prevPath.length && piece.path[depth] === prevPath[depth]) depth += 1;
    for (let j = depth; j < piece.path.length; j += 1) blocks.push({ kind: 'heading', level: j + 1, text: piece.path[j] });
    const skipOverlap = piece.startsWithOverlap && previous?.section === piece.section;
    blocks.push(...piece.units.slice(skipOverlap ? 1 : 0).map((u) => u.block));
    previous = piece;
  }
  return { headingPath, text: formatChunkText(headingPath, joinBlocks(blocks)) };
}

function groupTokens(group: Piece[]): number {
  return countTokens(renderGroup(group).text);
}

function mergeSmallPieces(pieces: Piece[], minTokens: number, maxTokens: number): Piece[][] {
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && groupTokens(last) < minTokens && groupTokens([...last, piece]) <= maxTokens) last.push(piece);
    else groups.push([piece]);
  }
  if (groups.length >= 2) {
    const tail = groups[groups.length - 1];
    const before = groups[groups.length - 2];
    if (groupTokens(tail) < minTokens && groupTokens([...before, ...tail]) <= maxTokens) {
      before.push(...tail);
      groups.pop();
    }
  }
  return groups;
}

/**
 * Heading-aware chunking: split on headings, pack blocks into chunks of about
 * minTokens..maxTokens, repeat the last sentence(s) of a chunk at the start of
 * the next one from the same section, and keep fenced code blocks whole unless
 * a block alone is larger than a chunk. Small neighbouring sections are merged.
 */
export function chunkMarkdown(markdown: string, options: ChunkOptions): Chunk[] {
  const { title, minTokens, maxTokens, overlapTokens } = { ...CHUNK_DEFAULTS, ...options };
  const sections = toSections(parseMarkdownBlocks(markdown), title.trim());
  const pieces = sections.flatMap((s) => splitSection(s, maxTokens, overlapTokens));
  return mergeSmallPieces(pieces, minTokens, maxTokens).map((group, ordinal) => {
    const { headingPath, text } = renderGroup(group);
    return { ordinal, headingPath, text, tokenCount: countTokens(text) };
  });
}
