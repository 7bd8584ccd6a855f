import { Badge, Button, Code, Group, Paper, SegmentedControl, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyBlock } from '../../../components/page-states';
import { QueryBlock } from '../../../components/query-block';
import { useCan } from '../../../lib/session';
import { formatRelative } from '../../../lib/time';
import { useDeadEmails, useDeadJobs, useRecentLogs, useRetryEmail, useRetryJob } from '../api/operations';

function Section({ title, description, children, right }: { title: string; description: string; children: React.ReactNode; right?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

export function FailedJobsPanel() {
  const jobs = useDeadJobs();
  const retry = useRetryJob();
  const canRetry = useCan('system:manage');
  return (
    <Section title="Failed jobs" description="Background work that failed on every attempt. Retrying starts it again with fresh attempts.">
      <QueryBlock query={jobs} empty={<EmptyBlock title="No failed jobs" description="Every background job finished or is still trying." />}>
        {(items) => (
        <Table striped aria-label="Failed jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Created</Table.Th>
              {canRetry && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((j) => (
              <Table.Tr key={j.id}>
                <Table.Td>
                  <Code>{j.name}</Code> #{j.id}
                </Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" lineClamp={2}>
                    {j.last_error ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {j.attempts}/{j.max_attempts}
                </Table.Td>
                <Table.Td>{formatRelative(j.created_at)}</Table.Td>
                {canRetry && (
                  <Table.Td>
                    <Button size="compact-sm" variant="light" loading={retry.isPending && retry.variables === j.id} onClick={() => retry.mutate(j.id)}>
                      Retry
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        )}
      </QueryBlock>
    </Section>
  );
}

export function DeadEmailsPanel() {
  const canManage = useCan('email:manage');
  const emails = useDeadEmails(canManage);
  const retry = useRetryEmail();
  if (!canManage) return null;
  return (
    <Section title="Email dead letters" description="Outgoing email the SMTP server refused on every attempt. Fix the cause (address, SMTP settings), then send again.">
      <QueryBlock query={emails} empty={<EmptyBlock title="No dead letters" description="Every email was sent or is still being retried." />}>
        {(items) => (
        <Table striped aria-label="Email dead letters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>To</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.to}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {e.subject}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {e.last_error ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.attempts}/{e.max_attempts}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" loading={retry.isPending && retry.variables === e.id} onClick={() => retry.mutate(e.id)}>
                    Send again
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        )}
      </QueryBlock>
    </Section>
  );
}

const LEVEL_COLOR = { warn: 'yellow', error: 'red', fatal: 'grape' } as const;

export function RecentErrorsPanel() {
  const [level, setLevel] = useState<'warn' | 'error'>('error');
  const logs = useRecentLogs(level);
  return (
    <Section
      title="Recent errors"
      description="The latest warnings and errors this server logged (kept in memory, newest first)."
      right={
        <SegmentedControl
          size="xs"
          aria-label="Lowest level shown"
          value={level}
          onChange={(v) => setLevel(v as 'warn' | 'error')}
          data={[
            { value: 'error', label: 'Errors' },
            { value: 'warn', label: 'Warnings too' },
          ]}
        />
      }
    >
      <QueryBlock
        query={logs}
        empty={<EmptyBlock title="Nothing logged" description={level === 'error' ? 'No errors since this server started.' : 'No warnings or errors since this server started.'} />}
      >
        {(items) => (
        <Stack gap="xs" aria-label="Recent log entries">
          {items.map((e, i) => (
            <Paper key={`${e.time}-${i}`} withBorder p="xs" radius="sm">
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Badge color={LEVEL_COLOR[e.level]} variant="light" size="sm">
                  {e.level}
                </Badge>
                <Text size="sm" fw={600}>
                  {e.msg}
                </Text>
                <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }}>
                  {formatRelative(e.time)}
                </Text>
              </Group>
              {e.err && (
                <Text size="sm" c="red.8">
                  {e.err.type}: {e.err.message}
                </Text>
              )}
              {Object.keys(e.context).length > 0 && (
                <Text size="xs" c="dimmed" ff="monospace">
                  {Object.entries(e.context)
                    .map(([k, v]) => `${k}=${String(v)}`)
                    .join('  ')}
                </Text>
              )}
              {e.err?.stack && (
                <Spoiler maxHeight={0} showLabel="Stack trace" hideLabel="Hide stack trace">
                  <Code block>{e.err.stack}</Code>
                </Spoiler>
              )}
            </Paper>
          ))}
        </Stack>
        )}
      </QueryBlock>
    </Section>
  );
}
