import { Badge, Code, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/time';
import type { AuditEntry } from '../api/list-audit';

function actionColor(action: string): string {
  if (action.endsWith('failed')) return 'red';
  if (action.startsWith('auth.')) return 'gray';
  if (action.startsWith('token.')) return 'grape';
  if (action.startsWith('user.')) return 'indigo';
  return 'teal';
}

export function AuditTable({ entries, actorName }: { entries: AuditEntry[]; actorName: (id: string) => string | undefined }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" striped aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th>IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row">
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.created_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={actionColor(e.action)} tt="none">
                  {e.action}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor_id ? (actorName(e.actor_id) ?? `${e.actor_type} ${e.actor_id.slice(0, 8)}`) : e.actor_type}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {e.target_type ? `${e.target_type}${e.target_id ? ` ${actorName(e.target_id) ?? e.target_id.slice(0, 8)}` : ''}` : '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                {Object.keys(e.details).length ? (
                  <Code fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {JSON.stringify(e.details)}
                  </Code>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {e.ip ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
