import { Button, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../../components/markdown';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { formatDateTime, formatRelative } from '../../../lib/time';
import { useArticleVersions } from '../api/articles';
import type { KbVersion } from '../api/types';

export function VersionList({ articleId, current, authorName }: { articleId: string; current: number; authorName: (id: string | null) => string }) {
  const versions = useArticleVersions(articleId);
  const [open, setOpen] = useState<KbVersion | null>(null);
  if (versions.isPending) return <LoadingState label="Loading versions…" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = [...versions.data].sort((a, b) => b.version - a.version);
  return (
    <>
      <Table verticalSpacing={4} aria-label="Versions" fz="sm">
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Text size="sm" fw={v.version === current ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
                  v{v.version}
                  {v.version === current ? ' (current)' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" title={formatDateTime(v.created_at)}>
                  {authorName(v.author_id)} · {formatRelative(v.created_at)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="subtle" onClick={() => setOpen(v)} aria-label={`Show version ${v.version}`}>
                  Show
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open ? `Version ${open.version}: ${open.title}` : ''} size="xl">
        {open && <Markdown>{open.body}</Markdown>}
      </Modal>
    </>
  );
}
