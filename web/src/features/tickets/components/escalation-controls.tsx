import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useDeescalate, useEscalate } from '../api/escalate';
import type { Ticket } from '../api/types';
import type { Option } from './ticket-filters';

interface Props {
  ticket: Ticket;
  queues: Option[];
  canEscalate: boolean;
  canDeescalate: boolean;
}

export function EscalationControls({ ticket, queues, canEscalate, canDeescalate }: Props) {
  const escalated = ticket.status === 'escalated';
  const [open, modal] = useDisclosure(false);
  // The dialog keeps the action it was opened for: after success the ticket refetches (and flips
  // escalated) while the dialog is still closing, and it must not turn into the opposite action.
  const [mode, setMode] = useState<'escalate' | 'deescalate'>('escalate');
  const [reason, setReason] = useState('');
  const [queue, setQueue] = useState<string | null>(null);
  const escalate = useEscalate(ticket.id);
  const deescalate = useDeescalate(ticket.id);
  const m = mode === 'deescalate' ? deescalate : escalate;
  const closedOrResolved = ticket.status === 'closed' || ticket.status === 'resolved';
  if (escalated ? !canDeescalate : !canEscalate || closedOrResolved) return null;

  const start = () => {
    setMode(escalated ? 'deescalate' : 'escalate');
    setReason('');
    setQueue(null);
    m.reset();
    modal.open();
  };
  const submit = () => {
    const done = { onSuccess: () => modal.close() };
    if (mode === 'deescalate') deescalate.mutate({ ...(reason.trim() ? { reason: reason.trim() } : {}), ...(queue ? { queue_id: queue } : {}) }, done);
    else escalate.mutate({ reason: reason.trim(), ...(queue ? { queue_id: queue } : {}) }, done);
  };
  const down = mode === 'deescalate';
  const tooShort = !down && reason.trim().length < 3;

  return (
    <>
      <Button size="xs" variant={escalated ? 'default' : 'light'} color={escalated ? 'gray' : 'red'} onClick={start}>
        {escalated ? 'De-escalate' : 'Escalate'}
      </Button>
      <Modal opened={open} onClose={modal.close} title={down ? `De-escalate #${ticket.number}` : `Escalate #${ticket.number}`}>
        <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); if (!tooShort) submit(); }}>
          <Text size="sm" c="dimmed">
            {down
              ? 'The ticket goes back to open. Optionally move it to another queue.'
              : 'A senior person must look: the ticket moves to the Escalations queue (or the one you pick) and the leads are notified.'}
          </Text>
          <Textarea
            label={down ? 'Reason (optional)' : 'Reason'}
            description={down ? undefined : 'Shown in the history and in the notification.'}
            required={!down}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Select label={down ? 'Move to queue (optional)' : 'Queue (default: Escalations)'} data={queues} value={queue} onChange={setQueue} clearable />
          {m.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(m.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              Cancel
            </Button>
            <Button type="submit" color={down ? 'indigo' : 'red'} loading={m.isPending} disabled={tooShort}>
              {down ? 'De-escalate' : 'Escalate'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
