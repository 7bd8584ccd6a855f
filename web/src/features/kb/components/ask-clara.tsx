import { Alert, Badge, Blockquote, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { CitationLinks } from '../../../components/citation-links';
import { ConfidenceBadge } from '../../../components/confidence-badge';
import { errorMessage } from '../../../lib/api-client';
import { useAskClara } from '../api/ask';

export function AskClara() {
  const [question, setQuestion] = useState('');
  const ask = useAskClara();
  const send = () => {
    if (question.trim().length < 3 || ask.isPending) return;
    ask.mutate(question.trim());
  };
  const a = ask.data;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ask-clara-title">
      <Title order={2} size="h4" mb={4} id="ask-clara-title">
        Ask Clara
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Answers come only from published articles, with their sources.
      </Text>
      <Stack gap="sm">
        <Textarea
          label="Question"
          placeholder="How do I reset my password?"
          autosize
          minRows={2}
          maxRows={8}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', send]])}
        />
        <Group justify="flex-end">
          <Button onClick={send} loading={ask.isPending} disabled={question.trim().length < 3}>
            Ask
          </Button>
        </Group>
        {ask.isError && (
          <Alert color="red" variant="light" role="alert" title="No answer">
            {errorMessage(ask.error)}
          </Alert>
        )}
        {a && (
          <Stack gap="xs" data-testid="ask-answer" aria-live="polite">
            <Group gap="xs">
              <ConfidenceBadge value={a.confidence} testId="ask-confidence" />
              <Badge variant="outline" color="gray" tt="none">
                {a.mode === 'llm' ? 'LLM answer' : 'Extractive answer'}
              </Badge>
              <Badge variant="outline" color="gray" tt="none">
                {a.retrieval} search
              </Badge>
            </Group>
            {a.answer ? (
              <Blockquote color="indigo" p="sm" data-testid="ask-answer-text" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                {a.answer}
              </Blockquote>
            ) : (
              <Text size="sm" c="dimmed" data-testid="ask-no-answer">
                The knowledge base does not answer this question.
              </Text>
            )}
            {a.citations.length > 0 && (
              <>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  Sources
                </Text>
                <CitationLinks citations={a.citations} />
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
