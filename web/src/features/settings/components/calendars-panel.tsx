import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCalendars, useDeleteCalendar, useSaveCalendar, type BusinessCalendar } from '../api/slas';
import { DAYS, holidaysToText, hoursToRows, parseHolidays, rowsToHours, type DayRow } from '../calendar-form';
import { detailLines } from '../rule-json';

const NEW: BusinessCalendar = { id: '', name: '', timezone: 'UTC', working_hours: [], holidays: [], created_at: '', updated_at: '' };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function CalendarModal({ calendar, onClose }: { calendar: BusinessCalendar; onClose: () => void }) {
  const save = useSaveCalendar();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [name, setName] = useState(calendar.name);
  const [timezone, setTimezone] = useState(calendar.timezone);
  const [rows, setRows] = useState<DayRow[]>(() => hoursToRows(calendar.id ? calendar.working_hours : DAYS.slice(0, 5).map(({ day }) => ({ day, start: '09:00', end: '17:00' }))));
  const [holidayText, setHolidayText] = useState(holidaysToText(calendar.holidays));
  const holidays = parseHolidays(holidayText);
  const rowError = (r: DayRow) => (!r.open ? undefined : !TIME.test(r.start) || !TIME.test(r.end) ? 'HH:MM' : r.start >= r.end ? 'ends before it starts' : undefined);
  const invalid = !name.trim() || holidays.errors.length > 0 || rows.some((r) => rowError(r)) || !rows.some((r) => r.open);
  const setRow = (i: number, patch: Partial<DayRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const serverLines = save.error instanceof ApiError ? detailLines(save.error.details) : [];

  return (
    <Modal opened onClose={onClose} title={calendar.id ? `Edit ${calendar.name}` : 'New business-hours calendar'} size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          save.mutate({ id: calendar.id || null, body: { name: name.trim(), timezone, working_hours: rowsToHours(rows), holidays: holidays.holidays } }, { onSuccess: onClose });
        }}
      >
        <Group grow align="flex-start">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Select label="Time zone" data={zones} value={timezone} onChange={(v) => v && setTimezone(v)} searchable allowDeselect={false} limit={50} />
        </Group>
        <Table verticalSpacing={4} aria-label="Working hours">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.day}>
                <Table.Td>
                  <Checkbox label={DAYS[i]!.label} checked={r.open} onChange={(e) => setRow(i, { open: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${DAYS[i]!.label} from`} size="xs" w={90} value={r.start} disabled={!r.open} onChange={(e) => setRow(i, { start: e.currentTarget.value })} error={rowError(r)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${DAYS[i]!.label} to`} size="xs" w={90} value={r.end} disabled={!r.open} onChange={(e) => setRow(i, { end: e.currentTarget.value })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Textarea
          label="Holidays"
          description="One per line: YYYY-MM-DD and an optional name. Nobody works on these dates."
          autosize
          minRows={3}
          maxRows={10}
          value={holidayText}
          onChange={(e) => setHolidayText(e.currentTarget.value)}
          error={holidays.errors.join(' · ') || undefined}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {save.isError && (
          <Alert color="red" variant="light" role="alert" title={errorMessage(save.error)}>
            {serverLines.map((l) => (
              <Text key={l} size="sm">
                {l}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={invalid}>
            Save calendar
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function summary(c: BusinessCalendar): string {
  const days = DAYS.filter(({ day }) => c.working_hours.some((h) => h.day === day)).map((d) => d.label.slice(0, 3));
  return days.length ? days.join(', ') : 'no working hours';
}

function CalendarCard({ calendar, canManage, onEdit }: { calendar: BusinessCalendar; canManage: boolean; onEdit: () => void }) {
  const remove = useDeleteCalendar();
  const [confirmOpen, confirm] = useDisclosure(false);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="calendar-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{calendar.name}</Text>
          <Text size="xs" c="dimmed">
            {calendar.timezone} · {summary(calendar)}
          </Text>
          <Group gap={4}>
            <Badge size="xs" variant="light" tt="none">
              {calendar.holidays.length} holiday{calendar.holidays.length === 1 ? '' : 's'}
            </Badge>
          </Group>
        </Stack>
        {canManage && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`Edit ${calendar.name}`}>
              Edit
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={confirm.open} aria-label={`Delete ${calendar.name}`}>
              Delete
            </Button>
          </Group>
        )}
      </Group>
      <Modal opened={confirmOpen} onClose={confirm.close} title={`Delete ${calendar.name}?`}>
        <Stack>
          <Text size="sm">Only a calendar no SLA uses can be deleted.</Text>
          {remove.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} data-autofocus>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(calendar.id, { onSuccess: confirm.close })}>
              Delete calendar
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function CalendarsPanel({ canManage }: { canManage: boolean }) {
  const calendars = useCalendars();
  const [editing, setEditing] = useState<BusinessCalendar | null>(null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="calendars-title">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="calendars-title">
            Business-hours calendars
          </Title>
          <Text size="sm" c="dimmed">
            Working days and hours in a time zone, with holidays.
          </Text>
        </Stack>
        {canManage && (
          <Button variant="light" onClick={() => setEditing(NEW)}>
            New calendar
          </Button>
        )}
      </Group>
      {calendars.isPending ? (
        <LoadingState />
      ) : calendars.isError ? (
        <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />
      ) : calendars.data.length === 0 ? (
        <EmptyBlock title="No calendars" description="Without one, SLA deadlines run around the clock." />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {calendars.data.map((c) => (
            <CalendarCard key={c.id} calendar={c} canManage={canManage} onEdit={() => setEditing(c)} />
          ))}
        </SimpleGrid>
      )}
      {editing && <CalendarModal key={editing.id || 'new'} calendar={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
