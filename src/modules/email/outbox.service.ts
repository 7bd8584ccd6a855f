import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { scrubSecrets } from '../../core/logger';
import { PROCESS_ID } from '../../core/process-id';
import { together, type Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import { outbox, type OutboxAttachment, type OutboxKind, type OutboxRow, type OutboxStatus } from './email.table';
import type { EmailContext, OutboxDeps } from './email.context';
import { MailerError } from './mailer';
import { claimOutbox, findOutbox, findUnsentOutboxIds, finishOutbox, insertOutbox, listOutbox, updateOutbox } from './outbox.queries';
import { newMessageId } from './threading';

export const SEND_JOB = 'email.send';
const STALE_SENDING_MS = 10 * 60_000;

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  kind?: OutboxKind;
  ticketId?: string | null;
  ticketMessageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  attachments?: { filename: string; contentType: string; content: Buffer | string }[];
  /** Enqueueing the same key again is a no-op (returns null). */
  dedupeKey?: string;
}

export function defaultWorkerId(): string {
  return PROCESS_ID;
}

/**
 * Queues an email in the caller's transaction: it is sent only if that transaction commits, and
 * then exactly once per row. Returns the row (with its Message-ID), or null for a repeated dedupeKey.
 */
export async function enqueueEmail(ctx: OutboxDeps, tx: Db, input: NewEmail): Promise<OutboxRow | null> {
  const now = ctx.clock.now();
  const attachments: OutboxAttachment[] = (input.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.content).toString('base64'),
  }));
  const id = randomUUID();
  const values = {
    id,
    kind: input.kind ?? 'notification',
    toAddress: input.to,
    fromAddress: `"${ctx.config.CLARA_SUPPORT_NAME.replace(/"/g, '')}" <${ctx.config.CLARA_SUPPORT_ADDRESS}>`,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    messageId: newMessageId(ctx.config.CLARA_SUPPORT_ADDRESS),
    inReplyTo: input.inReplyTo ?? null,
    references: input.references ?? [],
    attachments,
    ticketId: input.ticketId ?? null,
    ticketMessageId: input.ticketMessageId ?? null,
    dedupeKey: input.dedupeKey ?? null,
    maxAttempts: ctx.config.CLARA_EMAIL_MAX_ATTEMPTS,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
  // The send job goes out with the row it sends, and is only written if the row was (not for a repeated dedupeKey).
  const onlyIf = sql`exists (select 1 from ${outbox} where ${outbox.id} = ${id})`;
  const [row] = await together([insertOutbox(tx, values), ctx.jobs.enqueue(tx, SEND_JOB, { outboxId: id }, { runAt: now, onlyIf })]);
  return row;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'skipped';

// RFC 3834: mail a person wrote is "no"; answers to a customer's mail are "auto-replied", so
// well-behaved auto-responders do not answer them back.
const AUTO_SUBMITTED: Record<OutboxKind, string> = {
  reply: 'no',
  acknowledgment: 'auto-replied',
  auto_answer: 'auto-replied',
  resolution: 'auto-generated',
  notification: 'auto-generated',
  invitation: 'auto-generated',
};

// Sends one outbox row if this worker wins its claim. A crash after the SMTP server accepted the
// mail but before 'sent' is recorded resends it with the same Message-ID, which clients dedupe.
export async function deliverOutboxEmail(ctx: EmailContext, id: string): Promise<DeliveryOutcome> {
  const mailer = ctx.email.mailer;
  if (!mailer) return 'skipped';
  const now = ctx.clock.now();
  const worker = ctx.email.workerId;
  const row = await claimOutbox(ctx.db, id, now, new Date(now.getTime() - STALE_SENDING_MS), worker);
  if (!row) return 'skipped';
  try {
    const result = await mailer.send({
      from: row.fromAddress,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      messageId: row.messageId,
      inReplyTo: row.inReplyTo,
      references: row.references,
      headers: { 'Auto-Submitted': AUTO_SUBMITTED[row.kind], 'X-Clara-Outbox-Id': row.id },
      attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
    });
    await finishOutbox(ctx.db, id, worker, { status: 'sent', sentAt: ctx.clock.now(), smtpResponse: result.response.slice(0, 1000), lastError: null, updatedAt: ctx.clock.now() });
    ctx.log.info({ outboxId: id, kind: row.kind }, 'email sent');
    return 'sent';
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    const permanent = err instanceof MailerError && err.permanent;
    if (permanent || row.attempts >= row.maxAttempts) {
      await finishOutbox(ctx.db, id, worker, { status: 'dead', lastError: scrubSecrets(message), updatedAt: ctx.clock.now() });
      ctx.log.error({ outboxId: id, attempts: row.attempts, permanent }, 'email failed for good');
      return 'dead';
    }
    const nextAt = new Date(ctx.clock.now().getTime() + ctx.config.CLARA_EMAIL_RETRY_MS * 2 ** (row.attempts - 1));
    await ctx.db.transaction(async (tx) => {
      await finishOutbox(tx, id, worker, { status: 'pending', nextAttemptAt: nextAt, lastError: scrubSecrets(message), updatedAt: ctx.clock.now() });
      await ctx.jobs.enqueue(tx, SEND_JOB, { outboxId: id }, { runAt: nextAt });
    });
    ctx.log.warn({ outboxId: id, attempts: row.attempts, nextAt }, 'email failed, will retry');
    return 'retry';
  }
}

export async function listOutboxRows(ctx: EmailContext, status: OutboxStatus | undefined, limit: number) {
  return listOutbox(ctx.db, status, limit);
}

/** An admin sends a dead email again: a fresh set of attempts, starting now. */
export async function retryOutboxEmail(ctx: EmailContext, by: AuditBy, id: string): Promise<OutboxRow> {
  const existing = await findOutbox(ctx.db, id);
  if (!existing) throw new AppError('NOT_FOUND', 'Outbox email not found.');
  if (existing.status !== 'dead') throw new AppError('CONFLICT', `Only dead emails can be retried; this one is ${existing.status}.`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await updateOutbox(tx, id, { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now });
    await ctx.jobs.enqueue(tx, SEND_JOB, { outboxId: id }, { runAt: now });
    await auditChange(ctx, tx, by, {
      action: 'outbox.retried',
      targetType: 'outbox_email',
      targetId: id,
      before: { status: existing.status, attempts: existing.attempts, last_error: existing.lastError },
      after: { status: row!.status, attempts: row!.attempts, last_error: row!.lastError },
      details: { to: existing.toAddress, subject: existing.subject },
    });
    return row!;
  });
}

/**
 * A safety net run at start and every few minutes: rows queued while no SMTP server was configured,
 * and rows a crashed worker left 'sending', get a send job again (at most one waiting per row).
 */
export async function resumePendingOutbox(ctx: EmailContext): Promise<number> {
  if (!ctx.email.mailer) return 0;
  const now = ctx.clock.now();
  const ids = await findUnsentOutboxIds(ctx.db, now, new Date(now.getTime() - STALE_SENDING_MS));
  for (const outboxId of ids) await ctx.jobs.enqueue(ctx.db, SEND_JOB, { outboxId }, { singletonKey: `email.send:${outboxId}` });
  return ids.length;
}
