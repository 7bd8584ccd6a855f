import { Alert, Anchor, Button, Divider, Group, Menu, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { conflictsOf, icsUrl, useCancelMeeting, useCreateMeeting, useMeeting, useUpdateMeeting, type Conflict, type FreeSlotsParams, type Meeting, type Slot } from '../api/meetings';
import { describeRecurrence, durationMinutes, formToCreateBody, formToUpdateBody, meetingToForm, suggestionQuery, toWallTime, type EditScope, type MeetingForm } from '../meeting-form';
import { ConflictPanel } from './conflict-panel';
import { FindTimeModal } from './find-time-modal';
import { MeetingFields, type Person } from './meeting-fields';
import { RsvpControl } from './rsvp-control';

interface Props {
  meeting: Meeting | null;
  initial: MeetingForm;
  onClose: () => void;
  people: Person[];
  selfId: string;
  canEdit: boolean;
  /** May answer invitations (meetings:write). */
  canRespond: boolean;
  /** Composed in by the page: the meeting's action items (tasks). */
  extra?: (m: Meeting) => ReactNode;
}

export function MeetingDialog({ meeting, initial, onClose, people, selfId, canEdit, canRespond, extra }: Props) {
  const start = meeting ? meetingToForm(meeting) : initial;
  const [form, setForm] = useState<MeetingForm>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The 409's conflicts with the free-slot search fixed at that moment (a query key that moved with the clock would refetch forever).
  const [conflict, setConflict] = useState<{ conflicts: Conflict[]; suggestions: FreeSlotsParams } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [findOpen, findTime] = useDisclosure(false);
  const recurring = meeting !== null && meeting.recurrence !== null && meeting.occurrence_start !== null;
  const [scope, setScope] = useState<EditScope>('occurrence');
  const series = useMeeting(recurring ? meeting.id : null);
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const cancel = useCancelMeeting();
  const set = (patch: Partial<MeetingForm>) => setForm((f) => ({ ...f, ...patch }));
  const saving = create.isPending || update.isPending;
  const conflictRef = useRef<HTMLDivElement>(null);
  // The warning appears below the fold of a long dialog: bring it into view.
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [conflict]);

  const save = (allowConflicts = form.allowConflicts) => {
    setFailure(null);
    const onError = (err: unknown) => {
      const found = conflictsOf(err);
      if (found) setConflict({ conflicts: found, suggestions: suggestionQuery(form, DateTime.now()) });
      else if (err instanceof ApiError && Object.keys(err.fieldErrors).length > 0) setErrors(err.fieldErrors);
      else setFailure(err);
    };
    const onSuccess = () => onClose();
    setErrors({});
    if (!meeting) create.mutate(formToCreateBody(form, allowConflicts), { onSuccess, onError });
    else {
      const body = formToUpdateBody(form, start, recurring ? scope : 'series', meeting.occurrence_start, series.data?.start ?? null, allowConflicts);
      update.mutate({ id: meeting.id, body }, { onSuccess, onError });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.title.trim()) return setErrors({ title: 'Give the meeting a title' });
    if (durationMinutes(form) <= 0) return setErrors({ end: 'End must be after start' });
    save();
  };

  const applySlot = (slot: Slot, attendeeIds?: string[]) => {
    set({ start: toWallTime(slot.start, form.timezone), end: toWallTime(slot.end, form.timezone), ...(attendeeIds && { attendeeIds }) });
    setConflict(null);
    findTime.close();
  };


  return (
    <Modal opened onClose={onClose} size="xl" title={meeting ? (canEdit ? 'Edit meeting' : meeting.title) : 'New meeting'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {meeting && (
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" c="dimmed">
                Organised by {meeting.organizer.name}
                {meeting.recurrence ? ` · repeats ${describeRecurrence(meeting.recurrence)}` : ''}
              </Text>
              <Group gap="md">
                {canRespond && <RsvpControl meeting={meeting} selfId={selfId} />}
                <Anchor href={icsUrl(meeting.id)} size="sm" download>
                  Download .ics
                </Anchor>
              </Group>
            </Group>
          )}
          {recurring && canEdit && (
            <Group gap="sm">
              <Text size="sm" fw={500} id="scope-label">
                Change
              </Text>
              <SegmentedControl
                aria-labelledby="scope-label"
                size="xs"
                value={scope}
                onChange={(v) => setScope(v as EditScope)}
                data={[
                  { value: 'occurrence', label: 'This occurrence' },
                  { value: 'series', label: 'The whole series' },
                ]}
              />
            </Group>
          )}
          {failure !== null && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(failure)}
            </Alert>
          )}
          <MeetingFields form={form} set={set} errors={errors} people={people} disabled={!canEdit} showRepeat={!recurring || scope === 'series'} />
          {conflict && (
            <div ref={conflictRef}>
              <ConflictPanel
                conflicts={conflict.conflicts}
                people={people}
                timezone={form.timezone}
                suggestions={conflict.suggestions}
                onPick={(s) => applySlot(s)}
                onSaveAnyway={() => save(true)}
                saving={saving}
              />
            </div>
          )}
          <Group justify="space-between">
            <Group gap="xs">
              {canEdit && (
                <Button variant="subtle" onClick={findTime.open}>
                  Find a time
                </Button>
              )}
              {meeting && canEdit && (
                <Menu position="top-start">
                  <Menu.Target>
                    <Button variant="subtle" color="red" loading={cancel.isPending}>
                      Cancel meeting…
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {recurring && <Menu.Item onClick={() => cancel.mutate({ id: meeting.id, occurrenceStart: meeting.occurrence_start! }, { onSuccess: onClose })}>Cancel this occurrence</Menu.Item>}
                    <Menu.Item color="red" onClick={() => cancel.mutate({ id: meeting.id }, { onSuccess: onClose })}>
                      {recurring ? 'Cancel the whole series' : 'Cancel the meeting'}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              {canEdit && (
                <Button type="submit" loading={saving}>
                  {meeting ? 'Save changes' : 'Schedule'}
                </Button>
              )}
            </Group>
          </Group>
          {cancel.isError && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(cancel.error)}
            </Text>
          )}
        </Stack>
      </form>
      {meeting && extra && (
        <>
          <Divider my="md" />
          {extra(meeting)}
        </>
      )}
      {findOpen && (
        <FindTimeModal
          opened
          onClose={findTime.close}
          people={people}
          timezone={form.timezone}
          initialAttendees={form.attendeeIds}
          initialDuration={Math.max(15, durationMinutes(form))}
          onPick={(slot, attendees) => applySlot(slot, attendees)}
        />
      )}
    </Modal>
  );
}
