import { Title, Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

// Article headings sit below the page's own h1/h2: one step down, at reading size.
const components: Components = {
  h1: ({ children }) => <Title order={3} mt="md" mb="xs">{children}</Title>,
  h2: ({ children }) => <Title order={4} mt="md" mb="xs">{children}</Title>,
  h3: ({ children }) => <Title order={5} mt="sm" mb={4}>{children}</Title>,
};

// Article bodies are written by staff but may be imported from anywhere (HTML, CSV): raw HTML is never
// rendered, and the sanitizer strips dangerous URLs (javascript:) and attributes from what Markdown produces.
export function Markdown({ children }: { children: string }) {
  return (
    <Typography fz="sm" data-testid="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
