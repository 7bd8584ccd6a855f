import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { formatMinutes } from '../../lib/time';
import { useQueues, useSlas } from '../../features/settings/api/queues';
import { PriorityBadge } from '../../features/tickets/components/ticket-badges';

function QueuesCard() {
  const queues = useQueues();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        Queues
      </Title>
      {queues.isPending ? (
        <LoadingState />
      ) : queues.isError ? (
        <ErrorState error={queues.error} onRetry={() => void queues.refetch()} />
      ) : queues.data.length === 0 ? (
        <EmptyBlock title="No queues" />
      ) : (
        <Table aria-label="Queues" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Tier</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.data.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td fw={500}>{q.name}</Table.Td>
                <Table.Td>{q.tier}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {q.description}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={q.active ? 'teal' : 'gray'} variant="light">
                    {q.active ? 'active' : 'inactive'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function SlasCard() {
  const slas = useSlas();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        SLA policies
      </Title>
      {slas.isPending ? (
        <LoadingState />
      ) : slas.isError ? (
        <ErrorState error={slas.error} onRetry={() => void slas.refetch()} />
      ) : slas.data.length === 0 ? (
        <EmptyBlock title="No SLA policies" description="Tickets get no deadlines." />
      ) : (
        <Table aria-label="SLA policies" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Policy</Table.Th>
              <Table.Th>First response within</Table.Th>
              <Table.Th>Resolution within</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slas.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <PriorityBadge priority={s.priority} />
                </Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{formatMinutes(s.first_response_minutes)}</Table.Td>
                <Table.Td>{formatMinutes(s.resolution_minutes)}</Table.Td>
                <Table.Td>
                  <Badge color={s.active ? 'teal' : 'gray'} variant="light">
                    {s.active ? 'active' : 'inactive'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function SettingsPage() {
  return (
    <Stack gap="md">
      <PageHeader title="Settings" description="Queues and SLA policies (read-only here; deadlines run on wall-clock time)." />
      <QueuesCard />
      <SlasCard />
    </Stack>
  );
}
