import { Anchor, Breadcrumbs, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/page-states';
import { ArticlePeek } from '../components/article-peek';
import { ApiError } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { formatDateTime } from '../../lib/time';
import { useQueues } from '../../features/settings/api/queues';
import { useTicketAttachments } from '../../features/tickets/api/attachments';
import { useTicket, useTicketHistory, useTicketMessages } from '../../features/tickets/api/get-ticket';
import { Composer } from '../../features/tickets/components/composer';
import { ClassificationPanel } from '../../features/tickets/components/classification-panel';
import { AttachmentLinks } from '../../components/attachments';
import { Conversation } from '../../features/tickets/components/conversation';
import { EscalationControls } from '../../features/tickets/components/escalation-controls';
import { HistoryTimeline } from '../../features/tickets/components/history-timeline';
import { SlaPanel } from '../../features/tickets/components/sla-panel';
import { SuggestedAnswer } from '../../features/tickets/components/suggested-answer';
import { DemoBadge, PriorityBadge, StatusBadge } from '../../features/tickets/components/ticket-badges';
import { TicketProperties } from '../../features/tickets/components/ticket-properties';
import { useUsers } from '../../features/users/api/list-users';
import { PlayAnswerButton } from '../../features/voice/components/play-answer-button';
import { VoiceTranscript } from '../../features/voice/components/voice-transcript';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h6" mb="sm" tt="uppercase" c="dimmed">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function TicketPage() {
  const { ref = '' } = useParams();
  const session = useSession();
  const ticket = useTicket(ref);
  const id = ticket.data?.id;
  const messages = useTicketMessages(id);
  const history = useTicketHistory(id);
  const attachments = useTicketAttachments(id);
  const users = useUsers({}, { enabled: session.can('users:read') });
  const queues = useQueues();
  const [insert, setInsert] = useState<{ text: string; nonce: number }>();
  const [source, setSource] = useState<{ article_id: string; title: string } | null>(null);
  useDocumentTitle(ticket.data ? `#${ticket.data.number} ${ticket.data.subject} · Clara` : 'Ticket · Clara');

  if (ticket.isPending) return <LoadingState label="Loading ticket…" />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 400);
    return (
      <Stack>
        <ErrorState error={ticket.error} title={missing ? `Ticket ${ref} does not exist` : 'Could not load the ticket'} onRetry={missing ? undefined : () => void ticket.refetch()} />
        <Anchor component={Link} to="/tickets">
          Back to the inbox
        </Anchor>
      </Stack>
    );
  }
  const t = ticket.data;
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  if (t.assignee) userName.set(t.assignee.id, t.assignee.name);
  userName.set(session.user.id, session.user.name);
  const queueName = new Map((queues.data ?? []).map((q) => [q.id, q.name]));
  const canWrite = session.can('tickets:write');

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/tickets" size="sm">
          Inbox
        </Anchor>
        <Text size="sm">#{t.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="ticket-subject">
            {t.subject}
          </Title>
          <Group gap="xs">
            <StatusBadge status={t.status} />
            <PriorityBadge priority={t.priority} />
            <DemoBadge metadata={t.metadata} />
            <Text size="sm" c="dimmed">
              #{t.number} · {t.channel} · opened {formatDateTime(t.created_at)}
            </Text>
          </Group>
        </Stack>
        <EscalationControls
          ticket={t}
          queues={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
          canEscalate={session.can('tickets:escalate')}
          canDeescalate={session.can('tickets:deescalate')}
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {t.channel === 'voice' && (
              <Section title="Voice message">
                <VoiceTranscript
                  ticketId={t.id}
                  onTranscribed={() => {
                    void ticket.refetch();
                    void messages.refetch();
                  }}
                />
              </Section>
            )}
            {messages.isPending ? (
              <LoadingState label="Loading conversation…" />
            ) : messages.isError ? (
              <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
            ) : (
              <Conversation
                messages={messages.data}
                actions={(m) => (
                  <>
                    <AttachmentLinks items={attachments.data?.filter((a) => a.message_id === m.id) ?? []} href={(fileId) => `/api/attachments/${fileId}`} />
                    {!m.internal && m.author_type !== 'customer' && <PlayAnswerButton src={`/api/tickets/${t.id}/messages/${m.id}/audio`} />}
                  </>
                )}
              />
            )}
            {t.status !== 'resolved' && t.status !== 'closed' && (
              <Section title="Suggested answer">
                <SuggestedAnswer ticketId={t.id} canInsert={canWrite} onInsert={(text) => setInsert({ text, nonce: Date.now() })} onOpenSource={setSource} />
                <ArticlePeek article={source} onClose={() => setSource(null)} />
              </Section>
            )}
            {canWrite && (
              <Composer
                key={t.id}
                ticketId={t.id}
                ticketRef={ref}
                insert={insert}
                disabledReason={t.status === 'closed' ? 'This ticket is closed: reopen it (Status → Open) to write.' : undefined}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section title="SLA">
              <SlaPanel ticket={t} />
            </Section>
            <Section title="Classification">
              <ClassificationPanel ticket={t} canWrite={canWrite} />
            </Section>
            <Section title="Properties">
              <TicketProperties
                ticket={t}
                selfId={session.user.id}
                assignees={(users.data ?? []).filter((u) => u.active && u.role !== 'viewer').map((u) => ({ value: u.id, label: u.name }))}
                queues={(queues.data?.filter((q) => q.active || q.id === t.queue.id) ?? [t.queue]).map((q) => ({ value: q.id, label: q.name }))}
                canWrite={canWrite}
                canAssignOthers={session.can('tickets:assign')}
                canClose={session.can('tickets:close')}
              />
            </Section>
            <Section title="Customer">
              <Text size="sm" fw={500}>
                {t.customer.name ?? 'No name'}
              </Text>
              <Anchor href={`mailto:${t.customer.email}`} size="sm">
                {t.customer.email}
              </Anchor>
            </Section>
            <Section title="History">
              {history.isPending ? (
                <LoadingState />
              ) : history.isError ? (
                <ErrorState error={history.error} onRetry={() => void history.refetch()} />
              ) : (
                <HistoryTimeline entries={history.data} names={{ user: (uid) => userName.get(uid), queue: (qid) => queueName.get(qid) }} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
