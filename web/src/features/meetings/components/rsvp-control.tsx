import { Group, SegmentedControl, Text } from '@mantine/core';
import type { AttendeeResponse } from '@shared/modules/meetings/meeting-fields';
import { errorMessage } from '../../../lib/api-client';
import { useRespond, type Meeting } from '../api/meetings';

/** The current user's answer to an invitation (a series answers for all its occurrences). */
export function RsvpControl({ meeting, selfId }: { meeting: Meeting; selfId: string }) {
  const respond = useRespond();
  const mine = meeting.attendees.find((a) => a.user_id === selfId);
  if (!mine || meeting.organizer.id === selfId) return null;
  return (
    <Group gap="sm">
      <Text size="sm" fw={500} id="rsvp-label">
        Your answer
      </Text>
      <SegmentedControl
        aria-labelledby="rsvp-label"
        size="xs"
        value={respond.isPending ? (respond.variables?.response ?? mine.response) : mine.response}
        onChange={(v) => respond.mutate({ id: meeting.id, response: v as AttendeeResponse })}
        data={[
          { value: 'accepted', label: 'Accept' },
          { value: 'tentative', label: 'Maybe' },
          { value: 'declined', label: 'Decline' },
          ...(mine.response === 'needs-action' ? [{ value: 'needs-action', label: 'No answer', disabled: true }] : []),
        ]}
      />
      {respond.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(respond.error)}
        </Text>
      )}
    </Group>
  );
}
