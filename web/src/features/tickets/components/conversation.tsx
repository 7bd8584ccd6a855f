import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Markdown } from '../../../components/markdown';
import { formatDateTime, formatRelative } from '../../../lib/time';
import type { TicketMessage } from '../api/types';

type Kind = 'customer' | 'reply' | 'note' | 'automation';

function kindOf(m: TicketMessage): Kind {
  if (m.internal) return 'note';
  if (m.author_type === 'customer') return 'customer';
  if (m.author_type === 'automation' || m.author_type === 'system') return 'automation';
  return 'reply';
}

const STYLE: Record<Kind, { label: string; bg: string; border: string; align: 'flex-start' | 'flex-end' }> = {
  customer: { label: 'Customer', bg: 'var(--mantine-color-default)', border: 'var(--mantine-color-default-border)', align: 'flex-start' },
  reply: { label: 'Public reply', bg: 'var(--mantine-color-indigo-light)', border: 'var(--mantine-color-indigo-light-hover)', align: 'flex-end' },
  note: { label: 'Internal note', bg: 'var(--mantine-color-yellow-light)', border: 'var(--mantine-color-yellow-6)', align: 'flex-end' },
  automation: { label: 'Automatic answer', bg: 'var(--mantine-color-grape-light)', border: 'var(--mantine-color-grape-light-hover)', align: 'flex-start' },
};

/** `actions` adds controls to a message (the voice feature's "Listen" button on public replies). */
export function Conversation({ messages, actions }: { messages: TicketMessage[]; actions?: (m: TicketMessage) => ReactNode }) {
  return (
    <Stack gap="sm" aria-label="Conversation" role="list">
      {messages.map((m) => {
        const kind = kindOf(m);
        const s = STYLE[kind];
        return (
          <Paper
            key={m.id}
            role="listitem"
            data-testid={`message-${kind}`}
            p="sm"
            radius="md"
            maw="88%"
            style={{
              alignSelf: s.align,
              background: s.bg,
              border: `1px ${kind === 'note' ? 'dashed' : 'solid'} ${s.border}`,
            }}
          >
            <Group justify="space-between" gap="md" mb={4} wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {m.author?.name ?? (kind === 'customer' ? 'Customer' : m.author_type === 'automation' ? 'Clara' : m.author_type)}
                </Text>
                <Badge size="xs" variant={kind === 'note' ? 'filled' : 'light'} color={kind === 'note' ? 'yellow' : kind === 'reply' ? 'indigo' : 'gray'} c={kind === 'note' ? 'dark' : undefined}>
                  {s.label}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" title={formatDateTime(m.created_at)}>
                {formatRelative(m.created_at)}
              </Text>
            </Group>
            {m.author_type === 'automation' ? (
              <Markdown>{m.body}</Markdown>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            )}
            {actions?.(m)}
          </Paper>
        );
      })}
    </Stack>
  );
}
