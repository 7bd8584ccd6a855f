import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

// Customer-facing Markdown (knowledge-base answers): HTML for the mail's HTML part and clean text
// for its text part, never raw markers. Raw HTML in the Markdown is escaped and javascript: links
// are dropped (micromark's safe defaults).

export function markdownToHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const label = node.children.map(inline).join('');
      return label && label !== node.url ? `${label} (${node.url})` : node.url;
    }
    default:
      return 'children' in node ? node.children.map((c) => inline(c as Nodes)).join('') : '';
  }
}

// A table row reads "Header: cell; Header: cell", so it keeps the meaning its columns give it.
function tableText(table: Table): string {
  const [head, ...rows] = table.children.map((row) => row.children.map((cell) => inline(cell).trim()));
  if (!head) return '';
  if (rows.length === 0) return head.join('; ');
  return rows.map((cells) => cells.map((c, i) => (head[i] ? `${head[i]}: ${c}` : c)).filter((c) => c.trim()).join('; ')).join('\n');
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map((c) => block(c)).filter(Boolean).join('\n\n');
    case 'paragraph':
    case 'heading':
      return inline(node).trim();
    case 'code':
      return node.value;
    case 'thematicBreak':
      return '---';
    case 'blockquote':
      return node.children.map((c) => block(c)).join('\n\n');
    case 'table':
      return tableText(node);
    case 'list': {
      const start = node.start ?? 1;
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${start + i}.` : '-';
          const body = item.children.map((c) => block(c)).join('\n').replace(/\n/g, '\n   ');
          return `${marker} ${body}`;
        })
        .join('\n');
    }
    default:
      return inline(node).trim();
  }
}

/** Plain text without Markdown markers: lists keep their numbers, links show their address. */
export function markdownToText(markdown: string): string {
  return block(parse(markdown));
}
