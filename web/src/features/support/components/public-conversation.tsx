import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Markdown } from '../../../components/markdown';
import { formatDateTime } from '../../../lib/time';
import type { PublicTicket } from '../api/public-tickets';

export function PublicConversation({ messages, actions }: { messages: PublicTicket['messages']; actions?: (m: PublicTicket['messages'][number], index: number) => ReactNode }) {
  return (
    <Stack gap="sm" role="list" aria-label="Messages">
      {messages.map((m, i) => {
        const mine = m.author_type === 'customer';
        const bot = m.author_type === 'automation';
        return (
          <Paper
            key={i}
            role="listitem"
            p="sm"
            radius="md"
            maw="88%"
            data-testid={mine ? 'public-message-customer' : 'public-message-staff'}
            style={{
              alignSelf: mine ? 'flex-end' : 'flex-start',
              background: mine ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default)',
              border: '1px solid var(--mantine-color-default-border)',
            }}
          >
            <Group justify="space-between" gap="md" mb={4}>
              <Badge size="xs" variant="light" color={mine ? 'indigo' : bot ? 'grape' : 'teal'} tt="none" data-testid="public-message-author">
                {mine ? 'You' : bot ? 'Clara (automatic answer)' : (m.author_name ?? 'Support team')}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.created_at)}
              </Text>
            </Group>
            {bot ? (
              <Markdown>{m.body}</Markdown>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            )}
            {m.sources && m.sources.length > 0 && (
              <Text size="xs" c="dimmed" mt={4} data-testid="public-message-sources">
                From our help articles:{' '}
                {m.sources.map((s, k) => (
                  <span key={s.article_id}>
                    {k > 0 && ' · '}
                    <Anchor component={Link} to={`/support/articles/${s.article_id}`} target="_blank" size="xs">
                      {s.title}
                    </Anchor>
                  </span>
                ))}
              </Text>
            )}
            {actions?.(m, i)}
          </Paper>
        );
      })}
    </Stack>
  );
}
