import { Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskStatus } from '@shared/modules/tasks/task-fields';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { errorMessage } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { useUsers } from '../../features/users/api/list-users';
import { taskKeys, useTasks, useUpdateTask, type Task, type TaskFilters } from '../../features/tasks/api/tasks';
import { moveTask, STATUS_LABELS } from '../../features/tasks/board';
import { TaskBoard } from '../../features/tasks/components/task-board';
import { TaskDialog } from '../../features/tasks/components/task-dialog';

export function TasksPage() {
  const { user, can } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // Notifications link here with ?filter=overdue.
  const mine = params.get('mine') === '1' || params.get('filter') === 'mine';
  const overdue = params.get('overdue') === '1' || params.get('filter') === 'overdue';
  const assignee = params.get('assignee');
  const filters: TaskFilters = { assignee: mine ? 'me' : (assignee ?? undefined), overdue: overdue || undefined };
  const tasks = useTasks(filters);
  const users = useUsers({ active: 'true' }, { enabled: can('users:read') });
  const people = (users.data ?? []).filter((u) => u.role !== 'viewer').map((u) => ({ value: u.id, label: u.name }));
  const update = useUpdateTask();
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const canWrite = can('tasks:write');
  useHotkeys([['n', () => canWrite && setEditing('new')]]);

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete('filter');
    if (mine) next.set('mine', '1');
    if (overdue) next.set('overdue', '1');
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const onMove = (task: Task, to: TaskStatus) => {
    const moved = moveTask(task, to);
    if (!moved) {
      notifications.show({ color: 'orange', message: `A ${STATUS_LABELS[task.status].toLowerCase()} task cannot move to ${STATUS_LABELS[to].toLowerCase()}.` });
      return;
    }
    const key = taskKeys.list(filters);
    queryClient.setQueryData<{ items: Task[]; total: number }>(key, (d) => d && { ...d, items: d.items.map((t) => (t.id === task.id ? moved : t)) });
    update.mutate(
      { id: task.id, body: { status: to } },
      { onError: (err) => notifications.show({ color: 'red', title: 'Could not move the task', message: errorMessage(err) }) },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Tasks"
        description={canWrite ? 'Drag a card (or focus its handle, press space, then ← →) to change its status.' : 'The team’s tasks by status (read-only).'}
        actions={canWrite && <Button onClick={() => setEditing('new')}>New task</Button>}
      />
      <Group gap="lg" align="flex-end">
        <Switch label="Mine" checked={mine} onChange={(e) => setFilter('mine', e.currentTarget.checked ? '1' : null)} />
        <Switch label="Overdue" checked={overdue} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? '1' : null)} />
        <Select
          label="Assignee"
          placeholder="Anyone"
          data={people}
          value={mine ? user.id : assignee}
          disabled={mine}
          onChange={(v) => setFilter('assignee', v)}
          clearable
          searchable
          w={220}
        />
        {tasks.data && (
          <Text size="sm" c="dimmed" ml="auto">
            {tasks.data.total} task{tasks.data.total === 1 ? '' : 's'}
          </Text>
        )}
      </Group>
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} title="Could not load tasks" />
      ) : tasks.data.items.length === 0 && !mine && !overdue && !assignee ? (
        <EmptyBlock
          title="No tasks yet"
          description="Create one here, or add action items from a meeting."
          action={canWrite && <Button onClick={() => setEditing('new')}>New task</Button>}
        />
      ) : (
        <TaskBoard tasks={tasks.data.items} timezone={user.timezone} onOpen={setEditing} onMove={onMove} canMove={canWrite} />
      )}
      {editing !== null && (
        <TaskDialog
          opened
          onClose={() => setEditing(null)}
          task={editing === 'new' ? null : editing}
          people={people}
          timezone={user.timezone}
          defaults={{ assigneeId: user.role === 'viewer' ? null : user.id }}
        />
      )}
    </Stack>
  );
}
