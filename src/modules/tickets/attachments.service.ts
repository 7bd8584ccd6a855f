import { z } from 'zod';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { hashToken } from '../../core/secrets';
import type { Actor } from '../../core/rbac';
import { prepareUpload } from './attachment-files';
import { claimUploads, deleteUnsentUpload, findAttachment, insertAttachments, listTicketAttachments, type AttachmentSummary } from './attachments.queries';
import { getTicket } from './ticket-read.service';
import type { TicketsContext } from './tickets.context';
import { findTicketByTokenHash } from './tickets.queries';

export const PURGE_UPLOAD_JOB = 'attachments.purge_upload';
/** An upload never sent with a message is deleted after this long. */
export const UNSENT_UPLOAD_TTL_MS = 24 * 60 * 60_000;

export type Uploader = { origin: 'customer' } | { origin: 'staff'; userId: string };

export function toAttachment(a: AttachmentSummary) {
  return { id: a.id, message_id: a.ticketMessageId, filename: a.filename, content_type: a.contentType, size: a.size, created_at: a.createdAt.toISOString() };
}

export function uploaderOf(actor: Actor): Uploader {
  if (actor.type !== 'user' || !actor.id) throw new AppError('FORBIDDEN');
  return { origin: 'staff', userId: actor.id };
}

/** Stores a file from the web app until the message it belongs to is sent. */
export async function uploadFile(ctx: TicketsContext, uploader: Uploader, file: { filename?: string; contentType: string; content: Buffer }) {
  const prepared = await prepareUpload(file, ctx.config.CLARA_UPLOAD_MAX_BYTES);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [stored] = await insertAttachments(tx, [
      { ...prepared, origin: uploader.origin, uploadedByUserId: uploader.origin === 'staff' ? uploader.userId : null, createdAt: now },
    ]);
    await ctx.jobs.enqueue(tx, PURGE_UPLOAD_JOB, { attachmentId: stored!.id }, { runAt: new Date(now.getTime() + UNSENT_UPLOAD_TTL_MS + 60_000) });
    return stored!;
  });
  return toAttachment(row);
}

/**
 * Joins the uploads to a message inside the message's transaction, so a message and its files
 * are saved together or not at all. An id that is unknown, not the sender's or already sent is refused.
 */
export async function attachUploads(tx: Db, ids: string[] | undefined, uploader: Uploader, target: { ticketId: string; ticketMessageId: string }) {
  const unique = [...new Set(ids ?? [])];
  const claimed = await claimUploads(tx, unique, uploader, target);
  if (claimed.length !== unique.length) {
    const missing = unique.filter((id) => !claimed.some((c) => c.id === id));
    throw new AppError('VALIDATION_FAILED', 'An attached file is no longer available (it was sent already or expired): attach it again.', [
      { field: 'body.attachment_ids', message: `Unknown or already sent: ${missing.join(', ')}` },
    ]);
  }
  return claimed;
}

export async function listAttachments(ctx: TicketsContext, ref: string) {
  const ticket = await getTicket(ctx, ref);
  return { items: (await listTicketAttachments(ctx.db, ticket.id)).map(toAttachment) };
}

/** Staff download a ticket's files, and their own uploads before sending. */
export async function downloadAttachment(ctx: TicketsContext, actor: Actor, id: string) {
  const row = await findAttachment(ctx.db, id);
  if (!row || (!row.ticketId && row.uploadedByUserId !== actor.id)) throw new AppError('NOT_FOUND', 'Attachment not found.');
  return { filename: row.filename, contentType: row.contentType, content: row.content };
}

/** The customer downloads the files on the public messages of their own ticket. */
export async function downloadPublicAttachment(ctx: TicketsContext, token: string, id: string) {
  const ticket = await findTicketByTokenHash(ctx.db, hashToken(token));
  if (!ticket) throw new AppError('TICKET_NOT_FOUND');
  const visible = await listTicketAttachments(ctx.db, ticket.id, { publicOnly: true });
  if (!visible.some((a) => a.id === id)) throw new AppError('NOT_FOUND', 'Attachment not found.');
  const row = (await findAttachment(ctx.db, id))!;
  return { filename: row.filename, contentType: row.contentType, content: row.content };
}

export function registerAttachmentJobs(ctx: TicketsContext): void {
  ctx.jobs.register({
    name: PURGE_UPLOAD_JOB,
    schema: z.object({ attachmentId: z.string().uuid() }),
    maxAttempts: 3,
    handler: async ({ attachmentId }) => {
      await deleteUnsentUpload(ctx.db, attachmentId, new Date(ctx.clock.now().getTime() - UNSENT_UPLOAD_TTL_MS));
    },
  });
}
