import { Alert, Anchor, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@shared/modules/tasks/task-fields';
import { CreateTaskBody } from '@shared/modules/tasks/tasks.schema';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { findTicketByNumber, useCreateTask, useUpdateTask, type Task } from '../api/tasks';
import { STATUS_LABELS } from '../board';
import { TaskActivity } from './task-activity';

export interface Person {
  value: string;
  label: string;
}

interface Form {
  title: string;
  description: string;
  assigneeId: string | null;
  due: string;
  priority: TaskPriority;
  status: TaskStatus;
  tags: string[];
  ticketNumber: number | string;
}

const WALL = "yyyy-MM-dd'T'HH:mm";

function toForm(task: Task | null, timezone: string, defaults: Partial<Form>): Form {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    assigneeId: task ? (task.assignee?.id ?? null) : (defaults.assigneeId ?? null),
    due: task?.due_at ? DateTime.fromISO(task.due_at, { zone: timezone }).toFormat(WALL) : '',
    priority: task?.priority ?? 'normal',
    status: task?.status ?? defaults.status ?? 'todo',
    tags: task?.tags ?? [],
    ticketNumber: '',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  task: Task | null;
  people: Person[];
  timezone: string;
  meetingId?: string;
  defaults?: Partial<Form>;
}

export function TaskDialog({ opened, onClose, task, people, timezone, meetingId, defaults = {} }: Props) {
  const [form, setForm] = useState(() => toForm(task, timezone, defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = useCreateTask();
  const update = useUpdateTask();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const due = form.due ? DateTime.fromFormat(form.due, WALL, { zone: timezone }) : null;
    const parsed = CreateTaskBody.safeParse({
      title: form.title,
      description: form.description.trim() || null,
      assignee_id: form.assigneeId,
      due_at: due?.isValid ? due.toUTC().toISO() : null,
      priority: form.priority,
      status: form.status,
      tags: form.tags,
      ...(meetingId && !task && { meeting_id: meetingId }),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { ...parsed.data };
      if (form.ticketNumber !== '') body.ticket_id = (await findTicketByNumber(Number(form.ticketNumber))).id;
      if (task) await update.mutateAsync({ id: task.id, body });
      else await create.mutateAsync(body);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setErrors({ ticket_id: 'No ticket with this number' });
      else if (err instanceof ApiError && Object.keys(err.fieldErrors).length > 0) setErrors(err.fieldErrors);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={task ? 'Edit task' : 'New task'} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {failure !== null && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(failure)}
            </Alert>
          )}
          <TextInput label="Title" required data-autofocus value={form.title} error={errors.title} onChange={(e) => set({ title: e.currentTarget.value })} />
          <Textarea label="Description" autosize minRows={2} maxRows={8} value={form.description} error={errors.description} onChange={(e) => set({ description: e.currentTarget.value })} />
          <SimpleGrid cols={2}>
            <Select label="Assignee" placeholder="Unassigned" data={people} value={form.assigneeId} onChange={(v) => set({ assigneeId: v })} clearable searchable error={errors.assignee_id} />
            <TextInput label={`Due (${timezone})`} type="datetime-local" value={form.due} error={errors.due_at} onChange={(e) => set({ due: e.currentTarget.value })} />
            <Select label="Priority" data={[...TASK_PRIORITIES]} value={form.priority} allowDeselect={false} onChange={(v) => set({ priority: (v ?? 'normal') as TaskPriority })} />
            <Select
              label="Status"
              data={TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              value={form.status}
              allowDeselect={false}
              error={errors.status}
              onChange={(v) => set({ status: (v ?? 'todo') as TaskStatus })}
            />
          </SimpleGrid>
          <TagsInput label="Tags" description="Press Enter after each tag" value={form.tags} error={errors.tags} onChange={(tags) => set({ tags })} />
          <NumberInput
            label="Link to ticket number"
            description={task?.ticket_id ? 'Linked to a ticket; enter a number to change it.' : undefined}
            hideControls
            min={1}
            value={form.ticketNumber}
            error={errors.ticket_id}
            onChange={(v) => set({ ticketNumber: v })}
          />
          {task?.ticket_id && (
            <Anchor component={Link} to={`/tickets/${task.ticket_id}`} size="sm">
              Open the linked ticket
            </Anchor>
          )}
          {(task?.meeting_id ?? meetingId) && (
            <Text size="sm" c="dimmed">
              Action item of a{' '}
              <Anchor component={Link} to={`/calendar?meeting=${task?.meeting_id ?? meetingId}`}>
                meeting
              </Anchor>
              .
            </Text>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {task ? 'Save task' : 'Create task'}
            </Button>
          </Group>
        </Stack>
      </form>
      {task && <TaskActivity taskId={task.id} people={people} timezone={timezone} />}
    </Modal>
  );
}
