import { describe, expect, it } from 'vitest';
import { htmlToMarkdownish } from './html-to-markdown';

describe('htmlToMarkdownish', () => {
  it('keeps headings, paragraphs, emphasis and list items as Markdown', () => {
    const html = '<h1>Reset</h1><p>Open <b>Settings</b>.</p><h3>Steps</h3><ol><li>Click</li><li>Confirm</li></ol><ul><li>Any</li></ul>';
    expect(htmlToMarkdownish(html)).toBe('# Reset\n\nOpen **Settings**.\n\n### Steps\n\n1.  Click\n2.  Confirm\n\n-   Any');
  });

  it('leaves the page title and head out of the body', () => {
    expect(htmlToMarkdownish('<html><head><title>Refunds</title></head><body><p>Within 14 days.</p></body></html>')).toBe('Within 14 days.');
  });

  it('drops scripts, styles, comments and link targets', () => {
    const html = '<style>p{}</style><p>Hi<script>alert(1)</script> <a href="javascript:x()">there</a><!-- secret --></p>';
    expect(htmlToMarkdownish(html)).toBe('Hi there');
  });

  it('decodes entities but escapes decoded markup so it cannot become HTML again', () => {
    expect(htmlToMarkdownish('<p>a &amp; b &lt;img src=x onerror=y&gt; &#x263A;</p>')).toBe('a & b \\<img src=x onerror=y> ☺');
  });

  it('turns <pre> into a fenced code block with its whitespace intact', () => {
    expect(htmlToMarkdownish('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>')).toBe(
      '```\nif (a < b) {\n  go();\n}\n```',
    );
  });

  it('keeps a bare < that does not start a tag', () => {
    expect(htmlToMarkdownish('<p>if a < b and c > d</p>')).toBe('if a < b and c > d');
  });

  // A hang (catastrophic backtracking) would hit the test timeout; turndown's parser (domino) is linear.
  it('converts unclosed tags, scripts and comments without hanging or leaking markup', () => {
    const hostile = ['<p', '<script>', '<pre>', '<h2>', '<!--'].map((s) => s.repeat(20_000)).join('');
    expect(htmlToMarkdownish(hostile)).not.toMatch(/<script/);
  });
});
