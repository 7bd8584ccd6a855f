import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { TASK_STATUSES, type TaskStatus } from '@shared/modules/tasks/task-fields';
import type { Task } from '../api/tasks';
import { groupByStatus, STATUS_LABELS } from '../board';
import { DraggableTaskCard, TaskCard } from './task-card';

// Arrow keys jump a picked-up card to the neighbouring column instead of nudging it a few pixels.
const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const columns = TASK_STATUSES.map((s) => context.droppableRects.get(s)).filter((r) => r !== undefined);
  const box = context.collisionRect;
  if (!box || columns.length === 0) return undefined;
  const centre = box.left + box.width / 2;
  const index = columns.findIndex((r) => centre >= r.left && centre <= r.left + r.width);
  const target = columns[(index === -1 ? 0 : index) + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!target || index === -1) return undefined;
  return { x: currentCoordinates.x + (target.left - columns[index]!.left), y: currentCoordinates.y };
};

function BoardColumn({ status, tasks, timezone, onOpen, canMove }: { status: TaskStatus; tasks: Task[]; timezone: string; onOpen: (t: Task) => void; canMove: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <Paper
      ref={setNodeRef}
      p="sm"
      radius="md"
      bg={isOver ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)'}
      withBorder
      style={{ minHeight: 360, borderColor: isOver ? 'var(--mantine-color-indigo-4)' : undefined }}
      role="region"
      aria-label={`${STATUS_LABELS[status]} column`}
      data-testid={`column-${status}`}
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h6">
          {STATUS_LABELS[status]}
        </Title>
        <Badge variant="light" color="gray" size="sm">
          {tasks.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {tasks.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="md">
            No tasks
          </Text>
        ) : (
          tasks.map((t) => <DraggableTaskCard key={t.id} task={t} timezone={timezone} onOpen={onOpen} canMove={canMove} />)
        )}
      </Stack>
    </Paper>
  );
}

interface Props {
  tasks: Task[];
  timezone: string;
  onOpen: (t: Task) => void;
  onMove: (t: Task, to: TaskStatus) => void;
  /** Viewers read the board; their cards have no drag handle. */
  canMove: boolean;
}

export function TaskBoard({ tasks, timezone, onOpen, onMove, canMove }: Props) {
  const [active, setActive] = useState<Task | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  const columns = groupByStatus(tasks);
  const title = (id: unknown) => tasks.find((t) => t.id === id)?.title ?? 'task';
  const column = (id: unknown) => (typeof id === 'string' && id in STATUS_LABELS ? STATUS_LABELS[id as TaskStatus] : 'no column');
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up ${title(a.id)}. Use the left and right arrow keys to choose a column, space to drop, escape to cancel.`,
    onDragOver: ({ active: a, over }) => `${title(a.id)} is over ${column(over?.id)}.`,
    onDragEnd: ({ active: a, over }) => (over ? `${title(a.id)} was moved to ${column(over.id)}.` : `${title(a.id)} was dropped.`),
    onDragCancel: ({ active: a }) => `Moving ${title(a.id)} was cancelled.`,
  };
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    const task = tasks.find((t) => t.id === a.id);
    if (task && over && over.id !== task.status) onMove(task, over.id as TaskStatus);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={rectIntersection}
      accessibility={{ announcements }}
      onDragStart={({ active: a }) => setActive(tasks.find((t) => t.id === a.id) ?? null)}
      onDragCancel={() => setActive(null)}
      onDragEnd={onDragEnd}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {TASK_STATUSES.map((s) => (
          <BoardColumn key={s} status={s} tasks={columns[s]} timezone={timezone} onOpen={onOpen} canMove={canMove} />
        ))}
      </SimpleGrid>
      <DragOverlay>
        {active ? (
          <div aria-hidden>
            <TaskCard task={active} timezone={timezone} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
