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

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

// Decoded text can spell out markup again ("&lt;script&gt;"); a backslash keeps
// it literal if the result is ever rendered as Markdown with HTML enabled.
function neutralizeMarkup(text: string): string {
  return text.replace(/<(?=[a-zA-Z/!?])/g, '\\<');
}

function inlineText(html: string): string {
  return neutralizeMarkup(decodeEntities(stripTags(html)))
    .replace(/[ \t\r\n\f\v\u00a0]+/g, ' ')
    .trim();
}

const DROP_WITH_CONTENT = /<(script|style|head|noscript|template|iframe|object|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_BOUNDARY =
  /<\/?(?:p|div|section|article|header|footer|main|aside|nav|blockquote|table|thead|tbody|tr|ul|ol|dl|dt|dd|figure|figcaption|hr|form)\b[^>]*>/gi;

/**
 * Turn help-center HTML into plain Markdown-ish text for indexing: keeps
 * headings (#), paragraphs, list items (- ) and <pre> as fenced code; drops
 * scripts, styles, comments, attributes and link targets. Regexes are linear
 * ([^>]* / lazy to a fixed closing tag), so hostile input cannot blow up.
 */
export function htmlToMarkdownish(html: string): string {
  const codeBlocks: string[] = [];
  let text = html
    .replace(/[\u0000\u0001]/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROP_WITH_CONTENT, '')
    .replace(/<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi, (_, inner: string) => {
      const code = decodeEntities(stripTags(inner)).replace(/^\n+|\s+$/g, '');
      codeBlocks.push(`\`\`\`\n${code.replace(/```/g, '` ` `')}\n\`\`\``);
      return `\n\n\u0000${codeBlocks.length - 1}\u0000\n\n`;
    })
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, inner: string) => {
      const heading = inlineText(inner);
      return heading ? `\n\n${'#'.repeat(Number(level))} ${heading}\n\n` : '\n\n';
    })
    .replace(/<li\b[^>]*>/gi, '\n\u0001')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK_BOUNDARY, '\n\n')
    .replace(/<\/?(?:td|th)\b[^>]*>/gi, ' ');

  text = text
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => (line.startsWith('\u0001') ? `- ${inlineText(line.slice(1))}` : inlineText(line)))
        .filter((line) => line && !/^-\s*$/.test(line))
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');

  return text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => codeBlocks[Number(index)]).trim();
}
