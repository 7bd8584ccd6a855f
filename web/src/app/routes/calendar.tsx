import { Button, Group, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { useMeeting, useMeetings, type Meeting } from '../../features/meetings/api/meetings';
import { CalendarFeedButton } from '../../features/meetings/components/calendar-feed-button';
import { FindTimeModal } from '../../features/meetings/components/find-time-modal';
import { MeetingCalendar } from '../../features/meetings/components/meeting-calendar';
import { MeetingDialog } from '../../features/meetings/components/meeting-dialog';
import { emptyForm, toWallTime, type MeetingForm } from '../../features/meetings/meeting-form';
import { MeetingActionItems } from '../../features/tasks/components/meeting-action-items';
import { useUsers } from '../../features/users/api/list-users';

type Open = { meeting: Meeting } | { initial: MeetingForm } | null;

/** The next half hour from now, in the user's zone: where a new meeting starts by default. */
function nextHalfHour(zone: string): DateTime {
  const now = DateTime.now().setZone(zone);
  return now.startOf('hour').plus({ minutes: now.minute < 30 ? 30 : 60 });
}

export function CalendarPage() {
  const { user, can } = useSession();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const meetings = useMeetings(range);
  const users = useUsers({ active: 'true' }, { enabled: can('users:read') });
  const people = (users.data ?? [])
    .filter((u) => u.role !== 'viewer')
    .map((u) => ({ value: u.id, label: u.id === user.id ? `${u.name} (me)` : u.name, timezone: u.timezone }));
  const [open, setOpen] = useState<Open>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const linked = useMeeting(params.get('meeting'));
  const canWrite = can('meetings:write');
  const canEdit = (m: Meeting | null) => canWrite && (!m || m.organizer.id === user.id || can('meetings:manage'));
  const newMeeting = (startIso?: string) => setOpen({ initial: emptyForm(user.timezone, startIso ? DateTime.fromISO(startIso) : nextHalfHour(user.timezone)) });
  useHotkeys([['n', () => canWrite && newMeeting()]]);

  const shown: Open = open ?? (linked.data ? { meeting: linked.data } : null);
  const close = () => {
    setOpen(null);
    if (params.has('meeting')) {
      const next = new URLSearchParams(params);
      next.delete('meeting');
      setParams(next, { replace: true });
    }
  };
  const actionItems = (m: Meeting) => (
    <MeetingActionItems meetingId={m.id} people={people} canWrite={can('tasks:write')} />
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="Calendar"
        description={`Team meetings, shown in ${user.timezone}. Recurring meetings appear on each of their dates.`}
        actions={
          <>
            <CalendarFeedButton />
            {canWrite && (
              <Button variant="default" onClick={() => setFindOpen(true)}>
                Find a time
              </Button>
            )}
            {canWrite && <Button onClick={() => newMeeting()}>New meeting</Button>}
          </>
        }
      />
      {meetings.isError && <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} title="Could not load meetings" />}
      <Group justify="space-between" mih={20}>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {meetings.isFetching ? 'Loading meetings…' : meetings.data?.length === 0 ? 'No meetings in this period. Click a time or “New meeting” to schedule one.' : `${meetings.data?.length ?? 0} meetings in this period`}
        </Text>
      </Group>
      <MeetingCalendar
        meetings={meetings.data ?? []}
        timezone={user.timezone}
        selfId={user.id}
        initialDate={params.get('date') ?? undefined}
        onRange={setRange}
        onOpen={(meeting) => setOpen({ meeting })}
        onNewAt={canWrite ? (iso, allDay) => newMeeting(allDay ? DateTime.fromISO(iso, { zone: user.timezone }).set({ hour: 10 }).toISO()! : iso) : undefined}
      />
      {shown && (
        <MeetingDialog
          key={'meeting' in shown ? `${shown.meeting.id}|${shown.meeting.start}` : 'new'}
          meeting={'meeting' in shown ? shown.meeting : null}
          initial={'initial' in shown ? shown.initial : emptyForm(user.timezone, nextHalfHour(user.timezone))}
          onClose={close}
          people={people}
          selfId={user.id}
          canEdit={canEdit('meeting' in shown ? shown.meeting : null)}
          canRespond={canWrite}
          extra={actionItems}
        />
      )}
      {findOpen && (
        <FindTimeModal
          opened
          onClose={() => setFindOpen(false)}
          people={people}
          timezone={user.timezone}
          initialAttendees={[]}
          initialDuration={30}
          onPick={(slot, attendeeIds, duration) => {
            setFindOpen(false);
            const form = emptyForm(user.timezone, DateTime.fromISO(slot.start));
            setOpen({ initial: { ...form, attendeeIds, end: toWallTime(DateTime.fromISO(slot.start).plus({ minutes: duration }).toISO()!, user.timezone) } });
          }}
        />
      )}
    </Stack>
  );
}
