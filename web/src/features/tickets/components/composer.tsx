import { Alert, Button, Group, Kbd, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { AttachmentPicker, type UploadedFile } from '../../../components/attachments';
import { DraftStatusText, LeaveGuard } from '../../../components/draft-status';
import { errorMessage } from '../../../lib/api-client';
import { useServerDraft } from '../../../lib/server-draft';
import { useAddMessage } from '../api/add-message';

interface ComposerDraft {
  mode: 'reply' | 'note';
  body: string;
  /** Uploaded files waiting to be sent (kept for a day on the server). */
  files?: UploadedFile[];
}
const emptyDraft = (d: ComposerDraft) => !d.body.trim() && !d.files?.length;

interface Props {
  ticketId: string;
  ticketRef: string;
  disabledReason?: string;
  /** Text to add to the reply ("Insert into reply" of the suggested answer); a new nonce inserts again. */
  insert?: { text: string; nonce: number };
}

export function Composer({ ticketId, ticketRef, disabledReason, insert }: Props) {
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const add = useAddMessage(ticketId, ticketRef);
  const note = mode === 'note';
  // The text is saved on the server as it is typed: a reload, another device or logging out keeps it.
  const value = useMemo(() => ({ mode, body, files }), [mode, body, files]);
  const draft = useServerDraft<ComposerDraft>({
    url: disabledReason ? null : `/api/tickets/${ticketId}/draft`,
    value,
    isEmpty: emptyDraft,
    onRestore: (c) => {
      setMode(c.mode);
      setBody((current) => (current.trim() ? current : c.body));
      setFiles((current) => (current.length ? current : (c.files ?? [])));
    },
  });

  useEffect(() => {
    if (!insert) return;
    setMode('reply');
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${insert.text}` : insert.text));
  }, [insert]);

  const send = () => {
    if (!body.trim() || add.isPending || uploading || disabledReason) return;
    add.mutate(
      { body: body.trim(), internal: note, attachment_ids: files.map((f) => f.id) },
      {
        onSuccess: () => {
          void draft.clear({ mode, body: '', files: [] });
          setBody('');
          setFiles([]);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={note ? { background: 'var(--mantine-color-yellow-light)', borderColor: 'var(--mantine-color-yellow-6)', borderStyle: 'dashed' } : undefined}
    >
      <Stack gap="xs">
        <SegmentedControl
          aria-label="Message type"
          size="xs"
          value={mode}
          onChange={(v) => setMode(v as 'reply' | 'note')}
          data={[
            { value: 'reply', label: 'Reply to customer' },
            { value: 'note', label: 'Internal note' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {disabledReason && (
          <Text size="sm" c="dimmed">
            {disabledReason}
          </Text>
        )}
        {add.isError && (
          <Alert color="red" variant="light" role="alert" p="xs">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Textarea
          label={note ? 'Internal note (only staff see it)' : 'Reply (the customer sees it)'}
          placeholder={note ? 'Write a note for your team…' : 'Write your reply…'}
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          disabled={!!disabledReason}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', send]])}
        />
        <AttachmentPicker uploadUrl="/api/uploads" value={files} onChange={setFiles} onBusyChange={setUploading} disabled={!!disabledReason || add.isPending} />
        <Group justify="space-between">
          <Group gap="md">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send
            </Text>
            <DraftStatusText draft={draft} />
          </Group>
          <Button onClick={send} loading={add.isPending} disabled={!body.trim() || uploading || !!disabledReason} color={note ? 'yellow' : 'indigo'} c={note ? 'dark' : undefined}>
            {note ? 'Add note' : 'Send reply'}
          </Button>
        </Group>
      </Stack>
      <LeaveGuard draft={draft} />
    </Paper>
  );
}
