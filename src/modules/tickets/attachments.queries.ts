import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { attachments, type AttachmentRow } from './attachments.table';
import { ticketMessages } from './tickets.table';

const summary = {
  id: attachments.id,
  ticketMessageId: attachments.ticketMessageId,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  createdAt: attachments.createdAt,
};
export type AttachmentSummary = { id: string; ticketMessageId: string | null; filename: string; contentType: string; size: number; createdAt: Date };

export async function insertAttachments(db: Db, rows: (typeof attachments.$inferInsert)[]): Promise<AttachmentSummary[]> {
  if (rows.length === 0) return [];
  return db.insert(attachments).values(rows).returning(summary);
}

/** Every file of a ticket; `publicOnly` leaves out those on internal notes. */
export async function listTicketAttachments(db: Db, ticketId: string, opts: { publicOnly?: boolean } = {}): Promise<AttachmentSummary[]> {
  const base = db.select(summary).from(attachments);
  const query = opts.publicOnly
    ? base.innerJoin(ticketMessages, eq(ticketMessages.id, attachments.ticketMessageId)).where(and(eq(attachments.ticketId, ticketId), eq(ticketMessages.internal, false)))
    : base.where(eq(attachments.ticketId, ticketId));
  return query.orderBy(asc(attachments.createdAt), asc(attachments.filename), asc(attachments.id));
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * Joins uploads nobody has sent yet to a message. Only the uploader's own files qualify (a member
 * of staff's by user id, the customer's by origin); the caller checks every id was taken.
 */
export async function claimUploads(
  db: Db,
  ids: string[],
  owner: { origin: 'customer' } | { origin: 'staff'; userId: string },
  target: { ticketId: string; ticketMessageId: string },
): Promise<AttachmentSummary[]> {
  if (ids.length === 0) return [];
  const ownerMatch = owner.origin === 'staff' ? eq(attachments.uploadedByUserId, owner.userId) : eq(attachments.origin, 'customer');
  return db
    .update(attachments)
    .set(target)
    .where(and(inArray(attachments.id, ids), isNull(attachments.ticketId), ownerMatch))
    .returning(summary);
}

/** An upload still waiting for its message, deleted when it is older than `before`. */
export async function deleteUnsentUpload(db: Db, id: string, before: Date): Promise<boolean> {
  const rows = await db
    .delete(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.ticketId), lt(attachments.createdAt, before)))
    .returning({ id: attachments.id });
  return rows.length > 0;
}

/** The files of one message with their bytes (an outgoing reply carries them). */
export async function findMessageFiles(db: Db, ticketMessageId: string): Promise<AttachmentRow[]> {
  return db.select().from(attachments).where(eq(attachments.ticketMessageId, ticketMessageId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
}
