// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

afterEach(cleanup);

const html = (md: string) => render(<MantineProvider><Markdown>{md}</Markdown></MantineProvider>).getByTestId('markdown').innerHTML;

describe('Markdown', () => {
  it('renders headings, lists and GFM tables', () => {
    const out = html('## Steps\n\n1. Open settings\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(out).toContain('Steps');
    expect(out).toContain('<ol>');
    expect(out).toContain('<table>');
  });

  it('never renders raw HTML or javascript: links from an article', () => {
    const out = html('<script>alert(1)</script><img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('onerror');
    expect(out).not.toContain('javascript:');
  });
});
