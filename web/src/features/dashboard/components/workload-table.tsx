import { Badge, Paper, Progress, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';

export function WorkloadTable({ workload, unassigned }: { workload: Dashboard['workload']; unassigned: number }) {
  const max = Math.max(1, unassigned, ...workload.map((w) => w.open));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb="sm">
        Workload per agent
      </Title>
      {workload.length === 0 ? (
        <Text c="dimmed" size="sm">
          No agents yet.
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label="Unresolved tickets per assignee">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Agent</Table.Th>
              <Table.Th w="45%">Unresolved tickets</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
              <Table.Th ta="right">Escalated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workload.map((w) => (
              <Table.Tr key={w.user_id} data-testid="workload-row">
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>
                  <Progress value={(w.open / max) * 100} size="md" aria-label={`${w.name}: ${w.open} unresolved`} />
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {w.open}
                </Table.Td>
                <Table.Td ta="right">{w.escalated > 0 ? <Badge color="red" variant="light">{w.escalated}</Badge> : 0}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">Unassigned</Table.Td>
              <Table.Td>
                <Progress value={(unassigned / max) * 100} size="md" color="gray" aria-label={`Unassigned: ${unassigned}`} />
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {unassigned}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
