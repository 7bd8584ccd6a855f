import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { compiledInsert } from '../../core/compiled-insert';
import { queryRows, type Db } from '../../core/db';
import { inboundEmails, outbox, type OutboxRow, type OutboxStatus } from './email.table';

// Built once: most new tickets queue a mail.
const insertOutboxRows = compiledInsert(outbox, (insert) => insert.onConflictDoNothing({ target: outbox.dedupeKey }));
const outboxColumns = getTableColumns(outbox);

export async function insertOutbox(db: Db, values: typeof outbox.$inferInsert): Promise<OutboxRow | null> {
  const [row] = await insertOutboxRows<OutboxRow>(db, [values], outboxColumns);
  return row ?? null;
}

export async function findOutbox(db: Db, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

// The claim is what makes a send happen once: only one worker flips a row to 'sending'; a row
// left 'sending' by a crashed worker is taken over once its lock is stale.
export async function claimOutbox(db: Db, id: string, now: Date, staleBefore: Date, workerId: string): Promise<OutboxRow | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update outbox set status = 'sending', locked_at = ${now.toISOString()}, locked_by = ${workerId},
          attempts = attempts + 1, updated_at = ${now.toISOString()}
        where id = ${id} and next_attempt_at <= ${now.toISOString()}
          and (status = 'pending' or (status = 'sending' and locked_at < ${staleBefore.toISOString()}))
        returning id`,
  );
  return rows[0] ? findOutbox(db, rows[0].id) : null;
}

export async function finishOutbox(db: Db, id: string, workerId: string, values: Partial<typeof outbox.$inferInsert>): Promise<void> {
  await db
    .update(outbox)
    .set({ ...values, lockedAt: null, lockedBy: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.lockedBy, workerId)));
}

export async function updateOutbox(db: Db, id: string, values: Partial<typeof outbox.$inferInsert>): Promise<OutboxRow | null> {
  const [row] = await db.update(outbox).set(values).where(eq(outbox.id, id)).returning();
  return row ?? null;
}

export async function listOutbox(db: Db, status: OutboxStatus | undefined, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** Rows due to be sent, and rows a crashed worker left 'sending'. */
export async function findUnsentOutboxIds(db: Db, now: Date, staleBefore: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from outbox where (status = 'pending' and next_attempt_at <= ${now.toISOString()})
          or (status = 'sending' and locked_at < ${staleBefore.toISOString()})`,
  );
  return rows.map((r) => r.id);
}

export async function findOutboxByMessageIds(db: Db, messageIds: string[]): Promise<OutboxRow[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.messageId, messageIds));
}

/** The ticket a set of Message-IDs belongs to, from mail we sent or received. */
export async function findTicketIdByMessageIds(db: Db, messageIds: string[]): Promise<string | null> {
  if (messageIds.length === 0) return null;
  const sent = await db
    .select({ ticketId: outbox.ticketId })
    .from(outbox)
    .where(and(inArray(outbox.messageId, messageIds), sql`${outbox.ticketId} is not null`))
    .limit(1);
  if (sent[0]?.ticketId) return sent[0].ticketId;
  const received = await db
    .select({ ticketId: inboundEmails.ticketId })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.messageId, messageIds), sql`${inboundEmails.ticketId} is not null`))
    .limit(1);
  return received[0]?.ticketId ?? null;
}

/** Message-IDs of a ticket's mail in order, and the customer's latest one (what a reply answers). */
// `firstInboundId`: the mail that created the ticket, linked to it only once its processing commits
// (an auto-answer is written before that).
export async function ticketThread(db: Db, ticketId: string, firstInboundId?: string): Promise<{ ids: string[]; lastInbound: string | null }> {
  const first = firstInboundId ? sql` or id = ${firstInboundId}` : sql``;
  const rows = await queryRows<{ message_id: string; inbound: boolean }>(
    db,
    sql`select message_id, inbound from (
          select message_id, true as inbound, received_at as at from inbound_emails where ticket_id = ${ticketId}${first}
          union all
          select message_id, false as inbound, created_at as at from outbox where ticket_id = ${ticketId}
        ) t order by at, message_id`,
  );
  const inbound = rows.filter((r) => r.inbound);
  return { ids: rows.map((r) => r.message_id), lastInbound: inbound.at(-1)?.message_id ?? null };
}

/** Mail not yet sent (pending or being sent) and mail given up on, with the oldest unsent one's age. */
export async function outboxBacklog(db: Db): Promise<{ waiting: number; dead: number; oldestWaitingAt: Date | null }> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${outbox.status} in ('pending', 'sending'))::int`,
      dead: sql<number>`count(*) filter (where ${outbox.status} = 'dead')::int`,
      oldest: sql<string | null>`min(${outbox.createdAt}) filter (where ${outbox.status} in ('pending', 'sending'))`,
    })
    .from(outbox);
  return { waiting: Number(row?.waiting ?? 0), dead: Number(row?.dead ?? 0), oldestWaitingAt: row?.oldest ? new Date(row.oldest) : null };
}
