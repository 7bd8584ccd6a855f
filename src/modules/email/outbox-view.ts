import type { OutboxRow } from './email.table';

export function toOutboxEmail(r: OutboxRow) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    to: r.toAddress,
    subject: r.subject,
    message_id: r.messageId,
    in_reply_to: r.inReplyTo,
    ticket_id: r.ticketId,
    attempts: r.attempts,
    max_attempts: r.maxAttempts,
    next_attempt_at: r.nextAttemptAt.toISOString(),
    last_error: r.lastError,
    sent_at: r.sentAt?.toISOString() ?? null,
    bounced_at: r.bouncedAt?.toISOString() ?? null,
    bounce: r.bounce ?? null,
    created_at: r.createdAt.toISOString(),
  };
}
