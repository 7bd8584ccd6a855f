const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (match, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

// Decoded text can spell out markup again ("&lt;script&gt;"); a backslash keeps
// it literal if the result is ever rendered as Markdown with HTML enabled.
function neutralizeMarkup(text: string): string {
  return text.replace(/<(?=[a-zA-Z/!?])/g, '\\<');
}

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'textarea']);
const BLOCK = new Set(
  'p div section article header footer main aside nav blockquote table thead tbody tfoot tr ul ol dl dt dd figure figcaption hr form details summary'.split(' '),
);
const LIST_MARK = '\u0001';
const CODE_MARK = '\u0002';

interface Tag {
  name: string;
  closing: boolean;
  end: number;
}

// Tags are found with indexOf, never with backtracking regexes, so the scan
// stays linear even on hostile input such as thousands of unclosed "<p".
function readTag(html: string, start: number): Tag | null {
  const end = html.indexOf('>', start);
  if (end === -1) return null;
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, Math.min(end + 1, start + 40)));
  if (!match) return { name: '', closing: false, end: end + 1 };
  return { name: match[2].toLowerCase(), closing: match[1] === '/', end: end + 1 };
}

function skipPast(html: string, lower: string, from: number, closing: string): number {
  const at = lower.indexOf(closing, from);
  if (at === -1) return html.length;
  const end = html.indexOf('>', at);
  return end === -1 ? html.length : end + 1;
}

function tagText(tag: Tag, inHeading: boolean): string {
  if (/^h[1-6]$/.test(tag.name)) return tag.closing ? '\n\n' : `\n\n${'#'.repeat(Number(tag.name[1]))} `;
  if (inHeading) return ' ';
  if (tag.name === 'li') return tag.closing ? '' : `\n${LIST_MARK}`;
  if (tag.name === 'br') return '\n';
  if (BLOCK.has(tag.name)) return '\n\n';
  return tag.name === 'td' || tag.name === 'th' ? ' ' : '';
}

function scan(html: string, codeBlocks: string[]): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let inHeading = false;
  let tagsPossible = true;
  while (i < html.length) {
    const lt = tagsPossible ? html.indexOf('<', i) : -1;
    const textEnd = lt === -1 ? html.length : lt;
    out += neutralizeMarkup(decodeEntities(html.slice(i, textEnd))).replace(/\s+/g, ' ');
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(html[lt + 1] ?? '')) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      tagsPossible = false;
      i = lt;
      continue;
    }
    i = tag.end;
    if (tag.name && !tag.closing && SKIP.has(tag.name)) i = skipPast(html, lower, i, `</${tag.name}`);
    else if (tag.name === 'pre' && !tag.closing) {
      const close = lower.indexOf('</pre', i);
      const inner = html.slice(i, close === -1 ? html.length : close);
      const code = decodeEntities(inner.replace(/<[^<>]*>/g, '')).replace(/^\n+|\s+$/g, '');
      codeBlocks.push(`\`\`\`\n${code.replace(/```/g, '` ` `')}\n\`\`\``);
      out += `\n\n${CODE_MARK}${codeBlocks.length - 1}${CODE_MARK}\n\n`;
      i = close === -1 ? html.length : skipPast(html, lower, close, '</pre');
    } else if (tag.name) {
      out += tagText(tag, inHeading);
      if (/^h[1-6]$/.test(tag.name)) inHeading = !tag.closing;
    }
  }
  return out;
}

/**
 * Turn help-center HTML into Markdown-ish text for indexing: keeps headings
 * (#), paragraphs, list items (- ) and <pre> as fenced code; drops scripts,
 * styles, comments, attributes and link targets.
 */
export function htmlToMarkdownish(html: string): string {
  const codeBlocks: string[] = [];
  const text = scan(html.replace(/[\u0001\u0002]/g, ''), codeBlocks)
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/ {2,}/g, ' ').trim())
        .map((line) => (line.startsWith(LIST_MARK) ? `- ${line.slice(1).trim()}` : line))
        .filter((line) => line && !/^-\s*$/.test(line) && !/^#+$/.test(line))
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
  return text.replace(new RegExp(`${CODE_MARK}(\\d+)${CODE_MARK}`, 'g'), (_, n: string) => codeBlocks[Number(n)]).trim();
}
