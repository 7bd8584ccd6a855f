import { Anchor, Box, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Markdown } from '../../../components/markdown';
import { useInstantAnswers, usePublicArticle } from '../api/instant-answers';
import { snippetParts } from '../snippet';

function Snippet({ snippet }: { snippet: string }) {
  return (
    <Text size="sm" c="dimmed" lineClamp={2}>
      {snippetParts(snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </Text>
  );
}

function ArticleModal({ slug, onClose }: { slug: string | null; onClose: () => void }) {
  const article = usePublicArticle(slug);
  return (
    <Modal opened={slug !== null} onClose={onClose} title={article.data?.title ?? 'Article'} size="lg">
      {article.isPending && <Loader size="sm" aria-label="Loading the article" />}
      {article.isError && <Text c="red">The article could not be loaded.</Text>}
      {article.data && <Markdown>{article.data.body}</Markdown>}
    </Modal>
  );
}

/** Knowledge-base articles that may answer what the customer is typing, before they send it. */
export function InstantAnswers({ text }: { text: string }) {
  const [debounced] = useDebouncedValue(text, 400);
  const answers = useInstantAnswers(debounced);
  const [open, setOpen] = useState<string | null>(null);
  if (!answers.data?.length) return null;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-blue-light)" aria-live="polite" data-testid="instant-answers">
      <Text fw={600} size="sm" mb="xs">
        These articles may answer your question
      </Text>
      <Stack gap="xs">
        {answers.data.map((a) => (
          <Box key={a.slug}>
            <Anchor component="button" type="button" size="sm" fw={500} onClick={() => setOpen(a.slug)}>
              {a.title}
            </Anchor>
            <Snippet snippet={a.snippet} />
          </Box>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        If one of them solves it, you do not need to send a request.
      </Text>
      <ArticleModal slug={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}
