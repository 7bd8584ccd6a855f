import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { useTaskProgress } from '../api/tasks';

/** The dashboard's team task progress: open, done this week and overdue per member. */
export function TeamProgressCard() {
  const progress = useTaskProgress();
  return (
    <Paper withBorder p="md" radius="md" data-testid="team-progress">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Team progress
        </Title>
        <Anchor component={Link} to="/tasks" size="sm">
          Open the task board
        </Anchor>
      </Group>
      {progress.isPending ? (
        <LoadingState label="Loading task progress…" />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} title="Could not load task progress" />
      ) : progress.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No team members yet.
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label="Tasks per team member">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="40%">Member</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
              <Table.Th ta="right">Done this week</Table.Th>
              <Table.Th ta="right">Overdue</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.data.map((p) => (
              <Table.Tr key={p.user.id} data-testid="progress-row" data-user-id={p.user.id}>
                <Table.Td>{p.user.name}</Table.Td>
                <Table.Td ta="right" fw={600} data-testid="progress-open">
                  {p.open}
                </Table.Td>
                <Table.Td ta="right" data-testid="progress-done">
                  {p.done_this_week > 0 ? <Badge color="teal" variant="light">{p.done_this_week}</Badge> : 0}
                </Table.Td>
                <Table.Td ta="right" data-testid="progress-overdue">
                  {p.overdue > 0 ? <Badge color="red" variant="light">{p.overdue}</Badge> : 0}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
