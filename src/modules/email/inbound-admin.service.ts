import { desc, eq, getTableColumns } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import type { EmailContext } from './email.context';
import { inboundEmails, type InboundEmailRow, type InboundStatus } from './email.table';
import { PROCESS_JOB } from './inbound-store.service';
import { findInbound, updateInbound } from './inbound.queries';

function toInbound(r: Omit<InboundEmailRow, 'raw'>) {
  return {
    id: r.id,
    message_id: r.messageId,
    source: r.source,
    status: r.status,
    from: r.fromAddress,
    subject: r.subject,
    ticket_id: r.ticketId,
    outcome: r.outcome,
    error: r.error,
    received_at: r.receivedAt.toISOString(),
    processed_at: r.processedAt?.toISOString() ?? null,
  };
}

export async function listInboundEmails(ctx: EmailContext, status: InboundStatus | undefined, limit: number) {
  const { raw: _raw, ...columns } = getTableColumns(inboundEmails);
  const rows = await ctx.db
    .select(columns)
    .from(inboundEmails)
    .where(status ? eq(inboundEmails.status, status) : undefined)
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(limit);
  return { items: rows.map(toInbound) };
}

/** An admin has a failed mail processed again (after fixing what made it fail). */
export async function retryInboundEmail(ctx: EmailContext, by: AuditBy, id: string) {
  const row = await findInbound(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Inbound email not found.');
  if (row.status !== 'failed') throw new AppError('CONFLICT', `Only failed emails can be processed again; this one is ${row.status}.`);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateInbound(tx, id, { status: 'received', error: null });
    await ctx.jobs.enqueue(tx, PROCESS_JOB, { inboundId: id }, { runAt: now });
    await auditChange(ctx, tx, by, {
      action: 'inbound_email.retried',
      targetType: 'inbound_email',
      targetId: id,
      before: { status: row.status, error: row.error },
      after: { status: 'received', error: null },
    });
  });
  return toInbound({ ...row, status: 'received', error: null });
}
