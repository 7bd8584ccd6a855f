import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';

function Stat({ label, value, hint, testId }: { label: string; value: number | string; hint?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function StatCards({ counts }: { counts: Dashboard['counts'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
      <Stat label="Open" value={counts.open} testId="stat-open" />
      <Stat label="New today" value={counts.new_today} testId="stat-new-today" />
      <Stat label="Escalated" value={counts.escalated} testId="stat-escalated" />
      <Stat label="Pending" value={counts.pending} hint="waiting on the customer" testId="stat-pending" />
      <Stat label="Unassigned" value={counts.unassigned} hint="unresolved, no owner" testId="stat-unassigned" />
    </SimpleGrid>
  );
}
