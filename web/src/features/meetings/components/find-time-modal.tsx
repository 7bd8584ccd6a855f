import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { FreeSlotsParams, Slot } from '../api/meetings';
import type { Person } from './meeting-fields';
import { SlotPicker } from './slot-picker';

interface Props {
  opened: boolean;
  onClose: () => void;
  people: Person[];
  timezone: string;
  initialAttendees: string[];
  initialDuration: number;
  onPick: (slot: Slot, attendees: string[], duration: number) => void;
}

const RANGES = [
  { value: '3', label: 'Next 3 days' },
  { value: '7', label: 'Next week' },
  { value: '14', label: 'Next two weeks' },
  { value: '31', label: 'Next month' },
];

/** "Find a time": attendees, length and range in, common free slots out (within everyone's working hours). */
export function FindTimeModal({ opened, onClose, people, timezone, initialAttendees, initialDuration, onPick }: Props) {
  const [attendees, setAttendees] = useState(initialAttendees);
  const [duration, setDuration] = useState<number | string>(initialDuration);
  const [days, setDays] = useState('7');
  const [query, setQuery] = useState<FreeSlotsParams | null>(null);
  const search = () => {
    const from = DateTime.now().startOf('minute');
    setQuery({ attendees: ['me', ...attendees], duration: Math.max(5, Number(duration) || 30), from: from.toUTC().toISO()!, to: from.plus({ days: Number(days) }).toUTC().toISO()! });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Find a time" size="lg">
      <Stack gap="sm">
        <MultiSelect
          label="Attendees"
          description="You are included"
          data={people.map((p) => ({ value: p.value, label: p.timezone ? `${p.label} · ${p.timezone}` : p.label }))}
          value={attendees}
          onChange={setAttendees}
          searchable
          hidePickedOptions
        />
        <Group grow>
          <NumberInput label="Duration (minutes)" min={5} max={480} step={15} value={duration} onChange={setDuration} />
          <Select label="Within" data={RANGES} value={days} onChange={(v) => setDays(v ?? '7')} allowDeselect={false} />
        </Group>
        <Group justify="flex-end">
          <Button onClick={search}>Find free times</Button>
        </Group>
        {query ? (
          <SlotPicker query={query} timezone={timezone} onPick={(s) => onPick(s, query.attendees.filter((a) => a !== 'me'), query.duration)} />
        ) : (
          <Text size="sm" c="dimmed">
            Pick who should attend and how long it takes; Clara lists the times that fall within everyone&apos;s working hours, in {timezone}.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
