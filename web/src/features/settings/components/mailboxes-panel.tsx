import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatRelative } from '../../../lib/time';
import { useDeleteMailbox, useMailboxes } from '../api/mailboxes';
import type { MailboxView } from '../mailbox-form';
import { MailboxDialog } from './mailbox-dialog';

export type EmailFeatures = Partial<Record<'email_outbound' | 'email_smtp_listener' | 'email_imap', { enabled: boolean; detail: string }>>;

function MailboxStatus({ mailbox }: { mailbox: MailboxView }) {
  if (!mailbox.enabled) return <Badge color="gray" variant="light">Disabled</Badge>;
  if (mailbox.last_error)
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light">
          Failing
        </Badge>
        <Text size="xs" c="red.8" lineClamp={2} maw={320} data-testid="mailbox-error">
          {mailbox.last_error}
        </Text>
      </Stack>
    );
  if (!mailbox.last_polled_at) return <Badge color="yellow" variant="light">Not polled yet</Badge>;
  return (
    <Tooltip label={formatDateTime(mailbox.last_polled_at)}>
      <Badge color="teal" variant="light" tt="none">
        OK · polled {formatRelative(mailbox.last_polled_at)}
      </Badge>
    </Tooltip>
  );
}

function DeleteMailbox({ mailbox, onClose }: { mailbox: MailboxView; onClose: () => void }) {
  const remove = useDeleteMailbox();
  return (
    <Modal opened onClose={onClose} title={`Delete ${mailbox.name}?`}>
      <Stack>
        <Text size="sm">Clara stops reading {mailbox.username}. Tickets and emails already received stay.</Text>
        {remove.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(mailbox.id, { onSuccess: onClose })}>
            Delete mailbox
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const FEATURE_LABELS = { email_outbound: 'Outgoing (SMTP)', email_smtp_listener: 'SMTP listener', email_imap: 'IMAP polling' } as const;

/** What the environment configures (CLARA_SMTP_URL, CLARA_IMAP_URL, …), as /health reports it. */
function EnvironmentStatus({ features }: { features: EmailFeatures }) {
  const rows = (Object.keys(FEATURE_LABELS) as (keyof typeof FEATURE_LABELS)[]).filter((k) => features[k]);
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="email-env-title">
      <Title order={2} size="h4" id="email-env-title">
        Email channel
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Set in the server environment (CLARA_SMTP_URL, CLARA_IMAP_URL, CLARA_SMTP_LISTEN_PORT); change them there and restart.
      </Text>
      <Stack gap={6}>
        {rows.map((k) => (
          <Group key={k} gap="sm" wrap="nowrap" align="baseline">
            <Badge color={features[k]!.enabled ? 'teal' : 'gray'} variant="light" w={70} style={{ flexShrink: 0 }}>
              {features[k]!.enabled ? 'on' : 'off'}
            </Badge>
            <Text size="sm" fw={500} w={130} style={{ flexShrink: 0 }}>
              {FEATURE_LABELS[k]}
            </Text>
            <Text size="sm" c="dimmed">
              {features[k]!.detail}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function MailboxesPanel({ features }: { features?: EmailFeatures }) {
  const mailboxes = useMailboxes();
  const [editing, setEditing] = useState<MailboxView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MailboxView | null>(null);
  return (
    <Stack gap="md">
      {features && <EnvironmentStatus features={features} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mailboxes-title">
        <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Title order={2} size="h4" id="mailboxes-title">
              IMAP mailboxes
            </Title>
            <Text size="sm" c="dimmed">
              Clara reads new mail from these mailboxes every minute and turns it into tickets or replies.
            </Text>
          </Stack>
          <Button variant="light" onClick={() => setEditing('new')} style={{ flexShrink: 0 }}>
            Add mailbox
          </Button>
        </Group>
        {mailboxes.isPending ? (
          <LoadingState label="Loading mailboxes…" />
        ) : mailboxes.isError ? (
          <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />
        ) : mailboxes.data.length === 0 ? (
          <EmptyBlock title="No mailboxes" description="Add the IMAP mailbox your customers write to, or set CLARA_IMAP_URL in the environment." />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="IMAP mailboxes" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Mailbox</Table.Th>
                  <Table.Th>Server</Table.Th>
                  <Table.Th>After reading</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mailboxes.data.map((m) => (
                  <Table.Tr key={m.id} data-testid="mailbox-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {m.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.username} · {m.folder}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {m.host}:{m.port}
                      </Text>
                      <Text size="xs" c={m.secure ? 'dimmed' : 'orange.8'}>
                        {m.secure ? 'TLS' : 'no TLS'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.move_to ? `Move to ${m.move_to}` : 'Mark as read'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <MailboxStatus mailbox={m} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(m)} aria-label={`Delete ${m.name}`}>
                        Delete
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && <MailboxDialog key={editing === 'new' ? 'new' : editing.id} mailbox={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteMailbox mailbox={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
