import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { customers } from '../customers';
import { messageColumns, ticketMessages, tickets } from '../tickets';
import { inboundEmails, type InboundEmailRow } from './email.table';

export async function insertInbound(db: Db, values: typeof inboundEmails.$inferInsert): Promise<InboundEmailRow | null> {
  const [row] = await db.insert(inboundEmails).values(values).onConflictDoNothing({ target: inboundEmails.messageId }).returning();
  return row ?? null;
}

export async function findInbound(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<InboundEmailRow | null> {
  const query = db.select().from(inboundEmails).where(eq(inboundEmails.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateInbound(db: Db, id: string, values: Partial<typeof inboundEmails.$inferInsert>): Promise<void> {
  await db.update(inboundEmails).set(values).where(eq(inboundEmails.id, id));
}

/** The message an earlier, interrupted run already wrote for this mail, if any. */
export async function findMessageFromInbound(db: Db, inboundId: string, where: { ticketId?: string; customerEmail?: string }) {
  const marker = sql`${ticketMessages.metadata} @> ${JSON.stringify({ email: { inbound_email_id: inboundId } })}::jsonb`;
  if (where.ticketId) {
    const [row] = await db.select(messageColumns).from(ticketMessages).where(and(eq(ticketMessages.ticketId, where.ticketId), marker));
    return row ?? null;
  }
  const [row] = await db
    .select({ message: messageColumns })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(and(eq(customers.email, where.customerEmail ?? ''), marker));
  return row?.message ?? null;
}

export async function findTicketByNumber(db: Db, number: number) {
  const [row] = await db
    .select({ id: tickets.id, status: tickets.status, customerEmail: customers.email })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(tickets.number, number));
  return row ?? null;
}

