import type { MarkdownBlock } from './markdown-blocks';
import { countTokens, splitSentences } from './text-analysis';

export type ContentBlock = Exclude<MarkdownBlock, { kind: 'heading' }>;

export interface Unit {
  block: ContentBlock;
  tokens: number;
}

export function toUnit(block: ContentBlock): Unit {
  return { block, tokens: countTokens(block.text) };
}

function groupByBudget(parts: string[], budget: number, join: string): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  let tokens = 0;
  for (const part of parts) {
    const partTokens = countTokens(part);
    if (current.length > 0 && tokens + partTokens > budget) {
      groups.push(current.join(join));
      current = [];
      tokens = 0;
    }
    current.push(part);
    tokens += partTokens;
  }
  if (current.length > 0) groups.push(current.join(join));
  return groups;
}

function wordWindows(text: string, budget: number): string[] {
  const all = text.split(/\s+/).filter(Boolean);
  const windows: string[] = [];
  for (let i = 0; i < all.length; i += budget) windows.push(all.slice(i, i + budget).join(' '));
  return windows;
}

function splitProse(text: string, budget: number): string[] {
  return splitSentences(text).flatMap((s) => (countTokens(s) > budget ? wordWindows(s, budget) : [s]));
}

// A code block is only cut when it cannot fit a chunk on its own; each part is
// re-fenced with the original opening line so it still renders as code.
function splitCode(text: string, budget: number): string[] {
  const lines = text.split('\n');
  const open = lines[0];
  const fenceChars = /^\s*(`+|~+)/.exec(open)?.[1] ?? '```';
  const hasClose = lines.length > 1 && lines[lines.length - 1].trim().startsWith(fenceChars[0]);
  const inner = lines.slice(1, hasClose ? -1 : undefined);
  const fenceTokens = countTokens(open) + 1;
  return groupByBudget(inner, Math.max(1, budget - fenceTokens), '\n').map((body) => `${open}\n${body}\n${fenceChars}`);
}

/**
 * Break a block that exceeds the budget: prose into sentence units (the packer
 * regroups them evenly), code into re-fenced parts of at most the budget.
 */
export function splitOversized(unit: Unit, budget: number): Unit[] {
  if (unit.tokens <= budget) return [unit];
  const { block } = unit;
  if (block.kind === 'code') return splitCode(block.text, budget).map((text) => toUnit({ kind: 'code', text }));
  return splitProse(block.text, budget).map((text, i) =>
    toUnit({ kind: 'prose', text, listItem: i === 0 && block.listItem, continues: i > 0 }),
  );
}

/** The last sentence(s) of the trailing prose, about `overlapTokens` long, to repeat at the start of the next chunk. */
export function overlapTail(units: readonly Unit[], overlapTokens: number): Unit | null {
  if (overlapTokens <= 0) return null;
  const sentences: string[] = [];
  for (let i = units.length - 1; i >= 0 && sentences.length < overlapTokens; i -= 1) {
    const { block } = units[i];
    if (block.kind !== 'prose') break;
    sentences.unshift(...splitSentences(block.text.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '')));
    if (!block.continues) break;
  }
  const picked: string[] = [];
  let tokens = 0;
  for (let i = sentences.length - 1; i >= 0; i -= 1) {
    const sentenceTokens = countTokens(sentences[i]);
    if (tokens + sentenceTokens > overlapTokens) break;
    picked.unshift(sentences[i]);
    tokens += sentenceTokens;
  }
  if (picked.length === 0 && sentences.length > 0) {
    const last = sentences[sentences.length - 1];
    // A single long sentence: repeat it whole if it is not much longer than the overlap, else its last words.
    picked.push(countTokens(last) <= overlapTokens * 1.5 ? last : last.split(/\s+/).slice(-overlapTokens).join(' '));
  }
  const text = picked.join(' ').trim();
  return text ? toUnit({ kind: 'prose', text, listItem: false }) : null;
}
