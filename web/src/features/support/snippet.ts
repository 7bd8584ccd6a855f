export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a search snippet into plain and highlighted runs. The server marks matches with <mark>…</mark>
 * (PostgreSQL ts_headline) inside raw article text; nothing else in it is treated as markup, so the page
 * renders text nodes only and never HTML from the knowledge base.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), mark: false });
    parts.push({ text: m[1]!, mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), mark: false });
  // Markdown markers read as noise in a one-line preview.
  return parts.map((p) => ({ ...p, text: p.text.replace(/[#*_`]+/g, '').replace(/\s+/g, ' ') })).filter((p) => p.text.trim() || !p.mark);
}
