import { simpleParser, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { stripReply } from './reply-strip';
import { normalizeMessageId, parentMessageIds, syntheticMessageId } from './threading';

export interface InboundEmail {
  messageId: string;
  from: { address: string; name: string | null } | null;
  subject: string;
  parents: string[];
  body: string;
  html: string | null;
  /** Auto-replies, lists and bulk mail never get an automatic answer. */
  automated: boolean;
  /** Written by a machine in answer to something (out-of-office, vacation notice). */
  autoReply: boolean;
  /** Mail delivery reports (multipart/report; report-type=delivery-status) or mailer-daemon. */
  bounce: BounceReport | null;
  attachments: ParsedMail['attachments'];
}

export interface BounceReport {
  /** Message-IDs quoted in the report: one of them is ours. */
  originalIds: string[];
  status: string | null;
  action: string | null;
  recipient: string | null;
  diagnostic: string | null;
}

const MAX_HTML = 200_000;

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) return String(value.value);
  return String(value);
}

function isAutoReply(mail: ParsedMail): boolean {
  const auto = header(mail, 'auto-submitted').toLowerCase();
  if (auto && auto !== 'no') return true;
  if (/^auto_reply$/i.test(header(mail, 'precedence').trim())) return true;
  return Boolean(header(mail, 'x-autoreply') || header(mail, 'x-autorespond'));
}

function isBulk(mail: ParsedMail): boolean {
  return /^(bulk|list|junk)$/i.test(header(mail, 'precedence').trim()) || Boolean(header(mail, 'list-id'));
}

const DAEMON = /^(mailer-daemon|postmaster)@/i;

function field(text: string, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(text);
  return match ? match[1]!.trim() : null;
}

function bounceOf(mail: ParsedMail, raw: Buffer, fromAddress: string): BounceReport | null {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const isReport = type?.value === 'multipart/report' && type.params?.['report-type']?.toLowerCase() === 'delivery-status';
  if (!isReport && !DAEMON.test(fromAddress)) return null;
  // mailparser folds the message/delivery-status part into the text; its fields are read from the source.
  const source = raw.toString('latin1');
  const status = source.slice(source.search(/^Content-Type:\s*message\/delivery-status/im) + 1);
  const own = mail.messageId ? normalizeMessageId(mail.messageId) : null;
  const ids = [...source.matchAll(/^Message-ID:\s*(<[^>\s]+>)/gim)].map((m) => m[1]!).filter((id) => id !== own);
  return {
    originalIds: [...new Set(ids)],
    status: field(status, 'Status'),
    action: field(status, 'Action'),
    recipient: field(status, 'Final-Recipient')?.replace(/^rfc822;\s*/i, '') ?? null,
    diagnostic: field(status, 'Diagnostic-Code'),
  };
}

export async function parseInbound(raw: Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true });
  const sender = mail.from?.value[0];
  const address = sender?.address?.toLowerCase() ?? '';
  const text = mail.text ?? '';
  const html = mail.html ? sanitizeHtml(mail.html).slice(0, MAX_HTML) : null;
  return {
    messageId: mail.messageId ? normalizeMessageId(mail.messageId) : syntheticMessageId(raw),
    from: address ? { address, name: sender?.name || null } : null,
    subject: (mail.subject ?? '').trim(),
    parents: parentMessageIds(mail.inReplyTo, mail.references),
    body: stripReply(text),
    html,
    automated: isAutoReply(mail) || isBulk(mail),
    autoReply: isAutoReply(mail),
    bounce: bounceOf(mail, raw, address),
    attachments: mail.attachments.filter((a) => !/^(message\/delivery-status|message\/rfc822|text\/rfc822-headers)$/.test(a.contentType)),
  };
}
