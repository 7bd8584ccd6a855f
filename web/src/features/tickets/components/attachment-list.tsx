import { Anchor, Group, Text } from '@mantine/core';
import type { TicketAttachment } from '../api/attachments';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A message's files (from email), each a download link: the server sends them as attachments, never inline. */
export function AttachmentList({ items }: { items: TicketAttachment[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap="xs" mt={6} aria-label="Attachments">
      {items.map((a) => (
        <Anchor key={a.id} href={`/api/attachments/${a.id}`} size="xs" download={a.filename} data-testid="attachment-link">
          📎 {a.filename}{' '}
          <Text span size="xs" c="dimmed">
            ({formatBytes(a.size)})
          </Text>
        </Anchor>
      ))}
    </Group>
  );
}
