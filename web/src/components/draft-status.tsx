import { Button, Group, Modal, Text } from '@mantine/core';
import { formatRelative } from '../lib/time';
import type { useServerDraft } from '../lib/server-draft';

type Draft = ReturnType<typeof useServerDraft<unknown>>;

/** "Draft saved just now", "Saving…" or a save failure, next to an editor. */
export function DraftStatusText({ draft }: { draft: Pick<Draft, 'status' | 'savedAt' | 'dirty'> }) {
  const text =
    draft.status === 'error'
      ? 'Draft not saved — check your connection'
      : draft.status === 'saving' || draft.dirty
        ? 'Saving draft…'
        : draft.savedAt
          ? `Draft saved ${formatRelative(draft.savedAt)}`
          : '';
  if (!text) return null;
  return (
    <Text size="xs" c={draft.status === 'error' ? 'red' : 'dimmed'} data-testid="draft-status" aria-live="polite">
      {text}
    </Text>
  );
}

/** Asks before leaving a page whose text could not be saved. */
export function LeaveGuard({ draft }: { draft: Pick<Draft, 'blocked' | 'stay' | 'leaveAnyway'> }) {
  return (
    <Modal opened={draft.blocked} onClose={draft.stay} title="Your text is not saved" centered>
      <Text size="sm" mb="md">
        Clara could not save what you typed. If you leave now, it is lost.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={draft.leaveAnyway}>
          Leave anyway
        </Button>
        <Button onClick={draft.stay}>Stay on this page</Button>
      </Group>
    </Modal>
  );
}
