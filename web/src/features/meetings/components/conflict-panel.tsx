import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import type { Conflict, FreeSlotsParams, Slot } from '../api/meetings';
import type { Person } from './meeting-fields';
import { SlotPicker } from './slot-picker';

interface Props {
  conflicts: Conflict[];
  people: Person[];
  timezone: string;
  suggestions: FreeSlotsParams;
  onPick: (s: Slot) => void;
  onSaveAnyway: () => void;
  saving: boolean;
}

/** The 409 answer made readable: who is busy when, free times that suit everyone, or save anyway. */
export function ConflictPanel({ conflicts, people, timezone, suggestions, onPick, onSaveAnyway, saving }: Props) {
  const name = (id: string) => people.find((p) => p.value === id)?.label ?? 'You';
  const when = (c: Conflict) => {
    const s = DateTime.fromISO(c.start, { zone: timezone });
    return `${s.toFormat('ccc d LLL, HH:mm')}–${DateTime.fromISO(c.end, { zone: timezone }).toFormat('HH:mm')}`;
  };
  return (
    <Alert color="orange" variant="light" title="Some attendees are busy then" role="alert" data-testid="conflict-warning">
      <Stack gap="sm">
        <List size="sm" spacing={4}>
          {conflicts.map((c) => (
            <List.Item key={`${c.meeting_id}|${c.start}`}>
              <Text span fw={500} size="sm">
                {c.title}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                {when(c)} · {c.attendee_ids.map(name).join(', ') || 'attendees'}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="sm" fw={500}>
          Free for everyone ({timezone}):
        </Text>
        <SlotPicker query={suggestions} timezone={timezone} onPick={onPick} maxPerDay={6} />
        <Group justify="flex-end">
          <Button variant="outline" color="orange" onClick={onSaveAnyway} loading={saving}>
            Save anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
