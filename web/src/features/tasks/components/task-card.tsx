import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { DateTime } from 'luxon';
import type { Task } from '../api/tasks';
import { PRIORITY_COLORS } from '../board';

function GripIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" fill="currentColor">
      {[3, 7, 11].flatMap((y) => [4, 10].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" />))}
    </svg>
  );
}

interface CardProps {
  task: Task;
  timezone: string;
  onOpen?: (t: Task) => void;
}

export function DraggableTaskCard({ canMove, ...props }: CardProps & { canMove: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: props.task.id, disabled: !canMove });
  return <TaskCard {...props} cardRef={setNodeRef} faded={isDragging} handle={canMove ? { ref: setActivatorNodeRef, ...attributes, ...listeners } : null} />;
}

type HandleProps = { ref?: (el: HTMLElement | null) => void } & Record<string, unknown>;

/** A card on the board; the drag overlay shows it without a live handle. */
export function TaskCard({ task, timezone, onOpen, cardRef, faded = false, handle = {} }: CardProps & { cardRef?: (el: HTMLElement | null) => void; faded?: boolean; handle?: HandleProps | null }) {
  const due = task.due_at ? DateTime.fromISO(task.due_at, { zone: timezone }) : null;
  return (
    <Paper
      ref={cardRef}
      withBorder
      radius="sm"
      p="xs"
      shadow={cardRef ? undefined : 'md'}
      style={{ opacity: faded ? 0.4 : 1, borderLeft: `3px solid var(--mantine-color-${PRIORITY_COLORS[task.priority]}-5)` }}
      data-testid={cardRef ? 'task-card' : 'task-card-overlay'}
      data-task-id={task.id}
      data-status={task.status}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        {handle && (
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${task.title}`} style={{ cursor: 'grab', touchAction: 'none' }} {...handle}>
            <GripIcon />
          </ActionIcon>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <UnstyledButton onClick={() => onOpen?.(task)} aria-label={`Open task ${task.title}`}>
            <Text size="sm" fw={500} lineClamp={2} td={task.status === 'done' ? 'line-through' : undefined}>
              {task.title}
            </Text>
          </UnstyledButton>
          <Group gap={4}>
            {task.priority !== 'normal' && (
              <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]}>
                {task.priority}
              </Badge>
            )}
            {task.overdue && (
              <Badge size="xs" color="red" variant="filled">
                overdue
              </Badge>
            )}
            {task.ticket_id && (
              <Badge size="xs" variant="outline" color="indigo">
                ticket
              </Badge>
            )}
            {task.meeting_id && (
              <Badge size="xs" variant="outline" color="grape">
                meeting
              </Badge>
            )}
            {task.tags.map((tag) => (
              <Badge key={tag} size="xs" variant="default">
                {tag}
              </Badge>
            ))}
          </Group>
          <Group gap={6} justify="space-between">
            <Text size="xs" c="dimmed" truncate>
              {task.assignee?.name ?? 'Unassigned'}
            </Text>
            {due && (
              <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} title={due.toLocaleString(DateTime.DATETIME_MED)}>
                due {due.toFormat('d LLL')}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
