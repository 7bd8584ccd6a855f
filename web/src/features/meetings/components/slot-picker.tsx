import { Button, Group, Stack, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { useFreeSlots, type FreeSlotsParams, type Slot } from '../api/meetings';
import { groupSlotsByDay } from '../meeting-form';

/** Common free slots of the attendees, by day; clicking one picks it. */
export function SlotPicker({ query, timezone, onPick, maxPerDay = 12 }: { query: FreeSlotsParams; timezone: string; onPick: (s: Slot) => void; maxPerDay?: number }) {
  const slots = useFreeSlots(query);
  if (slots.isPending) return <LoadingState label="Looking for free times…" />;
  if (slots.isError) return <ErrorState error={slots.error} onRetry={() => void slots.refetch()} title="Could not look up free times" />;
  if (slots.data.length === 0) return <EmptyBlock title="No common free time" description="Try a longer range, a shorter meeting or fewer attendees." />;
  return (
    <Stack gap="xs" data-testid="free-slots">
      {groupSlotsByDay(slots.data, timezone).map((day) => (
        <Group key={day.day} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={500} w={90} pt={4} style={{ flexShrink: 0 }}>
            {day.label}
          </Text>
          <Group gap={6}>
            {day.slots.slice(0, maxPerDay).map((s) => {
              const label = `${DateTime.fromISO(s.start, { zone: timezone }).toFormat('HH:mm')}–${DateTime.fromISO(s.end, { zone: timezone }).toFormat('HH:mm')}`;
              return (
                <Button key={s.start} size="compact-sm" variant="light" onClick={() => onPick(s)} aria-label={`Use ${day.label} ${label}`} data-testid="free-slot">
                  {label}
                </Button>
              );
            })}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
