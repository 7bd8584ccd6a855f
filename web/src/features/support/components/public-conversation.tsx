import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/time';
import type { PublicTicket } from '../api/public-tickets';

export function PublicConversation({ messages, actions }: { messages: PublicTicket['messages']; actions?: (m: PublicTicket['messages'][number], index: number) => ReactNode }) {
  return (
    <Stack gap="sm" role="list" aria-label="Messages">
      {messages.map((m, i) => {
        const mine = m.author_type === 'customer';
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
              <Badge size="xs" variant="light" color={mine ? 'indigo' : 'teal'}>
                {mine ? 'You' : 'Support team'}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.created_at)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body}
            </Text>
            {actions?.(m, i)}
          </Paper>
        );
      })}
    </Stack>
  );
}
