import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../../lib/time';
import type { KbArticleSummary } from '../api/types';
import { ArticleStatusBadge } from './article-badges';

export function ArticleTable({ articles }: { articles: KbArticleSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Articles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {articles.map((a) => (
            <Table.Tr key={a.id} data-testid="article-row">
              <Table.Td maw={380}>
                <Anchor component={Link} to={`/kb/${a.id}`} fw={500} size="sm" lineClamp={1} c="var(--mantine-color-text)">
                  {a.title}
                </Anchor>
                {a.tags.length > 0 && (
                  <Group gap={4} mt={2}>
                    {a.tags.slice(0, 4).map((t) => (
                      <Badge key={t} size="xs" variant="default" tt="none">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" tt="capitalize">
                  {a.category}
                </Text>
              </Table.Td>
              <Table.Td>
                <ArticleStatusBadge status={a.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">v{a.version}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" title={formatDateTime(a.updated_at)}>
                  {formatRelative(a.updated_at)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
