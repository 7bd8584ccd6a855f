import { Checkbox, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { MeetingForm, Repeat } from '../meeting-form';

export interface Person {
  value: string;
  label: string;
  timezone?: string;
}

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  form: MeetingForm;
  set: (patch: Partial<MeetingForm>) => void;
  errors: Record<string, string>;
  people: Person[];
  disabled: boolean;
  showRepeat: boolean;
}

export function MeetingFields({ form, set, errors, people, disabled, showRepeat }: Props) {
  const zones = ZONES.includes(form.timezone) ? ZONES : [form.timezone, ...ZONES];
  return (
    <Stack gap="sm">
      <TextInput label="Title" required data-autofocus disabled={disabled} value={form.title} error={errors.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Start" type="datetime-local" required disabled={disabled} value={form.start} error={errors.start} onChange={(e) => set({ start: e.currentTarget.value })} />
        <TextInput label="End" type="datetime-local" required disabled={disabled} value={form.end} error={errors.end} onChange={(e) => set({ end: e.currentTarget.value })} />
        <Select label="Time zone" data={zones} searchable disabled={disabled} value={form.timezone} allowDeselect={false} error={errors.timezone} onChange={(v) => v && set({ timezone: v })} />
      </SimpleGrid>
      {showRepeat && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="repeat-label">
            Repeats
          </Text>
          {form.customRecurrence ? (
            <Text size="sm" c="dimmed">
              Custom rule {form.customRecurrence} (kept as it is)
            </Text>
          ) : (
            <SegmentedControl
              aria-labelledby="repeat-label"
              disabled={disabled}
              value={form.repeat}
              onChange={(v) => set({ repeat: v as Repeat })}
              data={[
                { value: 'none', label: 'Does not repeat' },
                { value: 'daily', label: 'Daily' },
                { value: 'weekly', label: 'Weekly' },
              ]}
              w="fit-content"
            />
          )}
          {errors.recurrence && (
            <Text size="xs" c="red">
              {errors.recurrence}
            </Text>
          )}
        </Stack>
      )}
      <MultiSelect
        label="Attendees"
        placeholder={form.attendeeIds.length ? undefined : 'Pick colleagues'}
        data={people.map((p) => ({ value: p.value, label: p.timezone ? `${p.label} · ${p.timezone}` : p.label }))}
        searchable
        disabled={disabled}
        value={form.attendeeIds}
        error={errors.attendee_ids}
        onChange={(attendeeIds) => set({ attendeeIds })}
        hidePickedOptions
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TagsInput
          label="External guests"
          placeholder="Email, then Enter"
          disabled={disabled}
          value={form.externalEmails}
          error={errors.external_attendees ?? (form.externalEmails.some((e) => !EMAIL.test(e)) ? 'One of these is not an email address' : undefined)}
          onChange={(externalEmails) => set({ externalEmails })}
        />
        <TextInput label="Location or video link" disabled={disabled} value={form.location} error={errors.location} onChange={(e) => set({ location: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label="Agenda" autosize minRows={2} maxRows={6} disabled={disabled} value={form.agenda} error={errors.agenda} onChange={(e) => set({ agenda: e.currentTarget.value })} />
      <Checkbox
        label="Allow conflicts (save even when an attendee is busy)"
        disabled={disabled}
        checked={form.allowConflicts}
        onChange={(e) => set({ allowConflicts: e.currentTarget.checked })}
      />
    </Stack>
  );
}
