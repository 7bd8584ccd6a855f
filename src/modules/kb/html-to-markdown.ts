import TurndownService from 'turndown';

// An imported help-center page becomes Markdown with turndown (its Node build parses HTML with
// domino, a linear-time HTML5 parser, so hostile input such as thousands of unclosed tags stays fast).
// Link targets are dropped (the text stays): a target could be `javascript:` and says nothing
// retrieval can use.
const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
turndown.remove(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'textarea']);
turndown.addRule('linkText', { filter: 'a', replacement: (content) => content });
// Decoded text can spell out markup again ("&lt;script&gt;"); a backslash keeps it literal
// if the result is ever rendered as Markdown with HTML enabled.
const escapeMarkdown = turndown.escape.bind(turndown);
turndown.escape = (text: string) => escapeMarkdown(text).replace(/<(?=[a-zA-Z/!?])/g, '\\<');

export function htmlToMarkdownish(html: string): string {
  return turndown.turndown(html).trim();
}
