import { Group, Paper, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';
import { formatDuration } from '../../../lib/time';

type Compliance = Dashboard['sla']['first_response'];

function complianceColor(percent: number | null): string {
  if (percent === null) return 'gray';
  if (percent >= 90) return 'teal';
  if (percent >= 75) return 'yellow';
  return 'red';
}

function SlaCard({ title, c, median, testId }: { title: string; c: Compliance; median: number | null; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group wrap="nowrap" gap="md">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: c.percent ?? 0, color: complianceColor(c.percent) }]}
          label={
            <Text ta="center" fw={700} size="sm" data-testid={`${testId}-percent`}>
              {c.percent === null ? '–' : `${c.percent}%`}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {c.met} met · {c.breached} breached
          </Text>
          <Text size="sm">
            Median (team, without Clara&apos;s automatic answers): <b data-testid={`${testId}-median`}>{median === null ? '–' : formatDuration(median)}</b>
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function AutoResolveCard({ a, days }: { a: Dashboard['auto_resolve']; days: number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group wrap="nowrap" gap="md">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: a.percent ?? 0, color: 'grape' }]}
          label={
            <Text ta="center" fw={700} size="sm" data-testid="auto-resolve-percent">
              {a.percent === null ? '–' : `${a.percent}%`}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text fw={600}>Auto-resolve rate</Text>
          <Text size="sm" c="dimmed">
            {a.succeeded} of {a.total} tickets in {days} days resolved by Clara and stayed resolved
          </Text>
          <Text size="sm">
            Failed (the customer came back): <b data-testid="auto-resolve-reopened">{a.reopened}</b> of {a.auto_resolved}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function SlaCards({ data }: { data: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <SlaCard title="First response SLA" c={data.sla.first_response} median={data.median_seconds.first_response} testId="sla-first-response" />
      <SlaCard title="Resolution SLA" c={data.sla.resolution} median={data.median_seconds.resolution} testId="sla-resolution" />
      <AutoResolveCard a={data.auto_resolve} days={data.window_days} />
    </SimpleGrid>
  );
}
