import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDuration } from '../../../lib/time';
import type { Health } from '../api/health';

const ACRONYMS: Record<string, string> = { llm: 'LLM', smtp: 'SMTP', imap: 'IMAP', pgvector: 'pgvector' };
const featureName = (key: string) => {
  const words = key.split('_').map((w) => ACRONYMS[w] ?? w);
  const first = words[0]!;
  return [first === 'pgvector' ? first : first[0]!.toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

export function HealthPanel({ health }: { health: Health }) {
  const jobs: { key: keyof Health['jobs']; label: string; bad?: boolean }[] = [
    { key: 'due', label: 'Due now' },
    { key: 'pending', label: 'Pending (incl. scheduled)' },
    { key: 'running', label: 'Running' },
    { key: 'completed', label: 'Completed' },
    { key: 'dead', label: 'Dead (failed for good)', bad: true },
  ];
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label="Status">
            <Badge color={health.status === 'ok' ? 'teal' : 'red'} size="lg" data-testid="health-status">
              {health.status}
            </Badge>
          </Fact>
          <Fact label="Version">
            <Text fw={600}>{health.version}</Text>
          </Fact>
          <Fact label="Uptime">
            <Text fw={600}>{formatDuration(health.uptime_seconds)}</Text>
          </Fact>
          <Fact label="Database">
            <Group gap={6}>
              <Text fw={600} data-testid="health-driver">
                {health.db.driver === 'pglite' ? 'Embedded PGlite' : 'PostgreSQL'}
              </Text>
              <Badge color={health.db.ok ? 'teal' : 'red'} variant="light">
                {health.db.ok ? 'reachable' : 'failing'}
              </Badge>
              <Badge color={health.db.vector ? 'teal' : 'gray'} variant="light">
                pgvector {health.db.vector ? 'on' : 'off'}
              </Badge>
            </Group>
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h5" mb="sm">
          Background jobs
        </Title>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {jobs.map((j) => (
            <Fact key={j.key} label={j.label}>
              <Text fw={700} size="xl" c={j.bad && health.jobs[j.key] > 0 ? 'red' : undefined} data-testid={`jobs-${j.key}`}>
                {health.jobs[j.key]}
              </Text>
            </Fact>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h5" mb="sm">
          Features
        </Title>
        <Table aria-label="Features">
          <Table.Tbody>
            {Object.entries(health.features).map(([name, f]) => (
              <Table.Tr key={name}>
                <Table.Td w={200}>{featureName(name)}</Table.Td>
                <Table.Td>
                  <Badge color={f.enabled ? 'teal' : 'gray'} variant="light">
                    {f.enabled ? 'on' : 'off'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {f.detail}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
