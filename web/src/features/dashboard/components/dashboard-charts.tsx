import '@mantine/charts/styles.css';
import { AreaChart, BarChart, DonutChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Dashboard } from '@shared/modules/dashboard/dashboard.schema';

const CATEGORY_COLORS: Record<string, string> = { technical: 'indigo.6', billing: 'teal.6', general: 'gray.6' };
const PRIORITY_COLORS: Record<string, string> = { urgent: 'red.6', high: 'orange.5', normal: 'blue.5', low: 'gray.5' };

function ChartCard({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5">
            {title}
          </Title>
          {subtitle && (
            <Text size="xs" c="dimmed">
              {subtitle}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

export function VolumeChart({ volume, days }: { volume: Dashboard['volume']; days: number }) {
  const data = volume.map((v) => ({ day: v.day.slice(5), Created: v.created, Resolved: v.resolved }));
  return (
    <ChartCard title="Ticket volume" subtitle={`Created and resolved per day, last ${days} days`}>
      <AreaChart
        h={240}
        data={data}
        dataKey="day"
        curveType="monotone"
        withDots={false}
        tickLine="none"
        gridAxis="y"
        withLegend
        series={[
          { name: 'Created', color: 'indigo.6' },
          { name: 'Resolved', color: 'teal.6' },
        ]}
      />
    </ChartCard>
  );
}

export function BreakdownCharts({ data }: { data: Dashboard }) {
  const byCategory = data.by_category.map((c) => ({ name: c.category, value: c.count, color: CATEGORY_COLORS[c.category] ?? 'gray.6' }));
  const total = byCategory.reduce((n, c) => n + c.value, 0);
  const byPriority = data.by_priority.map((p) => ({ priority: p.priority, Tickets: p.count, color: PRIORITY_COLORS[p.priority] ?? 'indigo.6' }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <ChartCard title="Unresolved by category" subtitle="Open, pending and escalated tickets">
        <Group justify="center" gap="xl" wrap="wrap">
          <DonutChart data={byCategory.filter((c) => c.value > 0).length ? byCategory : [{ name: 'none', value: 1, color: 'gray.3' }]} size={150} thickness={22} chartLabel={total} withTooltip={total > 0} />
          <Stack gap={4}>
            {byCategory.map((c) => (
              <Group key={c.name} gap="xs">
                <div style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${c.color.replace('.', '-')})` }} />
                <Text size="sm" tt="capitalize">
                  {c.name}
                </Text>
                <Text size="sm" fw={600} data-testid={`by-category-${c.name}`}>
                  {c.value}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
      </ChartCard>
      <ChartCard title="Unresolved by priority">
        <BarChart
          h={180}
          data={byPriority}
          dataKey="priority"
          series={[{ name: 'Tickets', color: 'indigo.6' }]}
          barProps={{ radius: 4 }}
          tickLine="none"
          gridAxis="y"
          withBarValueLabel
        />
      </ChartCard>
    </SimpleGrid>
  );
}
