import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatRelative } from '../../../lib/time';
import { useInboundEmails, useRetryInbound, type InboundEmailView, type InboundStatus } from '../api/inbound-emails';
import { sortInbound } from '../inbound-order';

const STATUS_COLOR: Record<InboundStatus, string> = { failed: 'red', received: 'yellow', processed: 'teal', ignored: 'gray' };
function RetryButton({ email }: { email: InboundEmailView }) {
  const retry = useRetryInbound();
  return (
    <Stack gap={2} align="flex-end">
      <Button size="compact-sm" variant="light" loading={retry.isPending} onClick={() => retry.mutate(email.id)} aria-label={`Retry ${email.subject ?? email.message_id}`}>
        Retry
      </Button>
      {retry.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(retry.error)}
        </Text>
      )}
    </Stack>
  );
}

export function InboundEmailsPanel() {
  const [status, setStatus] = useState<InboundStatus | 'all'>('all');
  const emails = useInboundEmails(status === 'all' ? null : status);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inbound-title">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Stack gap={0}>
          <Title order={2} size="h4" id="inbound-title">
            Incoming mail
          </Title>
          <Text size="sm" c="dimmed">
            Every email Clara received and what became of it. Fix the cause of a failure, then retry it.
          </Text>
        </Stack>
        <SegmentedControl
          size="xs"
          aria-label="Status"
          value={status}
          onChange={(v) => setStatus(v as InboundStatus | 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'failed', label: 'Failed' },
            { value: 'received', label: 'Waiting' },
            { value: 'processed', label: 'Processed' },
            { value: 'ignored', label: 'Ignored' },
          ]}
        />
      </Group>
      {emails.isPending ? (
        <LoadingState label="Loading incoming mail…" />
      ) : emails.isError ? (
        <ErrorState error={emails.error} onRetry={() => void emails.refetch()} />
      ) : emails.data.length === 0 ? (
        <EmptyBlock title={status === 'all' ? 'No mail received yet' : `No ${status === 'received' ? 'waiting' : status} mail`} description={status === 'failed' ? 'Every email was processed.' : 'Mail arrives from the IMAP mailboxes, CLARA_IMAP_URL or the built-in SMTP listener.'} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Incoming mail" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>From · subject</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortInbound(emails.data).map((e) => (
                <Table.Tr key={e.id} data-testid="inbound-row">
                  <Table.Td>
                    <Badge color={STATUS_COLOR[e.status]} variant="light">
                      {e.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={360}>
                    <Text size="sm" lineClamp={1}>
                      {e.subject || '(no subject)'}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {e.from ?? 'unknown sender'} · via {e.source}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={360}>
                    {e.error ? (
                      <Text size="sm" c="red.8" lineClamp={2}>
                        {e.error}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {e.outcome ?? '—'}
                      </Text>
                    )}
                    {e.ticket_id && (
                      <Text size="xs" component={Link} to={`/tickets/${e.ticket_id}`} c="indigo">
                        Open ticket
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Tooltip label={formatDateTime(e.received_at)}>
                      <Text size="sm">{formatRelative(e.received_at)}</Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td ta="right">{e.status === 'failed' && <RetryButton email={e} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
