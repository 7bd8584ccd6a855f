import { Alert, Badge, Button, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useQueueMembers, useSetQueueMembers, type AssignmentMode, type QueueMembers } from '../api/queue-members';
import { useQueueWarnings, useQueues, useUpdateQueue, type Queue } from '../api/queues';

export const ASSIGNMENT_LABELS: Record<AssignmentMode, string> = {
  none: 'No auto-assignment',
  round_robin: 'Round-robin',
  least_loaded: 'Least loaded',
};

export interface StaffOption {
  value: string;
  label: string;
}

function MembersEditor({ queue, data, staff, onDone }: { queue: Queue; data: QueueMembers; staff: StaffOption[]; onDone: () => void }) {
  const save = useSetQueueMembers(queue.id);
  const describe = useUpdateQueue(queue.id);
  const [description, setDescription] = useState(queue.description);
  const [members, setMembers] = useState(data.members.map((m) => m.user_id));
  const [assignment, setAssignment] = useState<AssignmentMode>(data.assignment);
  // Keep current members selectable even when the staff list does not show them (a deactivated agent).
  const options = [...staff, ...data.members.filter((m) => !staff.some((s) => s.value === m.user_id)).map((m) => ({ value: m.user_id, label: m.name }))];
  return (
    <Stack gap="sm">
      <Textarea
        label="Description"
        description="What belongs in this queue, in your team's words (products, topics, payment methods). Clara's classifier reads it when it sorts new tickets."
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <MultiSelect label={`Members of ${queue.name}`} data={options} value={members} onChange={setMembers} searchable clearable nothingFoundMessage="No one found" />
      <Select
        label="Assignment"
        data={Object.entries(ASSIGNMENT_LABELS).map(([value, label]) => ({ value, label }))}
        value={assignment}
        onChange={(v) => v && setAssignment(v as AssignmentMode)}
        allowDeselect={false}
      />
      {(save.isError || describe.isError) && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(describe.error ?? save.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="subtle" onClick={onDone}>
          Cancel
        </Button>
        <Button
          loading={save.isPending || describe.isPending}
          onClick={async () => {
            try {
              if (description.trim() !== queue.description) await describe.mutateAsync({ description: description.trim() });
              await save.mutateAsync({ user_ids: members, assignment });
              notifications.show({ color: 'teal', message: `${queue.name} saved.` });
              onDone();
            } catch {
              // shown in the alert above
            }
          }}
        >
          Save queue
        </Button>
      </Group>
    </Stack>
  );
}

function QueueRow({ queue, staff, canManage }: { queue: Queue; staff: StaffOption[]; canManage: boolean }) {
  const members = useQueueMembers(queue.id);
  const [editing, setEditing] = useState(false);
  const m = members.data;
  return (
    <Table.Tr data-testid="queue-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {queue.name}
          {!queue.active && (
            <Badge ml={6} size="xs" color="gray" variant="light">
              inactive
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2} data-testid="queue-description">
          Tier {queue.tier}
          {queue.description ? ` · ${queue.description}` : ''}
        </Text>
      </Table.Td>
      {members.isPending ? (
        <Table.Td colSpan={2}>
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        </Table.Td>
      ) : members.isError ? (
        <Table.Td colSpan={2}>
          <Text size="sm" c="red" role="alert">
            {errorMessage(members.error)}
          </Text>
        </Table.Td>
      ) : (
        <>
          <Table.Td>
            <Badge variant="light" color={m!.assignment === 'none' ? 'gray' : 'indigo'} tt="none" miw="max-content">
              {ASSIGNMENT_LABELS[m!.assignment]}
            </Badge>
          </Table.Td>
          <Table.Td>
            {m!.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                No members
              </Text>
            ) : (
              <Group gap={4}>
                {m!.members.map((u) => (
                  <Tooltip key={u.user_id} label={`${u.role} · ${u.open_tickets} open ticket${u.open_tickets === 1 ? '' : 's'}`}>
                    <Badge variant="default" tt="none" c={u.active ? undefined : 'dimmed'}>
                      {u.name}
                      {u.active ? '' : ' (deactivated)'} · {u.open_tickets}
                    </Badge>
                  </Tooltip>
                ))}
              </Group>
            )}
          </Table.Td>
        </>
      )}
      {canManage && (
        <Table.Td ta="right">
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)} disabled={!m} aria-label={`Edit ${queue.name}`}>
            Edit
          </Button>
          {editing && m && (
            <Modal opened onClose={() => setEditing(false)} title={`Queue: ${queue.name}`}>
              <MembersEditor queue={queue} data={m} staff={staff} onDone={() => setEditing(false)} />
            </Modal>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function QueueWarnings() {
  const warnings = useQueueWarnings();
  if (!warnings.data?.length) return null;
  return (
    <Stack gap="xs" mb="sm" data-testid="queue-warnings">
      {warnings.data.map((w) => (
        <Alert key={w.queue_id} color="orange" variant="light" title={`${w.queue} has no members`} data-testid="queue-warning">
          Tickets sent here wait unassigned and nobody is told: {w.sources.join('; ')}. Add members (Edit {w.queue}) or change what sends tickets here.
        </Alert>
      ))}
    </Stack>
  );
}

export function QueuesPanel({ staff, canManage }: { staff: StaffOption[]; canManage: boolean }) {
  const queues = useQueues();
  if (queues.isPending) return <LoadingState label="Loading queues…" />;
  if (queues.isError) return <ErrorState error={queues.error} onRetry={() => void queues.refetch()} />;
  if (queues.data.length === 0) return <EmptyBlock title="No queues" />;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="queues-title">
      <Title order={2} size="h4" id="queues-title">
        Queues
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        New tickets in a queue with auto-assignment go to one of its active members: in turn (round-robin) or to whoever has the fewest open tickets. A queue's description tells Clara's classifier which tickets belong there.
      </Text>
      <QueueWarnings />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Queues" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Queue</Table.Th>
              <Table.Th>Assignment</Table.Th>
              <Table.Th>Members · open tickets</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.data.map((q) => (
              <QueueRow key={q.id} queue={q} staff={staff} canManage={canManage} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
