export type MarkdownBlock =
  | { kind: 'heading'; level: number; text: string }
  // `continues`: a piece of the previous prose block cut at a sentence boundary.
  | { kind: 'prose'; text: string; listItem: boolean; continues?: boolean }
  | { kind: 'code'; text: string };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\S/;

function isFenceClose(line: string, fence: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith(fence[0].repeat(fence.length))) return false;
  return /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0];
}

function headingText(raw: string | undefined): string {
  // ATX headings may end with a closing run of #s ("## Title ##").
  return (raw ?? '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+$/, '').trim();
}

/**
 * Split Markdown into headings, prose blocks (paragraphs, list items, tables,
 * quotes) and fenced code blocks. Lines inside a fence are never read as
 * headings; an unclosed fence runs to the end, as in CommonMark. Setext
 * headings and indented code blocks are treated as prose.
 */
export function parseMarkdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let prose: string[] = [];
  let proseIsListItem = false;

  const flushProse = () => {
    const text = prose.join('\n').trim();
    if (text) blocks.push({ kind: 'prose', text, listItem: proseIsListItem });
    prose = [];
    proseIsListItem = false;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      flushProse();
      const code = [line];
      i += 1;
      while (i < lines.length) {
        code.push(lines[i]);
        if (isFenceClose(lines[i], fence[1])) break;
        i += 1;
      }
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flushProse();
      blocks.push({ kind: 'heading', level: heading[1].length, text: headingText(heading[2]) });
      continue;
    }
    if (!line.trim()) {
      flushProse();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flushProse();
      proseIsListItem = true;
    }
    prose.push(line.trimEnd());
  }
  flushProse();
  return blocks;
}

/** Join blocks back into Markdown; consecutive list items stay on adjacent lines. */
export function joinBlocks(blocks: readonly MarkdownBlock[]): string {
  let out = '';
  blocks.forEach((block, index) => {
    const prev = blocks[index - 1];
    const text = block.kind === 'heading' ? `${'#'.repeat(block.level)} ${block.text}` : block.text;
    if (index === 0) out = text;
    else if (block.kind === 'prose' && block.continues && prev.kind === 'prose') out += ` ${text}`;
    else if (prev.kind === 'prose' && prev.listItem && block.kind === 'prose' && block.listItem) out += `\n${text}`;
    else out += `\n\n${text}`;
  });
  return out;
}
