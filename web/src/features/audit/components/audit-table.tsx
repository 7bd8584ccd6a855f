import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/time';
import type { AuditEntry } from '../api/list-audit';

function actionColor(action: string): string {
  if (action.endsWith('failed')) return 'red';
  if (action.startsWith('auth.')) return 'gray';
  if (action.startsWith('token.')) return 'grape';
  if (action.startsWith('user.')) return 'indigo';
  return 'teal';
}

type Change = { old?: unknown; new?: unknown };
const shown = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

// A write's changed fields, one per line: "field: old → new" (only "new" on create, only "old" on delete).
function Details({ details }: { details: Record<string, unknown> }) {
  const { changes, ...rest } = details as { changes?: Record<string, Change> };
  const lines = Object.entries(changes ?? {}).map(([field, c]) =>
    'old' in c && 'new' in c ? `${field}: ${shown(c.old)} → ${shown(c.new)}` : 'new' in c ? `${field}: ${shown(c.new)}` : `${field} was ${shown(c.old)}`,
  );
  if (lines.length === 0 && Object.keys(rest).length === 0) return <>—</>;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="xs" data-testid="audit-change" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
      {Object.keys(rest).length > 0 && (
        <Code fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(rest)}
        </Code>
      )}
    </Stack>
  );
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
                <Details details={e.details} />
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
