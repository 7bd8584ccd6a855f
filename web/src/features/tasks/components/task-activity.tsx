import { Button, Divider, Group, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import type { TaskStatus } from '@shared/modules/tasks/task-fields';
import { useCommentOnTask, useTaskActivity, type Activity } from '../api/tasks';
import { STATUS_LABELS } from '../board';

const statusLabel = (v: unknown) => (typeof v === 'string' && v in STATUS_LABELS ? STATUS_LABELS[v as TaskStatus] : show(v));
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : Array.isArray(v) ? v.join(', ') || '–' : String(v));

function describe(a: Activity, name: (id: unknown) => string): string {
  switch (a.action) {
    case 'created':
      return 'created the task';
    case 'commented':
      return 'commented';
    case 'status_changed':
      return `moved it from ${statusLabel(a.old_value)} to ${statusLabel(a.new_value)}`;
    case 'assigned':
      return `assigned it to ${a.new_value ? name(a.new_value) : 'nobody'}`;
    case 'overdue_notified':
      return 'sent an overdue reminder';
    default:
      return `${a.action.replace(/_/g, ' ')}${a.new_value !== null && typeof a.new_value !== 'object' ? `: ${show(a.new_value)}` : ''}`;
  }
}

export function TaskActivity({ taskId, people, timezone }: { taskId: string; people: { value: string; label: string }[]; timezone: string }) {
  const activity = useTaskActivity(taskId);
  const comment = useCommentOnTask(taskId);
  const [text, setText] = useState('');
  const name = (id: unknown) => people.find((p) => p.value === id)?.label ?? 'someone';
  const who = (a: Activity) => (a.actor_type === 'automation' ? 'Clara' : name(a.actor_id));
  return (
    <Stack gap="sm" mt="lg">
      <Divider />
      <Title order={3} size="h6">
        Activity
      </Title>
      {activity.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {activity.data.map((a) => (
            <Timeline.Item key={a.id} title={<Text size="sm">{`${who(a)} ${describe(a, name)}`}</Text>}>
              {a.comment && <Text size="sm">{a.comment}</Text>}
              <Text size="xs" c="dimmed">
                {DateTime.fromISO(a.created_at, { zone: timezone }).toLocaleString(DateTime.DATETIME_MED)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <Textarea label="Add a comment" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={comment.isError ? errorMessage(comment.error) : undefined} />
      <Group justify="flex-end">
        <Button variant="light" disabled={!text.trim()} loading={comment.isPending} onClick={() => comment.mutate(text.trim(), { onSuccess: () => setText('') })}>
          Comment
        </Button>
      </Group>
    </Stack>
  );
}
