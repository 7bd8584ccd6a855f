import { createHash, randomUUID } from 'node:crypto';

// Pure helpers for the headers that make replies thread back to their ticket.

export function domainOf(address: string): string {
  return address.split('@')[1]?.toLowerCase() ?? 'clara.local';
}

export function newMessageId(ourAddress: string): string {
  return `<${randomUUID()}@${domainOf(ourAddress)}>`;
}

/** Mail without a Message-ID still needs a stable key, or a redelivery would look new. */
export function syntheticMessageId(raw: Buffer): string {
  return `<${createHash('sha256').update(raw).digest('hex')}@synthetic.clara>`;
}

export function normalizeMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** Every Message-ID in In-Reply-To and References, nearest parent first. */
export function parentMessageIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const refs = (Array.isArray(references) ? references : references ? references.split(/\s+/) : []).filter(Boolean);
  const ids = [...(inReplyTo ? inReplyTo.split(/\s+/) : []), ...refs.reverse()].filter(Boolean).map(normalizeMessageId);
  return [...new Set(ids)];
}

const TAG = /\[#(\d{1,9})\]/;

export function ticketNumberFromSubject(subject: string | undefined): number | null {
  const match = subject ? TAG.exec(subject) : null;
  return match ? Number(match[1]) : null;
}

export function taggedSubject(subject: string, ticketNumber: number): string {
  const clean = subject.replace(/^\s*((re|fwd?|aw|wg|sv)\s*:\s*)+/i, '').trim();
  const tagged = TAG.test(clean) ? clean : `[#${ticketNumber}] ${clean}`;
  return `Re: ${tagged}`;
}

/** References of a reply: the thread so far, capped so headers stay a sane length. */
export function referencesFor(thread: string[], max = 20): string[] {
  const unique = [...new Set(thread)];
  return unique.length <= max ? unique : [unique[0]!, ...unique.slice(-(max - 1))];
}
