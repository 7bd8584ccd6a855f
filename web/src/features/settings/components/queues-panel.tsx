import { Alert, Badge, Button, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useQueueMembers, useSetQueueMembers, type AssignmentMode, type QueueMembers } from '../api/queue-members';
import { useArchiveQueue, useCreateQueue, useQueueWarnings, useQueues, useRestoreQueue, useUpdateQueue, type Queue } from '../api/queues';

export const ASSIGNMENT_LABELS: Record<AssignmentMode, string> = {
  none: 'No auto-assignment',
  round_robin: 'Round-robin',
  least_loaded: 'Least loaded',
};

export interface StaffOption {
  value: string;
  label: string;
}

function ArchiveQueue({ queue, others, onDone }: { queue: Queue; others: Queue[]; onDone: () => void }) {
  const archive = useArchiveQueue(queue.id);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="archive-queue">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Archive {queue.name}
        </Text>
        <Text size="xs" c="dimmed">
          Its tickets, the routes and the escalation rules that send tickets here move to the queue you choose; the queue then takes no new tickets. You can restore it later.
        </Text>
        <Group align="flex-end" gap="sm">
          <Select
            label="Move its tickets to"
            data={others.map((q) => ({ value: q.id, label: q.name }))}
            value={moveTo}
            onChange={setMoveTo}
            w={240}
            comboboxProps={{ withinPortal: false }}
          />
          <Button
            color="red"
            variant="light"
            disabled={!moveTo}
            loading={archive.isPending}
            onClick={() =>
              moveTo &&
              archive.mutate(moveTo, {
                onSuccess: (r) => {
                  notifications.show({ color: 'teal', message: `${r.queue.name} archived; ${r.moved_tickets} ticket${r.moved_tickets === 1 ? '' : 's'} moved to ${r.moved_to.name}.` });
                  onDone();
                },
              })
            }
          >
            Archive queue
          </Button>
        </Group>
        {archive.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(archive.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function MembersEditor({ queue, data, staff, others, onDone }: { queue: Queue; data: QueueMembers; staff: StaffOption[]; others: Queue[]; onDone: () => void }) {
  const save = useSetQueueMembers(queue.id);
  const describe = useUpdateQueue(queue.id);
  const [name, setName] = useState(queue.name);
  const [description, setDescription] = useState(queue.description);
  const [members, setMembers] = useState(data.members.map((m) => m.user_id));
  const [assignment, setAssignment] = useState<AssignmentMode>(data.assignment);
  // Keep current members selectable even when the staff list does not show them (a deactivated agent).
  const options = [...staff, ...data.members.filter((m) => !staff.some((s) => s.value === m.user_id)).map((m) => ({ value: m.user_id, label: m.name }))];
  return (
    <Stack gap="sm">
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} required />
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
              const change = {
                ...(name.trim() !== queue.name ? { name: name.trim() } : {}),
                ...(description.trim() !== queue.description ? { description: description.trim() } : {}),
              };
              if (Object.keys(change).length > 0) await describe.mutateAsync(change);
              await save.mutateAsync({ user_ids: members, assignment });
              notifications.show({ color: 'teal', message: `${name.trim()} saved.` });
              onDone();
            } catch {
              // shown in the alert above
            }
          }}
        >
          Save queue
        </Button>
      </Group>
      {others.length > 0 && <ArchiveQueue queue={queue} others={others} onDone={onDone} />}
    </Stack>
  );
}

function NewQueueButton() {
  const create = useCreateQueue();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const close = () => {
    setOpen(false);
    setName('');
    setDescription('');
    create.reset();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        New queue
      </Button>
      <Modal opened={open} onClose={close} title="New queue">
        <Stack gap="sm">
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} required data-autofocus />
          <Textarea label="Description" description="What belongs in this queue, in your team's words." value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={name.trim().length < 2}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { name: name.trim(), description: description.trim() || undefined },
                  {
                    onSuccess: (q) => {
                      notifications.show({ color: 'teal', message: `${q.name} created. Add members so its tickets get handed out.` });
                      close();
                    },
                  },
                )
              }
            >
              Create queue
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function QueueRow({ queue, staff, canManage, others }: { queue: Queue; staff: StaffOption[]; canManage: boolean; others: Queue[] }) {
  const members = useQueueMembers(queue.id);
  const restore = useRestoreQueue(queue.id);
  const [editing, setEditing] = useState(false);
  const m = members.data;
  return (
    <Table.Tr data-testid="queue-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {queue.name}
          {!queue.active && (
            <Badge ml={6} size="xs" color="gray" variant="light" data-testid="queue-archived">
              archived
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
          {queue.active ? (
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)} disabled={!m} aria-label={`Edit ${queue.name}`}>
              Edit
            </Button>
          ) : (
            <Button size="compact-sm" variant="subtle" loading={restore.isPending} onClick={() => restore.mutate()} aria-label={`Restore ${queue.name}`}>
              Restore
            </Button>
          )}
          {editing && m && (
            <Modal opened onClose={() => setEditing(false)} title={`Queue: ${queue.name}`}>
              <MembersEditor queue={queue} data={m} staff={staff} others={others} onDone={() => setEditing(false)} />
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
          Tickets sent here wait unassigned and nobody is told.
          {w.routes.length > 0 && ` New tickets are routed here (${w.routes.join(', ')}).`}
          {w.rules.length > 0 && ` Escalation rules send tickets here: ${w.rules.join(', ')}.`} Add members (Edit {w.queue}) or change what sends tickets here.
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
      <Group justify="space-between">
        <Title order={2} size="h4" id="queues-title">
          Queues
        </Title>
        {canManage && <NewQueueButton />}
      </Group>
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
              <QueueRow key={q.id} queue={q} staff={staff} canManage={canManage} others={queues.data.filter((o) => o.active && o.id !== q.id)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
