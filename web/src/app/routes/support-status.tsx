import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/page-states';
import { ApiError, errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/time';
import { AttachmentLinks, AttachmentPicker, type UploadedFile } from '../../components/attachments';
import { publicAttachmentUrl, usePublicReply, usePublicTicket } from '../../features/support/api/public-tickets';
import { AutoAnswerFeedback } from '../../features/support/components/auto-answer-feedback';
import { PublicConversation } from '../../features/support/components/public-conversation';
import { PublicLayout } from '../../features/support/components/public-layout';
import { PlayAnswerButton } from '../../features/voice/components/play-answer-button';

const STATUS_TEXT: Record<string, { label: string; color: string; hint: string }> = {
  open: { label: 'Open', color: 'blue', hint: 'Our team is on it.' },
  pending: { label: 'Waiting for you', color: 'yellow', hint: 'We need an answer from you to go on.' },
  escalated: { label: 'With a specialist', color: 'orange', hint: 'A senior colleague is looking into it.' },
  resolved: { label: 'Resolved', color: 'green', hint: 'Reply if the problem is back and we reopen it.' },
  closed: { label: 'Closed', color: 'gray', hint: 'This request is closed. Open a new one if you need more help.' },
};

export function SupportStatusPage() {
  const { token = '' } = useParams();
  const ticket = usePublicTicket(token);
  const reply = usePublicReply(token);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  useDocumentTitle(ticket.data ? `Request #${ticket.data.number}` : 'Your request');

  const send = () => {
    if (!body.trim() || reply.isPending || uploading) return;
    reply.mutate(
      { body: body.trim(), attachment_ids: files.map((f) => f.id) },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
        },
      },
    );
  };

  let content: React.ReactNode;
  if (ticket.isPending) content = <LoadingState />;
  else if (ticket.isError) {
    const unknown = ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 400);
    content = unknown ? (
      <Alert color="red" variant="light" title="We cannot find this request">
        The link may be incomplete. <Anchor component={Link} to="/support">Open a new request</Anchor>
      </Alert>
    ) : (
      <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
    );
  } else {
    const t = ticket.data;
    const s = STATUS_TEXT[t.status] ?? STATUS_TEXT.open!;
    content = (
      <Stack gap="md">
        <div>
          <Text c="dimmed" size="sm">
            Request #{t.number} · opened {formatDateTime(t.created_at)}
          </Text>
          <Title order={1} size="h2">
            {t.subject}
          </Title>
          <Group gap="xs" mt={6}>
            <Badge color={s.color} size="lg" data-testid="public-status">
              {s.label}
            </Badge>
            <Text size="sm" c="dimmed">
              {s.hint}
            </Text>
          </Group>
        </div>
        <PublicConversation
          messages={t.messages}
          actions={(m, i) => (
            <>
              <AttachmentLinks items={m.attachments} href={(id) => publicAttachmentUrl(token, id)} />
              {m.author_type !== 'customer' && <PlayAnswerButton src={`/api/public/tickets/${encodeURIComponent(token)}/messages/${i}/audio`} />}
            </>
          )}
        />
        {t.answering && (
          <Group gap="xs" data-testid="public-answering">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Clara is reading your request and looking for an answer…
            </Text>
          </Group>
        )}
        <AutoAnswerFeedback token={token} ticket={t} />
        {t.status !== 'closed' && t.auto_answer?.state !== 'awaiting_feedback' && (
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              {reply.isError && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(reply.error)}
                </Alert>
              )}
              <Textarea
                label="Add a message"
                autosize
                minRows={3}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                onKeyDown={getHotkeyHandler([['mod+Enter', send]])}
              />
              <AttachmentPicker uploadUrl="/api/public/uploads" value={files} onChange={setFiles} onBusyChange={setUploading} disabled={reply.isPending} />
              <Group justify="flex-end">
                <Button onClick={send} loading={reply.isPending} disabled={!body.trim() || uploading}>
                  Send
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    );
  }
  return <PublicLayout>{content}</PublicLayout>;
}
