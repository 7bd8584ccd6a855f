import { Alert, Button, Group, Paper, Progress, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { BulkProgress } from '../api/bulk-update';
import type { Option } from './ticket-filters';

interface Props {
  count: number;
  progress: BulkProgress | null;
  /** Everyone who may be assigned; an agent without tickets:assign gets only "me". */
  assignees: Option[];
  canClose: boolean;
  onAssign: (userId: string | null) => void;
  onClose: () => void;
  onClear: () => void;
}

export function BulkBar({ count, progress, assignees, canClose, onAssign, onClose, onClear }: Props) {
  const [assignee, setAssignee] = useState<string | null>(null);
  if (progress) {
    return (
      <Paper withBorder p="sm" radius="md" role="status" aria-live="polite">
        <Group justify="space-between" mb={6}>
          <Text size="sm" fw={500}>
            {progress.label}: {progress.done} of {progress.total}
          </Text>
          {progress.failures.length > 0 && (
            <Text size="sm" c="red">
              {progress.failures.length} failed
            </Text>
          )}
        </Group>
        <Progress value={(progress.done / progress.total) * 100} animated aria-label="Bulk action progress" />
      </Paper>
    );
  }
  return (
    <Alert variant="light" color="indigo" p="xs" aria-label="Bulk actions">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {count} selected
        </Text>
        {assignees.length > 0 && (
          <>
            <Select
              aria-label="Assign selected tickets to"
              placeholder="Assign to…"
              data={[{ value: 'none', label: 'Nobody (unassign)' }, ...assignees]}
              value={assignee}
              onChange={setAssignee}
              size="xs"
              w={200}
              searchable
            />
            <Button size="xs" disabled={!assignee} onClick={() => onAssign(assignee === 'none' ? null : assignee)}>
              Assign
            </Button>
          </>
        )}
        {canClose && (
          <Button size="xs" color="gray" variant="default" onClick={onClose}>
            Close tickets
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={onClear}>
          Clear selection
        </Button>
      </Group>
    </Alert>
  );
}
