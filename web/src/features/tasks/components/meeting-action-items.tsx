import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useCreateTask, useTasks, useUpdateTask } from '../api/tasks';
import type { Person } from './task-dialog';

/** A meeting's action items: tasks linked to it, added and ticked off from the meeting dialog. */
export function MeetingActionItems({ meetingId, people, canWrite }: { meetingId: string; people: Person[]; canWrite: boolean }) {
  const tasks = useTasks({ meeting_id: meetingId });
  const create = useCreateTask();
  const update = useUpdateTask();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    create.mutate({ title: title.trim(), assignee_id: assignee, meeting_id: meetingId }, { onSuccess: () => setTitle('') });
  };

  return (
    <Stack gap="xs" data-testid="action-items">
      <Title order={3} size="h6">
        Action items
      </Title>
      {tasks.isPending ? (
        <LoadingState label="Loading action items…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No action items yet.
        </Text>
      ) : (
        tasks.data.items.map((t) => (
          <Group key={t.id} gap="xs" wrap="nowrap">
            <Checkbox
              aria-label={`Done: ${t.title}`}
              checked={t.status === 'done'}
              disabled={!canWrite}
              onChange={(e) => update.mutate({ id: t.id, body: { status: e.currentTarget.checked ? 'done' : 'todo' } })}
            />
            <Text size="sm" style={{ flex: 1 }} td={t.status === 'done' ? 'line-through' : undefined}>
              {t.title}
            </Text>
            <Badge variant="default" size="sm" tt="none">
              {t.assignee?.name ?? 'Unassigned'}
            </Badge>
          </Group>
        ))
      )}
      {canWrite && (
        <form onSubmit={add}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label="New action item" placeholder="What needs doing?" value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} />
            <Select label="Owner" placeholder="Unassigned" data={people} value={assignee} onChange={setAssignee} clearable searchable w={180} />
            <Button type="submit" variant="light" loading={create.isPending} disabled={!title.trim()}>
              Add
            </Button>
          </Group>
          {create.isError && (
            <Text size="xs" c="red" role="alert" mt={4}>
              {errorMessage(create.error)}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}
