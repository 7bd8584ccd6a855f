import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText } from './markdown';

const answer = [
  'Error **E-42** means the `print head` is not seated.',
  '',
  '1. Switch the printer *off*.',
  '2. Press the head down until it clicks.',
  '3. Switch it on again.',
  '',
  '| Light | Meaning |',
  '| --- | --- |',
  '| Red | Head not seated |',
  '',
  'See [the printer guide](https://help.example.com/printer).',
].join('\n');

describe('customer-facing Markdown', () => {
  it('reads as plain text without markers, numbered steps kept one per line, table rows with their headers', () => {
    expect(markdownToText(answer)).toBe(
      [
        'Error E-42 means the print head is not seated.',
        '',
        '1. Switch the printer off.',
        '2. Press the head down until it clicks.',
        '3. Switch it on again.',
        '',
        'Light: Red; Meaning: Head not seated',
        '',
        'See the printer guide (https://help.example.com/printer).',
      ].join('\n'),
    );
  });

  it('renders HTML with the list, emphasis and a real link', () => {
    const html = markdownToHtml(answer);
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>E-42</strong>');
    expect(html).toContain('<code>print head</code>');
    expect(html).toContain('<a href="https://help.example.com/printer">the printer guide</a>');
    expect(html).toContain('<td>Head not seated</td>');
  });

  it('escapes raw HTML and drops javascript: links', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\n[click](javascript:alert(1))');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
  });
});
