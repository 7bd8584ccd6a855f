import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { formatRelative } from '../../../lib/time';
import { useMailStatus, type MailStatus } from '../api/operations';

function MailFacts({ status }: { status: MailStatus }) {
  return (
    <Stack gap="sm">
      {status.warnings.map((w) => (
        <Alert key={w} color="orange" variant="light" data-testid="mail-warning">
          {w}
        </Alert>
      ))}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Sending
          </Text>
          <Group>
            <Badge color={status.sending ? 'teal' : 'red'} variant="light" data-testid="mail-sending">
              {status.sending ? 'on' : 'off'}
            </Badge>
          </Group>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Waiting in the outbox
          </Text>
          <Text fw={600} data-testid="mail-waiting">
            {status.waiting}
            {status.oldest_waiting_at ? (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                (oldest {formatRelative(status.oldest_waiting_at)})
              </Text>
            ) : null}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Given up
          </Text>
          <Text fw={600} c={status.dead ? 'red' : undefined}>
            {status.dead}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Links in emails
          </Text>
          <Text size="sm">{status.links_base_url}</Text>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** Whether customers hear back: outgoing mail on or off, the outbox backlog, what failed. */
export function MailPanel() {
  const status = useMailStatus();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        Outgoing mail
      </Title>
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <MailFacts status={status.data} />
      )}
    </Paper>
  );
}
