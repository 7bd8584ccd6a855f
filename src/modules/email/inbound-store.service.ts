import { simpleParser } from 'mailparser';
import type { CoreContext } from '../../core/context';
import { insertInbound } from './inbound.queries';
import { normalizeMessageId, syntheticMessageId } from './threading';

export const PROCESS_JOB = 'email.process_inbound';

export interface StoredRaw {
  id: string | null;
  messageId: string;
  duplicate: boolean;
}

async function headersOf(raw: Buffer) {
  try {
    const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    return { messageId: mail.messageId, from: mail.from?.value[0]?.address ?? null, subject: mail.subject ?? null };
  } catch {
    return { messageId: undefined, from: null, subject: null };
  }
}

// Step one for every transport: the raw mail and its processing job commit together, so once a
// transport acknowledges a message (SMTP 250, IMAP \Seen) it cannot be lost. Same Message-ID twice is a no-op.
export async function storeRawEmail(ctx: CoreContext, raw: Buffer, source: string): Promise<StoredRaw> {
  const head = await headersOf(raw);
  const messageId = head.messageId ? normalizeMessageId(head.messageId) : syntheticMessageId(raw);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertInbound(tx, {
      messageId,
      source,
      raw,
      fromAddress: head.from?.toLowerCase() ?? null,
      subject: head.subject?.slice(0, 500) ?? null,
      receivedAt: now,
    });
    if (inserted) await ctx.jobs.enqueue(tx, PROCESS_JOB, { inboundId: inserted.id }, { runAt: now });
    return inserted;
  });
  if (!row) ctx.log.info({ source }, 'duplicate inbound email ignored');
  return { id: row?.id ?? null, messageId, duplicate: !row };
}
